package dk.queue.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The slots of a bookable service on a day, and how many places each has left. */
public final class Slots {
  private Slots() {}

  /** A slot: its start, end and free places. */
  public record Slot(Instant start, Instant end, int free) {}

  /**
   * A day the branch is closed: the reason (null when none is configured) and the first slot start
   * of the service on a later day that can be booked now, null when none is within its days ahead.
   */
  public record Closed(LocalizedText reason, Instant nextSlot) {}

  /** Why the service has no slots on {@code day}, when the branch is closed all that day. */
  public static Optional<Closed> closed(BranchDef def, BookingDef b, LocalDate day, LocalDate today) {
    return def.closedDays().on(day).filter(SpecialDay.DayOff::closed).map(off -> {
      for (LocalDate d = day.plusDays(1); !d.isAfter(today.plusDays(b.daysAhead())); d = d.plusDays(1)) {
        List<Instant> starts = starts(def, b, d);
        if (!starts.isEmpty()) {
          return new Closed(off.reason(), starts.get(0));
        }
      }
      return new Closed(off.reason(), null);
    });
  }

  /**
   * Every slot start of the service on that local day, within its bookable hours less what the
   * branch's closed days and days of special hours take away, in order.
   */
  public static List<Instant> starts(BranchDef def, BookingDef b, LocalDate day) {
    List<Instant> starts = new ArrayList<>();
    for (TimeRange r : b.hours().withClosedDays(def.closedDays()).on(day)) {
      LocalDateTime end = r.endsAtMidnight() ? day.plusDays(1).atStartOfDay() : day.atTime(r.close());
      for (LocalDateTime t = day.atTime(r.open()); !t.plusMinutes(b.slotMinutes()).isAfter(end);
           t = t.plusMinutes(b.slotMinutes())) {
        starts.add(t.atZone(def.zone()).toInstant());
      }
    }
    return starts;
  }

  /** Whether {@code start} begins a slot of the service. */
  public static boolean isSlot(BranchDef def, BookingDef b, Instant start) {
    return starts(def, b, start.atZone(def.zone()).toLocalDate()).contains(start);
  }

  /** The slots of the day still to come after {@code now}, each with its free places (0 when full). */
  public static List<Slot> free(BranchState s, ServiceDef service, LocalDate day, Instant now) {
    BookingDef b = service.booking();
    List<Slot> slots = new ArrayList<>();
    if (b == null) {
      return slots;
    }
    LocalDate today = now.atZone(s.def().zone()).toLocalDate();
    if (day.isBefore(today) || day.isAfter(today.plusDays(b.daysAhead()))) {
      return slots;
    }
    int dayLeft = dayLeft(s, service, day, today);
    for (Instant start : starts(s.def(), b, day)) {
      if (start.isAfter(now)) {
        int free = Math.max(0, Math.min(b.capacity() - s.bookings().taken(service.id(), start), dayLeft));
        slots.add(new Slot(start, start.plusSeconds(60L * b.slotMinutes()), free));
      }
    }
    return slots;
  }

  /**
   * How many more may book that day: all its places on the day itself; before then, all but the
   * places held back for same-day bookings.
   */
  static int dayLeft(BranchState s, ServiceDef service, LocalDate day, LocalDate today) {
    if (!day.isAfter(today)) {
      return Integer.MAX_VALUE;
    }
    BookingDef b = service.booking();
    int places = starts(s.def(), b, day).size() * b.capacity() - b.sameDayPlaces();
    return places - s.bookings().takenOn(s.def(), service.id(), day);
  }
}
