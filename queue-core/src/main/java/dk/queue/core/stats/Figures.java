package dk.queue.core.stats;

import java.util.List;

/**
 * A summary of durations in seconds. The median of an even count is the mean of the two middle
 * values; the 90th percentile is the nearest rank (the smallest value at least 90 % of all are at or
 * below). Empty figures have a count of 0 and no values.
 */
public record Figures(int count, Double mean, Double median, Long p90, Long max) {
  public static final Figures NONE = new Figures(0, null, null, null, null);

  /** The figures of some durations in seconds. */
  public static Figures of(List<Long> seconds) {
    if (seconds.isEmpty()) {
      return NONE;
    }
    long[] sorted = seconds.stream().mapToLong(Long::longValue).sorted().toArray();
    int n = sorted.length;
    double sum = 0;
    for (long s : sorted) {
      sum += s;
    }
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    long p90 = sorted[(int) Math.ceil(0.9 * n) - 1];
    return new Figures(n, round1(sum / n), median, p90, sorted[n - 1]);
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
