package dk.queue.core.domain;

import java.io.Serializable;
import java.util.Objects;

/**
 * How a service is booked at a branch. A service without one is walk-in only.
 *
 * @param only                booked times only: no walk-in tickets from the kiosk
 * @param slotMinutes         the length of one slot
 * @param hours               when slots start and end (may differ from the walk-in hours)
 * @param capacity            how many bookings one slot takes (the desks that take bookings then)
 * @param daysAhead           how many days ahead a slot may be booked (0: today only)
 * @param sameDayPlaces       of each day's places, how many are held back until that morning
 *                            (urgent, same-day bookings)
 * @param graceMinutes        how late a citizen may check in; after it the booking is a no-show
 * @param checkInEarlyMinutes how long before the booked time check-in opens
 * @param keepDays            how many days after the appointment the booking, with its name,
 *                            phone and e-mail, is kept
 * @param letter              the letter of booked tickets' numbers; null: the service's
 * @param waitWhenEarly       a citizen who comes before check-in opens (on the booked day) is checked
 *                            in and waits for the booked time; false: told when to come back
 */
public record BookingDef(boolean only, int slotMinutes, OpeningHours hours, int capacity, int daysAhead,
                         int sameDayPlaces, int graceMinutes, int checkInEarlyMinutes, int keepDays, String letter,
                         boolean waitWhenEarly)
    implements Serializable {
  public static final int DEFAULT_SLOT_MINUTES = 15;
  public static final int DEFAULT_CAPACITY = 1;
  public static final int DEFAULT_DAYS_AHEAD = 30;
  public static final int DEFAULT_GRACE_MINUTES = 10;
  public static final int DEFAULT_CHECK_IN_EARLY_MINUTES = 30;
  public static final int DEFAULT_KEEP_DAYS = 30;

  public BookingDef {
    Objects.requireNonNull(hours, "hours");
    if (slotMinutes < 1 || capacity < 1 || daysAhead < 0 || sameDayPlaces < 0 || graceMinutes < 0
        || checkInEarlyMinutes < 0 || keepDays < 1) {
      throw new IllegalArgumentException("booking settings out of range");
    }
  }

  /** Booked tickets with the service's letter; too early: told when to come back. */
  public BookingDef(boolean only, int slotMinutes, OpeningHours hours, int capacity, int daysAhead, int sameDayPlaces,
                    int graceMinutes, int checkInEarlyMinutes, int keepDays) {
    this(only, slotMinutes, hours, capacity, daysAhead, sameDayPlaces, graceMinutes, checkInEarlyMinutes, keepDays,
        null, false);
  }

  /** The letter of booked tickets of a service with letter {@code serviceLetter}. */
  public String letterOf(String serviceLetter) {
    return letter == null ? serviceLetter : letter;
  }
}
