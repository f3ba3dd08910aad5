package dk.queue.core.domain;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opening hours of a service at a branch, in the branch's local time: the week's, except on the
 * branch's closed days and days of special hours ({@code closed}), when they are the week's cut to
 * that day's hours, or none.
 */
public record OpeningHours(Map<DayOfWeek, List<TimeRange>> week, ClosedDays closed) implements Serializable {
  public OpeningHours {
    EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
    week.forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
    week = Map.copyOf(copy);
    closed = closed == null ? ClosedDays.NONE : closed;
  }

  /** The same hours every week. */
  public OpeningHours(Map<DayOfWeek, List<TimeRange>> week) {
    this(week, ClosedDays.NONE);
  }

  /** These weekly hours, kept except on the given days. */
  public OpeningHours withClosedDays(ClosedDays days) {
    return new OpeningHours(week, days);
  }

  /** Open around the clock, every day. */
  public static OpeningHours always() {
    EnumMap<DayOfWeek, List<TimeRange>> all = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      all.put(d, List.of(new TimeRange(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
    }
    return new OpeningHours(all);
  }

  public List<TimeRange> on(DayOfWeek day) {
    return week.getOrDefault(day, List.of());
  }

  /** The hours on one date: the week's, or what a closed day or day of special hours leaves of them. */
  public List<TimeRange> on(LocalDate date) {
    List<TimeRange> usual = on(date.getDayOfWeek());
    return closed.on(date).map(off -> intersect(usual, off.hours())).orElse(usual);
  }

  public boolean isOpen(ZonedDateTime t) {
    return current(t).isPresent();
  }

  /** When the service closes, if it is open at {@code t}; absent when open without end. */
  public Optional<ZonedDateTime> closesAt(ZonedDateTime t) {
    ZonedDateTime cursor = t;
    for (int i = 0; i < 8; i++) {
      Optional<TimeRange> range = current(cursor);
      if (range.isEmpty()) {
        return i == 0 ? Optional.empty() : Optional.of(cursor);
      }
      if (!range.get().endsAtMidnight()) {
        return Optional.of(cursor.with(range.get().close()));
      }
      cursor = cursor.toLocalDate().plusDays(1).atStartOfDay(t.getZone());
    }
    return Optional.empty();
  }

  /**
   * The next moment after {@code t} at which the service opens, within a week of open days (each
   * closed day looked past makes the search a day longer).
   */
  public Optional<ZonedDateTime> nextOpening(ZonedDateTime t) {
    int horizon = 8 + closed.reach();
    for (int i = 0; i < horizon; i++) {
      ZonedDateTime day = t.toLocalDate().plusDays(i).atStartOfDay(t.getZone());
      for (TimeRange r : on(day.toLocalDate())) {
        ZonedDateTime opens = day.with(r.open());
        if (opens.isAfter(t)) {
          return Optional.of(opens);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<TimeRange> current(ZonedDateTime t) {
    LocalTime time = t.toLocalTime();
    return on(t.toLocalDate()).stream().filter(r -> r.contains(time)).findFirst();
  }

  /** The parts of {@code usual} that lie within {@code limits}. */
  private static List<TimeRange> intersect(List<TimeRange> usual, List<TimeRange> limits) {
    List<TimeRange> result = new ArrayList<>();
    for (TimeRange u : usual) {
      for (TimeRange l : limits) {
        LocalTime open = u.open().isAfter(l.open()) ? u.open() : l.open();
        LocalTime close = u.endsAtMidnight() ? l.close()
            : l.endsAtMidnight() || u.close().isBefore(l.close()) ? u.close() : l.close();
        if (close.equals(LocalTime.MIDNIGHT) || close.isAfter(open)) {
          result.add(new TimeRange(open, close));
        }
      }
    }
    result.sort(java.util.Comparator.comparing(TimeRange::open));
    return result;
  }
}
