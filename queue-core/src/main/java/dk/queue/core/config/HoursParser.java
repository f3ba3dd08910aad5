package dk.queue.core.config;

import dk.queue.core.domain.OpeningHours;
import dk.queue.core.domain.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Opening hours as administrators write them: {@code always}, or days to ranges, for example
 * {@code mon-fri: "09:00-17:00"}, {@code sat: "10:00-12:00, 13:00-15:00"}, {@code sun: closed}.
 * A closing time of {@code 24:00} is midnight.
 */
final class HoursParser {
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private HoursParser() {}

  static OpeningHours parse(YamlNode node) {
    if (node.isScalar()) {
      if (!node.text().equals("always")) {
        throw node.error("must be 'always' or a mapping of days to hours, e.g. mon-fri: \"09:00-17:00\"");
      }
      return OpeningHours.always();
    }
    EnumMap<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<String, YamlNode> e : node.fields().entrySet()) {
      List<TimeRange> ranges = ranges(e.getValue());
      for (DayOfWeek day : days(e.getKey(), e.getValue())) {
        if (week.containsKey(day)) {
          throw e.getValue().error(day.name().substring(0, 3).toLowerCase() + " is given twice");
        }
        week.put(day, ranges);
      }
    }
    return new OpeningHours(week);
  }

  private static List<DayOfWeek> days(String key, YamlNode where) {
    List<DayOfWeek> days = new ArrayList<>();
    for (String part : key.split(",")) {
      String[] span = part.trim().split("-");
      int from = day(span[0].trim(), where);
      int to = span.length > 1 ? day(span[1].trim(), where) : from;
      if (span.length > 2 || to < from) {
        throw where.error("'" + part.trim() + "' is not a day or a range of days like mon-fri");
      }
      for (int d = from; d <= to; d++) {
        days.add(DayOfWeek.of(d + 1));
      }
    }
    return days;
  }

  private static int day(String name, YamlNode where) {
    int i = DAYS.indexOf(name.toLowerCase());
    if (i < 0) {
      throw where.error("'" + name + "' is not a day; use " + String.join(", ", DAYS));
    }
    return i;
  }

  private static List<TimeRange> ranges(YamlNode node) {
    String text = node.text();
    if (text.equals("closed")) {
      return List.of();
    }
    List<TimeRange> ranges = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] ends = part.trim().split("-");
      if (ends.length != 2) {
        throw node.error("'" + part.trim() + "' is not a range like 09:00-17:00");
      }
      LocalTime open = time(ends[0].trim(), node);
      LocalTime close = ends[1].trim().equals("24:00") ? LocalTime.MIDNIGHT : time(ends[1].trim(), node);
      try {
        ranges.add(new TimeRange(open, close));
      } catch (IllegalArgumentException e) {
        throw node.error(e.getMessage());
      }
    }
    return ranges;
  }

  private static LocalTime time(String text, YamlNode where) {
    try {
      if (!text.matches("\\d\\d:\\d\\d")) {
        throw new DateTimeParseException("", text, 0);
      }
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw where.error("\"" + text + "\" is not a time (HH:MM)");
    }
  }
}
