package dk.queue.core.views;

import dk.queue.core.domain.Booking;
import dk.queue.core.domain.BookingDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.ServiceDef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Bookings for the two audiences that may see them: their holder, and staff. */
public final class BookingViews {
  private BookingViews() {}

  /** For the holder of the secret: their own name, no phone or e-mail echoed back. */
  public static BookingView holder(BranchState s, Booking b, Instant now) {
    return view(s, b, now, b.secret(), b.contact().name(), null, null);
  }

  /** At the kiosk, on a screen others may see: no name, no secret. */
  public static BookingView kiosk(BranchState s, Booking b, Instant now) {
    return view(s, b, now, null, null, null, null);
  }

  /** For staff: name and contact, never the secret (the private link is the citizen's alone). */
  public static BookingView staff(BranchState s, Booking b, Instant now) {
    return view(s, b, now, null, b.contact().name(), b.contact().phone(), b.contact().email());
  }

  /** The bookings of staff's list with {@code from <= start < to}, in time order. */
  public static List<BookingView> staffList(BranchState s, Instant from, Instant to, Instant now) {
    return s.bookings().inOrder().stream()
        .filter(b -> !b.start().isBefore(from) && b.start().isBefore(to))
        .map(b -> staff(s, b, now)).toList();
  }

  private static BookingView view(BranchState s, Booking b, Instant now, String secret, String name, String phone,
                                  String email) {
    Optional<ServiceDef> service = s.def().service(b.service());
    int slot = service.map(ServiceDef::booking).map(BookingDef::slotMinutes).orElse(BookingDef.DEFAULT_SLOT_MINUTES);
    TicketView ticket = b.ticket() == null ? null : BranchViews.ticket(s, b.ticket(), now).orElse(null);
    return new BookingView(secret, b.code(), s.def().id(), b.service(), service.map(ServiceDef::name).orElse(null),
        service.map(ServiceDef::bring).orElse(null), time(s, b.start()), time(s, b.start().plusSeconds(60L * slot)),
        BranchViews.code(b.state()), name, phone, email, b.language(), ticket);
  }

  static OffsetDateTime time(BranchState s, Instant t) {
    return t.atZone(s.def().zone()).toOffsetDateTime();
  }
}
