package dk.queue.core.config;

import dk.queue.core.domain.OpeningHours;
import dk.queue.core.domain.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opening hours as administrators write them: {@code always}, {@code closed}, or days to ranges,
 * for example {@code mon-fri: "09:00-17:00"}, {@code sat: "10:00-12:00, 13:00-15:00"},
 * {@code sun: closed}. Days not named are closed. {@code 24:00} closes at midnight.
 */
final class HoursParser {
  private static final String CLOSED = "closed";
  private static final String TIME = "([01]?\\d|2[0-3]):[0-5]\\d";
  private static final Map<String, DayOfWeek> DAYS = new LinkedHashMap<>();

  static {
    String[] english = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    // Danish abbreviations too: the people who keep this file often think in them.
    String[] danish = {"man", "tir", "ons", "tor", "fre", "lør", "søn"};
    for (int i = 0; i < 7; i++) {
      DAYS.put(english[i], DayOfWeek.of(i + 1));
      DAYS.put(danish[i], DayOfWeek.of(i + 1));
    }
  }

  private HoursParser() {}

  static OpeningHours parse(YamlNode node) {
    if (node.isScalar()) {
      String text = node.text();
      if (text.equals("always")) {
        return OpeningHours.always();
      }
      if (text.equals(CLOSED)) {
        return new OpeningHours(Map.of());
      }
      throw node.problem("'" + text + "' is not opening hours: use always, closed, or days with times such as "
          + "{mon-fri: \"09:00-17:00\", sat: \"10:00-14:00\"}");
    }
    EnumMap<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
    Map<DayOfWeek, YamlNode> firstMention = new EnumMap<>(DayOfWeek.class);
    for (YamlNode.Entry e : node.entries()) {
      List<TimeRange> ranges = ranges(e.value());
      for (DayOfWeek day : days(e.key())) {
        YamlNode first = firstMention.putIfAbsent(day, e.key());
        if (first != null) {
          throw e.key().problem(name(day) + " is given twice (first on " + first.where() + ")");
        }
        week.put(day, ranges);
      }
    }
    return new OpeningHours(week);
  }

  private static List<DayOfWeek> days(YamlNode key) {
    List<DayOfWeek> days = new ArrayList<>();
    for (String part : key.text().split(",")) {
      String[] span = part.trim().split("-", -1);
      if (span.length > 2) {
        throw key.problem("'" + part.trim() + "' is not a day or a span of days such as mon-fri");
      }
      DayOfWeek from = day(span[0].trim(), key);
      DayOfWeek to = span.length == 2 ? day(span[1].trim(), key) : from;
      if (to.compareTo(from) < 0) {
        throw key.problem("'" + part.trim() + "' runs backwards: the week starts on mon, so write e.g. "
            + name(from) + "-sun, mon-" + name(to));
      }
      for (int d = from.getValue(); d <= to.getValue(); d++) {
        days.add(DayOfWeek.of(d));
      }
    }
    return days;
  }

  private static DayOfWeek day(String text, YamlNode key) {
    DayOfWeek day = DAYS.get(text.toLowerCase());
    if (day == null) {
      throw key.problem("'" + text + "' is not a day: use mon, tue, wed, thu, fri, sat, sun "
          + "(or man, tir, ons, tor, fre, lør, søn), alone or as a span such as mon-fri");
    }
    return day;
  }

  private static String name(DayOfWeek day) {
    return day.name().substring(0, 3).toLowerCase();
  }

  /** The ranges of one day: "closed", "HH:MM-HH:MM", several separated by commas, or a list of them. */
  static List<TimeRange> ranges(YamlNode node) {
    List<TimeRange> ranges = new ArrayList<>();
    if (node.isScalar()) {
      if (node.text().equals(CLOSED)) {
        return List.of();
      }
      for (String part : node.text().split(",")) {
        ranges.add(range(part.trim(), node));
      }
    } else {
      for (YamlNode item : node.items()) {
        ranges.add(range(item.text(), item));
      }
    }
    ranges.sort(Comparator.comparing(TimeRange::open));
    for (int i = 1; i < ranges.size(); i++) {
      TimeRange before = ranges.get(i - 1);
      if (before.endsAtMidnight() || before.close().isAfter(ranges.get(i).open())) {
        throw node.problem("the ranges " + show(before) + " and " + show(ranges.get(i)) + " overlap");
      }
    }
    return ranges;
  }

  private static TimeRange range(String text, YamlNode node) {
    String[] ends = text.split("-", -1);
    if (ends.length != 2) {
      throw node.problem("\"" + text + "\" is not a range of times such as 09:00-17:00");
    }
    LocalTime open = time(ends[0].trim(), node);
    String closing = ends[1].trim();
    LocalTime close = closing.equals("24:00") ? LocalTime.MIDNIGHT : time(closing, node);
    if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
      throw node.problem("\"" + text + "\" closes before it opens; a range cannot pass midnight, so split it "
          + "over two days (e.g. fri: \"22:00-24:00\", sat: \"00:00-02:00\")");
    }
    return new TimeRange(open, close);
  }

  private static LocalTime time(String text, YamlNode node) {
    if (text.equals("24:00")) {
      throw node.problem("\"24:00\" can only close a range; a day opens at 00:00");
    }
    if (!text.matches(TIME)) {
      throw node.problem("\"" + text + "\" is not a time (HH:MM)");
    }
    return LocalTime.parse(text.length() == 4 ? "0" + text : text);
  }

  private static String show(TimeRange r) {
    return r.open() + "-" + (r.endsAtMidnight() ? "24:00" : r.close().toString());
  }
}
