package dk.queue.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The tickets of checked-in bookings: they wait in no queue, for their booked time. */
final class BookedTickets {
  private BookedTickets() {}

  /** The waiting tickets of checked-in bookings of these services, by booked time. */
  static List<Ticket> waiting(BranchState state, List<String> services) {
    List<Booking> checkedIn = new ArrayList<>();
    for (String ticketId : state.bookings().tickets().keySet()) {
      Ticket t = state.tickets().get(ticketId);
      Booking b = state.bookings().byTicket(ticketId).orElseThrow();
      // A booked ticket transferred to another service waits in that queue like any other.
      if (t != null && t.state() == TicketState.WAITING && t.service().equals(b.service())
          && t.queuedAt().equals(t.issuedAt()) && services.contains(t.service())) {
        checkedIn.add(b);
      }
    }
    checkedIn.sort(Comparator.comparing(Booking::start).thenComparing(Booking::code));
    return checkedIn.stream().map(b -> state.tickets().get(b.ticket())).toList();
  }

  /** Those of {@code booked} whose time has come, at most {@code limit}. */
  static List<Ticket> due(BranchState state, List<Ticket> booked, Instant now, int limit) {
    return booked.stream()
        .filter(t -> !state.bookings().byTicket(t.id()).orElseThrow().start().isAfter(now))
        .limit(limit).toList();
  }
}
