package dk.queue.core.config;

import dk.queue.core.domain.ClosedDays;
import dk.queue.core.domain.DanishHolidays;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.domain.SpecialDay;
import dk.queue.core.domain.TimeRange;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A branch's {@code closedDays}: each entry a day of the holiday list by name (or
 * {@code helligdage} for all public holidays), a {@code date}, or a span {@code from}-{@code to};
 * closed all day unless it gives {@code hours}, with an optional {@code reason}:
 * <pre>
 * closedDays:
 *   - helligdage
 *   - juleaftensdag
 *   - {holiday: grundlovsdag, hours: "09:00-14:00"}
 *   - {from: 2026-07-06, to: 2026-07-10, reason: {da: Sommerlukket, en: Closed for the summer}}
 * </pre>
 */
final class ClosedDaysReader {
  private ClosedDaysReader() {}

  static ClosedDays read(YamlNode list) {
    List<SpecialDay> days = new ArrayList<>();
    for (YamlNode item : list.items()) {
      days.add(item.isScalar() ? new SpecialDay(null, null, holiday(item), List.of(), null) : entry(item));
    }
    return new ClosedDays(days);
  }

  private static SpecialDay entry(YamlNode node) {
    Fields f = node.fields("holiday", "date", "from", "to", "hours", "reason");
    List<TimeRange> hours = f.optional("hours").map(ClosedDaysReader::hours).orElse(List.of());
    LocalizedText reason = f.optional("reason").map(ServiceReader::name).orElse(null);
    Optional<YamlNode> holiday = f.optional("holiday");
    Optional<YamlNode> date = f.optional("date");
    Optional<YamlNode> from = f.optional("from");
    int given = (holiday.isPresent() ? 1 : 0) + (date.isPresent() ? 1 : 0) + (from.isPresent() ? 1 : 0);
    if (given != 1) {
      throw node.problem("give exactly one of holiday, date, or from (with to)");
    }
    if (holiday.isPresent()) {
      return new SpecialDay(null, null, holiday(holiday.get()), hours, reason);
    }
    if (date.isPresent()) {
      if (f.optional("to").isPresent()) {
        throw node.problem("'to' goes with 'from': write from: and to: for a span of days");
      }
      return new SpecialDay(date(date.get()), null, null, hours, reason);
    }
    LocalDate start = date(from.get());
    YamlNode toNode = f.required("to");
    LocalDate end = date(toNode);
    if (end.isBefore(start)) {
      throw toNode.problem("the span ends (" + end + ") before it starts (" + start + ")");
    }
    if (start.plusDays(SpecialDay.MAX_SPAN_DAYS).isBefore(end)) {
      throw toNode.problem("a span may cover at most " + SpecialDay.MAX_SPAN_DAYS + " days; split a longer closing");
    }
    return new SpecialDay(start, end, null, hours, reason);
  }

  private static String holiday(YamlNode node) {
    String key = node.text();
    if (key.equals(SpecialDay.ALL_PUBLIC) || DanishHolidays.Day.byKey(key).isPresent()) {
      return key;
    }
    throw node.problem("'" + key + "' is not a day of the holiday list: use " + SpecialDay.ALL_PUBLIC
        + " (all public holidays) or one of " + Arrays.stream(DanishHolidays.Day.values())
            .map(DanishHolidays.Day::key).collect(Collectors.joining(", "))
        + "; for any other day write {date: YYYY-MM-DD}");
  }

  private static LocalDate date(YamlNode node) {
    try {
      return LocalDate.parse(node.text());
    } catch (DateTimeParseException e) {
      throw node.problem("\"" + node.text() + "\" is not a date (YYYY-MM-DD, e.g. 2026-12-24)");
    }
  }

  private static List<TimeRange> hours(YamlNode node) {
    List<TimeRange> ranges = HoursParser.ranges(node);
    if (ranges.isEmpty()) {
      throw node.problem("leave out hours for a day closed all day; give hours such as \"09:00-14:00\" to open less");
    }
    return ranges;
  }
}
