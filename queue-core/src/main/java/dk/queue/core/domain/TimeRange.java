package dk.queue.core.domain;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Objects;

/**
 * An interval of a day, from {@code open} (inclusive) to {@code close} (exclusive). A close of
 * 00:00 means the end of the day, so 00:00-00:00 is the whole day.
 */
public record TimeRange(LocalTime open, LocalTime close) implements Serializable {
  public TimeRange {
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(close, "close");
    if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
      throw new IllegalArgumentException("closing time " + close + " is not after opening time " + open);
    }
  }

  public boolean contains(LocalTime t) {
    return !t.isBefore(open) && (close.equals(LocalTime.MIDNIGHT) || t.isBefore(close));
  }

  public boolean endsAtMidnight() {
    return close.equals(LocalTime.MIDNIGHT);
  }
}
