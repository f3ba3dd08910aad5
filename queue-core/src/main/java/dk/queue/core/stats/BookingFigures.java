package dk.queue.core.stats;

/**
 * The booked times of one service in one local hour (the hour of the booked time), one day or the
 * whole range. {@code booked} counts every booking for a time there (moved away: no longer);
 * {@code checkedIn}, {@code noShow} and {@code cancelled} are how they ended so far (the rest are still
 * to come).
 *
 * @param checkInSeconds       check-in less the booked time: negative when early
 * @param calledAfterSeconds   the first call of a checked-in booking's ticket less the booked time:
 *                             negative when called before its time
 */
public record BookingFigures(int booked, int checkedIn, int noShow, int cancelled, Figures checkInSeconds,
                             Figures calledAfterSeconds) {}
