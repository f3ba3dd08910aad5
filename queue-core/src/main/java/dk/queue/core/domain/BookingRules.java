package dk.queue.core.domain;

import dk.queue.core.domain.BookingRequest.Book;
import dk.queue.core.domain.BookingRequest.Cancel;
import dk.queue.core.domain.BookingRequest.CheckIn;
import dk.queue.core.domain.BookingRequest.Import;
import dk.queue.core.domain.BookingRequest.MarkNoShow;
import dk.queue.core.domain.BookingRequest.Move;
import dk.queue.core.domain.BookingRequest.Remind;
import dk.queue.core.domain.Rejection.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The rules of the bookings, run by {@link BranchMachine} as part of the branch's single writer:
 * so a slot is never booked beyond its capacity, wherever the requests come from.
 */
final class BookingRules implements BookingRequest.Handler<Optional<Rejection>> {
  static final int NAME_MAX = 80;
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ]{8,16}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,120}\\.[^@\\s]{2,}");
  private static final Pattern CODE = Pattern.compile("[" + Booking.CODE_ALPHABET + "]{" + Booking.CODE_LENGTH + "}");
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final Supplier<BranchState> state;
  private final Instant at;
  private final Consumer<Event> emit;

  BookingRules(Supplier<BranchState> state, Instant at, Consumer<Event> emit) {
    this.state = state;
    this.at = at;
    this.emit = emit;
  }

  Optional<Rejection> decide(BookingRequest request) {
    return request.accept(this);
  }

  private static Optional<Rejection> reject(Reason reason, String message) {
    return Optional.of(Rejection.of(reason, message));
  }

  private void emit(BookingEvent e) {
    emit.accept(new Event.Appointment(e));
  }

  @Override
  public Optional<Rejection> book(Book b) {
    if (b.secret() == null || b.secret().isBlank() || b.code() == null || !CODE.matcher(b.code()).matches()) {
      return reject(Reason.INVALID, "secret and a code of six characters from " + Booking.CODE_ALPHABET + " are required");
    }
    Optional<Booking> existing = state.get().bookings().bySecret(b.secret());
    if (existing.isPresent()) {
      // The same request again (a retry after its member died): it has been done already.
      return existing.get().code().equals(b.code()) ? Optional.empty()
          : reject(Reason.INVALID, "secret must be new");
    }
    Optional<Rejection> contact = contact(b.contact());
    if (contact.isPresent()) {
      return contact;
    }
    if (state.get().bookings().byCode(b.code()).isPresent()) {
      return reject(Reason.CODE_TAKEN, "The code is in use already: try again with another");
    }
    return bookable(b.service(), b.start(), null).or(() -> {
      emit(new BookingEvent.Booked(new Booking(b.secret(), b.code(), b.service(), b.start(), b.contact(),
          b.language() == null ? "da" : b.language(), Booking.State.BOOKED, at, null, at)));
      return Optional.empty();
    });
  }

  private static Optional<Rejection> contact(Booking.Contact c) {
    if (c == null || c.name() == null || c.name().isBlank()) {
      return reject(Reason.INVALID, "name is required");
    }
    if (c.name().length() > NAME_MAX || c.name().chars().anyMatch(Character::isISOControl)) {
      return reject(Reason.INVALID, "name must be at most " + NAME_MAX + " characters, on one line");
    }
    if (c.phone() != null && !c.phone().isBlank() && !PHONE.matcher(c.phone()).matches()) {
      return reject(Reason.INVALID, "phone must be 8 to 16 digits (a leading + and spaces allowed)");
    }
    if (c.email() != null && !c.email().isBlank() && !EMAIL.matcher(c.email()).matches()) {
      return reject(Reason.INVALID, "email is not an e-mail address");
    }
    return Optional.empty();
  }

  /** Whether a booking of the service may take this slot ({@code moving}: the booking that moves there, or null). */
  private Optional<Rejection> bookable(String serviceId, Instant start, Booking moving) {
    BranchState s = state.get();
    Optional<ServiceDef> service = s.def().service(serviceId);
    if (service.isEmpty()) {
      return reject(Reason.UNKNOWN_SERVICE, "No service '" + serviceId + "' at this branch");
    }
    BookingDef def = service.get().booking();
    if (def == null) {
      return reject(Reason.NOT_BOOKABLE, service.get().name().en() + " cannot be booked at this branch: take a ticket");
    }
    if (start == null) {
      return reject(Reason.INVALID, "start is required");
    }
    if (!start.isAfter(at)) {
      return reject(Reason.SLOT_PAST, "The time " + start + " has passed: choose a time to come");
    }
    LocalDate today = at.atZone(s.def().zone()).toLocalDate();
    LocalDate day = start.atZone(s.def().zone()).toLocalDate();
    if (day.isAfter(today.plusDays(def.daysAhead()))) {
      return reject(Reason.SLOT_TOO_FAR, "Times can be booked " + def.daysAhead() + " days ahead at most");
    }
    if (!Slots.isSlot(s.def(), def, start)) {
      return reject(Reason.SLOT_OUTSIDE_HOURS, start + " is not the start of a bookable time of "
          + service.get().name().en() + ": see the free times");
    }
    boolean sameSlot = moving != null && moving.start().equals(start);
    if (!sameSlot && s.bookings().taken(serviceId, start) >= def.capacity()) {
      return reject(Reason.SLOT_FULL, "The time is fully booked: choose another");
    }
    boolean sameDay = moving != null && moving.start().atZone(s.def().zone()).toLocalDate().equals(day);
    if (!sameDay && Slots.dayLeft(s, service.get(), day, today) <= 0) {
      return reject(Reason.SLOT_FULL, "The day is fully booked ahead; " + def.sameDayPlaces()
          + " times are released on the day itself");
    }
    return Optional.empty();
  }

  private Optional<Booking> find(String secret) {
    return state.get().bookings().bySecret(secret);
  }

  private static Optional<Rejection> unknown() {
    return reject(Reason.UNKNOWN_BOOKING, "No such booking");
  }

  @Override
  public Optional<Rejection> move(Move m) {
    Optional<Booking> b = find(m.secret());
    if (b.isEmpty()) {
      return unknown();
    }
    if (b.get().state() != Booking.State.BOOKED) {
      return notBooked(b.get());
    }
    if (b.get().start().equals(m.start())) {
      return Optional.empty();
    }
    return bookable(b.get().service(), m.start(), b.get()).or(() -> {
      emit(new BookingEvent.Moved(m.secret(), m.start()));
      return Optional.empty();
    });
  }

  private static Optional<Rejection> notBooked(Booking b) {
    return switch (b.state()) {
      case CANCELLED -> reject(Reason.BOOKING_CANCELLED, "The booking was cancelled");
      case CHECKED_IN -> reject(Reason.BOOKING_CHECKED_IN, "The booking is checked in already");
      default -> reject(Reason.BOOKING_MISSED, "The booked time has passed");
    };
  }

  @Override
  public Optional<Rejection> cancel(Cancel c) {
    Optional<Booking> b = find(c.secret());
    if (b.isEmpty()) {
      return unknown();
    }
    if (b.get().state() == Booking.State.CANCELLED) {
      return Optional.empty();
    }
    if (b.get().state() != Booking.State.BOOKED) {
      return notBooked(b.get());
    }
    emit(new BookingEvent.Cancelled(c.secret()));
    return Optional.empty();
  }

  @Override
  public Optional<Rejection> checkIn(CheckIn c) {
    String code = c.code() == null ? null : c.code().trim().toUpperCase(Locale.ROOT);
    Optional<Booking> found = state.get().bookings().byCode(code);
    if (found.isEmpty()) {
      return reject(Reason.UNKNOWN_BOOKING, "No booking with the code '" + c.code() + "'");
    }
    Booking b = found.get();
    if (b.state() == Booking.State.CHECKED_IN && state.get().ticket(b.ticket()).isPresent()) {
      return Optional.empty(); // checked in before: the same ticket again
    }
    if (b.state() == Booking.State.NO_SHOW) {
      return tooLate();
    }
    if (b.state() != Booking.State.BOOKED) {
      return notBooked(b);
    }
    BranchState s = state.get();
    BookingDef def = s.def().service(b.service()).map(ServiceDef::booking).orElse(null);
    if (def == null) {
      return reject(Reason.NOT_BOOKABLE, "The service of the booking is no longer booked here: take a ticket");
    }
    Instant opens = b.start().minusSeconds(60L * def.checkInEarlyMinutes());
    boolean bookedDay = b.start().atZone(s.def().zone()).toLocalDate().equals(at.atZone(s.def().zone()).toLocalDate());
    if (at.isBefore(opens) && !(def.waitWhenEarly() && bookedDay)) {
      return reject(Reason.TOO_EARLY, "Check-in opens at " + HHMM.format(opens.atZone(s.def().zone()))
          + (opens.atZone(s.def().zone()).toLocalDate().equals(at.atZone(s.def().zone()).toLocalDate()) ? ""
          : " on " + opens.atZone(s.def().zone()).toLocalDate()));
    }
    if (at.isAfter(b.start().plusSeconds(60L * graceMinutes(s, b)))) {
      return tooLate();
    }
    if (c.ticketId() == null || c.ticketId().isBlank() || s.ticket(c.ticketId()).isPresent()) {
      return reject(Reason.INVALID, "ticketId must be new");
    }
    ServiceDef service = s.def().service(b.service()).orElseThrow();
    int next = s.lastNumber().getOrDefault(b.service(), 0) + 1;
    emit(new BookingEvent.CheckedIn(b.secret(), c.ticketId(),
        def.letterOf(service.letter()) + String.format(Locale.ROOT, "%03d", next), b.service(), b.start()));
    return Optional.empty();
  }

  private static Optional<Rejection> tooLate() {
    return reject(Reason.TOO_LATE, "The booked time has passed: take a ticket instead");
  }

  @Override
  public Optional<Rejection> markNoShow(MarkNoShow n) {
    Optional<Booking> b = state.get().bookings().byCode(n.code());
    if (b.isEmpty()) {
      return unknown();
    }
    if (b.get().state() != Booking.State.BOOKED) {
      return notBooked(b.get());
    }
    if (at.isBefore(b.get().start())) {
      return reject(Reason.TOO_EARLY, "The booked time has not come yet");
    }
    emit(new BookingEvent.NoShow(b.get().secret()));
    return Optional.empty();
  }

  @Override
  public Optional<Rejection> remind(Remind r) {
    Optional<Booking> b = find(r.secret());
    if (b.isEmpty()) {
      return unknown();
    }
    // A reminder of a time since moved, or of a booking no longer booked, changes nothing.
    if (b.get().state() == Booking.State.BOOKED && b.get().start().equals(r.start())
        && !r.start().equals(b.get().remindedFor())) {
      emit(new BookingEvent.Reminded(r.secret(), r.start()));
    }
    return Optional.empty();
  }

  /** Each new row booked in order; the first refused row refuses them all, its number in the message. */
  @Override
  public Optional<Rejection> importBookings(Import i) {
    if (i.rows().isEmpty()) {
      return reject(Reason.INVALID, "no bookings to import");
    }
    for (int n = 0; n < i.rows().size(); n++) {
      Book row = i.rows().get(n);
      if (row.secret() != null && find(row.secret()).isPresent()) {
        continue; // imported before
      }
      Optional<Rejection> r = book(row);
      if (r.isPresent()) {
        return reject(r.get().reason(), "row " + (n + 1) + ": " + r.get().message());
      }
    }
    return Optional.empty();
  }

  /** Bookings not checked in by their time plus grace are no-shows. */
  void markLate() {
    BranchState s = state.get();
    List<Booking> late = new ArrayList<>();
    for (Booking b : s.bookings().bySecret().values()) {
      if (b.state() == Booking.State.BOOKED && at.isAfter(b.start().plusSeconds(60L * graceMinutes(s, b)))) {
        late.add(b);
      }
    }
    late.sort(java.util.Comparator.comparing(Booking::start).thenComparing(Booking::code));
    late.forEach(b -> emit(new BookingEvent.NoShow(b.secret())));
  }

  private static int graceMinutes(BranchState s, Booking b) {
    return s.def().service(b.service()).map(ServiceDef::booking).map(BookingDef::graceMinutes)
        .orElse(BookingDef.DEFAULT_GRACE_MINUTES);
  }

  /** At a new day: the bookings to keep, the rest (past their keeping time) dropped with their personal data. */
  void carryOver(LocalDate today) {
    BranchState s = state.get();
    if (s.bookings().bySecret().isEmpty()) {
      return;
    }
    List<Booking> kept = new ArrayList<>();
    for (Booking b : s.bookings().inOrder()) {
      int keep = s.def().service(b.service()).map(ServiceDef::booking).map(BookingDef::keepDays)
          .orElse(BookingDef.DEFAULT_KEEP_DAYS);
      if (!b.start().atZone(s.def().zone()).toLocalDate().plusDays(keep).isBefore(today)) {
        kept.add(b);
      }
    }
    emit(new BookingEvent.Carried(kept));
  }
}
