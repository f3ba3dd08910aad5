package dk.queue.ops.overview;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.sim.StaffingAdvice;
import dk.queue.core.web.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The model of the {@code plan} template: the choice of branch and weekday, a row per hour from the
 * first to the last with tickets, and two bar charts drawn as SVG geometry (arrivals with the desks
 * advised above each bar; the expected wait against the target wait).
 */
final class PlanView {
  private static final Locale DANISH = Locale.forLanguageTag("da");
  static final double WIDTH = 720;
  static final double HEIGHT = 240;
  private static final double LEFT = 40;
  private static final double RIGHT = 12;
  private static final double TOP = 34;
  private static final double BOTTOM = 26;

  private PlanView() {}

  static Map<String, Object> model(List<BranchDef> branches, BranchDef def, DayOfWeek weekday, List<LocalDate> dates,
                                   StaffingAdvice.Target target, StaffingAdvice.History history,
                                   List<StaffingAdvice.Hour> advice) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("branches", branches.stream().map(b -> Map.of("id", b.id(), "name", b.name(), "selected", b == def)).toList());
    List<Map<String, Object>> weekdays = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      weekdays.add(Map.of("value", d.getValue(), "name", text("plan.weekday." + d.getValue()), "selected", d == weekday));
    }
    m.put("weekdays", weekdays);
    m.put("branch", def.id());
    m.put("branchName", def.name());
    m.put("weekdayName", text("plan.weekday." + weekday.getValue()));
    m.put("basis", format("plan.basis", "n", history.days(), "weeks", dates.size(),
        "from", dates.get(dates.size() - 1), "to", dates.get(0)));
    m.put("targetText", format("plan.target", "share", Math.round(target.share() * 100),
        "minutes", target.waitSeconds() / 60));
    List<StaffingAdvice.Hour> hours = contiguous(advice);
    m.put("empty", hours.isEmpty());
    if (hours.isEmpty()) {
      return m;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StaffingAdvice.Hour h : hours) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("hour", h.hour());
      row.put("label", hourLabel(h.hour()));
      row.put("arrivals", number(h.arrivals()));
      row.put("desks", desks(h));
      row.put("met", h.met());
      row.put("share", Double.isNaN(h.share()) ? "–" : Math.round(h.share() * 100) + " %");
      row.put("wait", Double.isNaN(h.meanWaitSeconds()) ? "–" : minutes(h.meanWaitSeconds()));
      rows.add(row);
    }
    m.put("rows", rows);
    double maxArrivals = hours.stream().mapToDouble(StaffingAdvice.Hour::arrivals).max().orElse(1);
    m.put("arrivalsChart", chart(hours, StaffingAdvice.Hour::arrivals, h -> number(h.arrivals()), nice(maxArrivals), null,
        h -> h.desks() == 0 ? null : desks(h), "plan.chart.arrivals"));
    double targetMinutes = target.waitSeconds() / 60.0;
    double maxWait = hours.stream().mapToDouble(h -> Double.isNaN(h.meanWaitSeconds()) ? 0 : h.meanWaitSeconds() / 60)
        .max().orElse(0);
    m.put("waitChart", chart(hours, h -> Double.isNaN(h.meanWaitSeconds()) ? 0 : h.meanWaitSeconds() / 60,
        h -> Double.isNaN(h.meanWaitSeconds()) ? "–" : minutes(h.meanWaitSeconds()),
        nice(Math.max(targetMinutes, maxWait)), targetMinutes, h -> null, "plan.chart.wait"));
    m.put("chartWidth", (int) WIDTH);
    m.put("chartHeight", (int) HEIGHT);
    return m;
  }

  /** Every hour from the first to the last that had tickets, the ones between with none as empty hours. */
  static List<StaffingAdvice.Hour> contiguous(List<StaffingAdvice.Hour> advice) {
    List<StaffingAdvice.Hour> hours = new ArrayList<>();
    for (StaffingAdvice.Hour h : advice) {
      int next = hours.isEmpty() ? h.hour() : hours.get(hours.size() - 1).hour() + 1;
      for (int gap = next; gap < h.hour(); gap++) {
        hours.add(new StaffingAdvice.Hour(gap, 0, 0, true, 1, 0));
      }
      hours.add(h);
    }
    return hours;
  }

  /** One bar per hour, scaled to {@code max}, with a value label above (or a marked label, the desks). */
  private static Map<String, Object> chart(List<StaffingAdvice.Hour> hours,
                                           ToDoubleFunction<StaffingAdvice.Hour> value,
                                           Function<StaffingAdvice.Hour, String> valueText, double max, Double line,
                                           Function<StaffingAdvice.Hour, String> marker,
                                           String labelKey) {
    double plot = HEIGHT - TOP - BOTTOM;
    double slot = (WIDTH - LEFT - RIGHT) / hours.size();
    double width = slot * 0.64;
    List<Map<String, Object>> bars = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    for (int i = 0; i < hours.size(); i++) {
      StaffingAdvice.Hour h = hours.get(i);
      double height = plot * value.applyAsDouble(h) / max;
      double x = LEFT + i * slot + (slot - width) / 2;
      double y = TOP + plot - height;
      Map<String, Object> bar = new LinkedHashMap<>();
      bar.put("hour", h.hour());
      bar.put("x", round(x));
      bar.put("y", round(y));
      bar.put("width", round(width));
      bar.put("height", round(height));
      bar.put("middle", round(x + width / 2));
      bar.put("hourY", round(HEIGHT - 8));
      bar.put("hourLabel", String.format(Locale.ROOT, "%02d", h.hour()));
      String mark = marker.apply(h);
      bar.put("marker", mark);
      bar.put("markerY", round(y - 13));
      bar.put("value", valueText.apply(h));
      bar.put("valueY", round(y - 5));
      String title = hourLabel(h.hour()) + ": " + valueText.apply(h) + (mark == null ? "" : ", "
          + format("plan.chart.desks", "n", mark));
      bar.put("title", title);
      bars.add(bar);
      summary.append(summary.isEmpty() ? "" : "; ").append(title);
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("label", text(labelKey) + ". " + summary);
    chart.put("bars", bars);
    List<Map<String, Object>> ticks = new ArrayList<>();
    for (double v : new double[] {0, max / 2, max}) {
      ticks.add(Map.of("y", round(TOP + plot - plot * v / max), "text", number(v), "x1", LEFT, "x2", WIDTH - RIGHT,
          "textX", LEFT - 6));
    }
    chart.put("ticks", ticks);
    if (line != null) {
      double y = TOP + plot - plot * line / max;
      chart.put("line", Map.of("y", round(y), "x1", LEFT, "x2", WIDTH - RIGHT, "textY", round(y - 4),
          "textX", WIDTH - RIGHT, "text", format("plan.chart.targetLine", "minutes", number(line))));
    }
    return chart;
  }

  /** A round number at or above {@code v}, for the top of an axis: 1, 2 or 5 times a power of ten. */
  static double nice(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double f : new double[] {1, 2, 5, 10}) {
      if (f * p >= v) {
        return f * p;
      }
    }
    return 10 * p;
  }

  private static String desks(StaffingAdvice.Hour h) {
    return h.met() ? String.valueOf(h.desks()) : "> " + h.desks();
  }

  private static String hourLabel(int hour) {
    return String.format(Locale.ROOT, "%02d–%02d", hour, hour + 1);
  }

  private static String number(double v) {
    return Math.abs(v - Math.rint(v)) < 0.05 ? String.valueOf(Math.round(v)) : String.format(DANISH, "%.1f", v);
  }

  private static String minutes(double seconds) {
    return format("plan.minutes", "n", number(seconds / 60));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String text(String key) {
    return Messages.text(Messages.DANISH, key);
  }

  private static String format(String key, Object... pairs) {
    return Messages.format(Messages.DANISH, key, pairs);
  }
}
