package dk.queue.core.domain;

import java.io.Serializable;

/**
 * The measured service times of one service, for the wait estimate: today's, and those of the
 * earlier days the branch keeps (at most {@value #EARLIER_KEPT} services; past that, older days
 * fade as each new day joins).
 */
public record HandlingStats(long served, long totalSeconds, long earlierServed, long earlierSeconds)
    implements Serializable {
  public static final HandlingStats NONE = new HandlingStats(0, 0, 0, 0);
  static final long EARLIER_KEPT = 2000;

  public HandlingStats plus(long seconds) {
    return new HandlingStats(served + 1, totalSeconds + seconds, earlierServed, earlierSeconds);
  }

  /** Without one service of that many seconds (a done taken back). */
  public HandlingStats minus(long seconds) {
    return served <= 1 ? new HandlingStats(0, 0, earlierServed, earlierSeconds)
        : new HandlingStats(served - 1, totalSeconds - seconds, earlierServed, earlierSeconds);
  }

  /** At a new day: today's services join the earlier days'. */
  public HandlingStats newDay() {
    long n = earlierServed + served;
    long seconds = earlierSeconds + totalSeconds;
    if (n > EARLIER_KEPT) {
      seconds = Math.round(seconds * (double) EARLIER_KEPT / n);
      n = EARLIER_KEPT;
    }
    return new HandlingStats(0, 0, n, seconds);
  }
}
