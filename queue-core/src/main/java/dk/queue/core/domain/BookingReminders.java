package dk.queue.core.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which bookings are due a reminder: those still booked, with a phone number or e-mail address,
 * not yet reminded of their booked time, once the reminder time of the day before (in the
 * branch's zone) has come and the booked time has not. A booking made or moved after its reminder
 * time is due at once; one whose reminder time passed while no member could send is due as soon
 * as one can.
 */
public final class BookingReminders {
  private BookingReminders() {}

  /** When the reminder of a booked time is due: {@code at} on the day before, in the branch's zone. */
  public static Instant dueAt(BranchDef def, Instant start, LocalTime at) {
    return start.atZone(def.zone()).toLocalDate().minusDays(1).atTime(at).atZone(def.zone()).toInstant();
  }

  public static List<Booking> due(BranchState s, LocalTime at, Instant now) {
    List<Booking> due = new ArrayList<>();
    for (Booking b : s.bookings().inOrder()) {
      Booking.Contact c = b.contact();
      boolean reachable = c != null && (c.phone() != null || c.email() != null);
      if (reachable && b.state() == Booking.State.BOOKED && !b.start().equals(b.remindedFor())
          && now.isBefore(b.start()) && !now.isBefore(dueAt(s.def(), b.start(), at))) {
        due.add(b);
      }
    }
    return due;
  }
}
