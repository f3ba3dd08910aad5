package dk.queue.core.stats;

import java.util.List;

/**
 * Statistics as CSV (RFC 4180, comma-separated, one header line): hourly rows, then each service's
 * total. The booking columns ({@code booked} to {@code called_after_booked_max_s}) count in the hour of
 * the booked time.
 */
public final class StatisticsCsv {
  public static final String HEADER = "branch,service,date,hour,issued,served,no_show,cancelled,expired,transferred,"
      + "wait_count,wait_mean_s,wait_median_s,wait_p90_s,wait_max_s,"
      + "service_count,service_mean_s,service_median_s,service_p90_s,service_max_s,within_target_share,"
      + "estimate_count,estimate_rase,estimate_bias,called_late_share,called_out_of_turn,"
      + "booked,booked_checked_in,booked_no_show,booked_cancelled,"
      + "check_in_count,check_in_mean_s,check_in_median_s,check_in_p90_s,check_in_max_s,"
      + "called_after_booked_count,called_after_booked_mean_s,called_after_booked_median_s,"
      + "called_after_booked_p90_s,called_after_booked_max_s";

  private StatisticsCsv() {}

  /**
   * The rows of every branch: hourly, then each day's ({@code day} in the hour column), then each
   * service's total (the date empty and the hour {@code total}).
   */
  public static String render(List<BranchStatistics> branches) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (BranchStatistics b : branches) {
      b.hours().forEach(r -> line(out, r));
      b.days().forEach(r -> line(out, r));
      b.totals().forEach(r -> line(out, r));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, StatsRow r) {
    out.append(field(r.branch())).append(',').append(field(r.service())).append(',')
        .append(r.date() == null ? "" : r.date().toString()).append(',')
        .append(r.hour() != null ? String.format(java.util.Locale.ROOT, "%02d", r.hour()) : r.date() != null ? "day"
            : "total").append(',')
        .append(r.issued()).append(',').append(r.served()).append(',').append(r.noShow()).append(',')
        .append(r.cancelled()).append(',').append(r.expired()).append(',').append(r.transferred()).append(',');
    figures(out, r.waitSeconds());
    figures(out, r.serviceSeconds());
    out.append(number(r.withinTargetShare())).append(',').append(r.estimateCount()).append(',')
        .append(number(r.estimateRase())).append(',').append(number(r.estimateBias())).append(',')
        .append(number(r.calledLateShare())).append(',').append(r.calledOutOfTurn()).append(',');
    BookingFigures b = r.bookings() == null ? new BookingFigures(0, 0, 0, 0, Figures.NONE, Figures.NONE) : r.bookings();
    out.append(b.booked()).append(',').append(b.checkedIn()).append(',').append(b.noShow()).append(',')
        .append(b.cancelled()).append(',');
    figures(out, b.checkInSeconds());
    figures(out, b.calledAfterSeconds());
    out.setLength(out.length() - 1);
    out.append("\r\n");
  }

  private static void figures(StringBuilder out, Figures f) {
    out.append(f.count()).append(',').append(number(f.mean())).append(',').append(number(f.median())).append(',')
        .append(number(f.p90())).append(',').append(number(f.max())).append(',');
  }

  private static String number(Number n) {
    if (n == null) {
      return "";
    }
    if (n instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return n.toString();
  }

  private static String field(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
