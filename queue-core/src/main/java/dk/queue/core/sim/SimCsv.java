package dk.queue.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulator's files, CSV with one header line (comma-separated, no quoting needed: ids have no
 * commas). Times are seconds from the start, decimals allowed.
 * <ul>
 *   <li>staffing: {@value #STAFFING}; {@code services} in priority order, separated by {@code |}</li>
 *   <li>arrivals: {@value #ARRIVALS}</li>
 *   <li>out: {@value #OUT}; {@code called} and {@code desk} empty when never called</li>
 * </ul>
 */
public final class SimCsv {
  public static final String STAFFING = "desk,open,close,services";
  public static final String ARRIVALS = "at,service,service_seconds";
  public static final String OUT = "ticket,service,issued,estimate,called,desk";

  private SimCsv() {}

  public static List<Shift> staffing(String text, String file) {
    List<Shift> shifts = new ArrayList<>();
    for (String[] f : rows(text, file, STAFFING)) {
      shifts.add(new Shift(f[0].trim(), seconds(f[1], file), seconds(f[2], file),
          List.of(f[3].trim().split("\\s*\\|\\s*"))));
    }
    return shifts;
  }

  public static List<Arrival> arrivals(String text, String file) {
    List<Arrival> arrivals = new ArrayList<>();
    double last = Double.NEGATIVE_INFINITY;
    for (String[] f : rows(text, file, ARRIVALS)) {
      double at = seconds(f[0], file);
      if (at < last) {
        throw new IllegalArgumentException(file + ": arrivals must be in order of time ('" + f[0] + "' after " + last + ")");
      }
      last = at;
      arrivals.add(new Arrival(at, f[1].trim(), seconds(f[2], file)));
    }
    return arrivals;
  }

  /** The out file: the issued tickets. */
  public static String out(List<Outcome> outcomes) {
    StringBuilder out = new StringBuilder(OUT).append('\n');
    for (Outcome o : outcomes) {
      if (!o.issued()) {
        continue;
      }
      out.append(o.ticket()).append(',').append(o.service()).append(',').append(number(o.at())).append(',')
          .append(number(o.estimate())).append(',').append(number(o.called())).append(',')
          .append(o.desk() == null ? "" : o.desk()).append('\n');
    }
    return out.toString();
  }

  /** Up to three decimals, none when whole; empty for NaN. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
  }

  private static List<String[]> rows(String text, String file, String header) {
    String[] lines = text.replace("\r", "").split("\n");
    if (lines.length == 0 || !lines[0].trim().equals(header)) {
      throw new IllegalArgumentException(file + ": the first line must be the header '" + header + "'");
    }
    int columns = header.split(",").length;
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = lines[i].split(",", -1);
      if (f.length != columns) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + columns + " fields (" + header
            + "), found " + f.length);
      }
      rows.add(f);
    }
    return rows;
  }

  private static double seconds(String text, String file) {
    try {
      double v = Double.parseDouble(text.trim());
      if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": '" + text + "' is not a number of seconds (0 or more)");
    }
  }

  /** The per-service summary the command prints. */
  public static String summary(List<Accuracy> rows) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%-14s %8s %8s %10s %16s %16s %16s %16s%n", "service", "tickets", "waited", "mean wait",
        "ours RASE/bias", "QL RASE/bias", "HOL RASE/bias", "LES RASE/bias"));
    for (Accuracy a : rows) {
      out.append(String.format(Locale.ROOT, "%-14s %8d %8d %9.0fs %16s %16s %16s %16s%n", a.service(), a.tickets(),
          a.delayed(), a.meanWait(), score(a.ours()), score(a.ql()), score(a.hol()), score(a.les())));
    }
    return out.toString();
  }

  public static String score(Accuracy.Score s) {
    return Double.isNaN(s.rase()) ? "-" : String.format(Locale.ROOT, "%.3f %+.0f%%", s.rase(), 100 * s.bias());
  }
}
