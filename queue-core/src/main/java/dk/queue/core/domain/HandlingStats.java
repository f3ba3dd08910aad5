package dk.queue.core.domain;

import java.io.Serializable;

/** Today's measured service times of one service, for the wait estimate. */
public record HandlingStats(long served, long totalSeconds) implements Serializable {
  public static final HandlingStats NONE = new HandlingStats(0, 0);

  public HandlingStats plus(long seconds) {
    return new HandlingStats(served + 1, totalSeconds + seconds);
  }

  /** Without one service of that many seconds (a done taken back). */
  public HandlingStats minus(long seconds) {
    return served <= 1 ? NONE : new HandlingStats(served - 1, totalSeconds - seconds);
  }
}
