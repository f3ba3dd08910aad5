package dk.queue.core.stats;

import java.time.LocalDate;

/**
 * The figures of one service at one branch, for one local hour of one day, or for the whole range
 * ({@code date} and {@code hour} null). Each count falls in the hour of its event: issued when
 * taken, served when done, a wait when the ticket was called, a service time when it was done.
 *
 * @param cancelled        tickets the citizen cancelled
 * @param expired          tickets left over at the end of the day, counted in the hour they joined
 *                         their last queue
 * @param transferred      tickets sent on from this service to another
 * @param waitSeconds      from joining the queue (taking the ticket, or a transfer) to being called
 * @param serviceSeconds   from the citizen's arrival at the desk to done
 * @param withinTargetShare the share of calls that came within the service's target wait (0-1),
 *                          null without calls
 * @param estimateCount     calls of tickets told a wait at issue (and not transferred since)
 * @param estimateRase      of those, sqrt(mean squared (told − waited)) / mean wait; null without
 * @param estimateBias      of those, mean (told − waited) / mean wait; null without
 * @param calledLateShare   of those, the share called more than 5 minutes later than told
 * @param calledOutOfTurn   tickets a desk called by choice, not the one it was next to call
 * @param bookings          the booked times in this hour (of their booked time), day or range; null
 *                          when there were none
 */
public record StatsRow(
    String branch,
    String service,
    LocalDate date,
    Integer hour,
    int issued,
    int served,
    int noShow,
    int cancelled,
    int expired,
    int transferred,
    Figures waitSeconds,
    Figures serviceSeconds,
    Double withinTargetShare,
    int estimateCount,
    Double estimateRase,
    Double estimateBias,
    Double calledLateShare,
    int calledOutOfTurn,
    BookingFigures bookings) {

  /** A row without booked times. */
  public StatsRow(String branch, String service, LocalDate date, Integer hour, int issued, int served, int noShow,
                  int cancelled, int expired, int transferred, Figures waitSeconds, Figures serviceSeconds,
                  Double withinTargetShare, int estimateCount, Double estimateRase, Double estimateBias,
                  Double calledLateShare, int calledOutOfTurn) {
    this(branch, service, date, hour, issued, served, noShow, cancelled, expired, transferred, waitSeconds,
        serviceSeconds, withinTargetShare, estimateCount, estimateRase, estimateBias, calledLateShare, calledOutOfTurn,
        null);
  }

  /** A row without calls out of turn. */
  public StatsRow(String branch, String service, LocalDate date, Integer hour, int issued, int served, int noShow,
                  int cancelled, int expired, int transferred, Figures waitSeconds, Figures serviceSeconds,
                  Double withinTargetShare, int estimateCount, Double estimateRase, Double estimateBias,
                  Double calledLateShare) {
    this(branch, service, date, hour, issued, served, noShow, cancelled, expired, transferred, waitSeconds,
        serviceSeconds, withinTargetShare, estimateCount, estimateRase, estimateBias, calledLateShare, 0);
  }
}
