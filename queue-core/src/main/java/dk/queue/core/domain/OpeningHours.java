package dk.queue.core.domain;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Weekly opening hours of a service at a branch, in the branch's local time. */
public record OpeningHours(Map<DayOfWeek, List<TimeRange>> week) implements Serializable {
  public OpeningHours {
    EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
    week.forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
    week = Map.copyOf(copy);
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

  /** The next moment after {@code t} at which the service opens, within a week. */
  public Optional<ZonedDateTime> nextOpening(ZonedDateTime t) {
    for (int i = 0; i < 8; i++) {
      ZonedDateTime day = t.toLocalDate().plusDays(i).atStartOfDay(t.getZone());
      for (TimeRange r : on(day.getDayOfWeek())) {
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
    return on(t.getDayOfWeek()).stream().filter(r -> r.contains(time)).findFirst();
  }
}
