package dk.queue.core.http;

import dk.queue.core.config.KioskDef;
import dk.queue.core.domain.BookingDef;
import dk.queue.core.domain.BookingRequest;
import dk.queue.core.domain.Booking;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Rejection;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.domain.Slots;
import dk.queue.core.engine.Engine;
import dk.queue.core.engine.IdGenerator;
import dk.queue.core.engine.Outcome;
import dk.queue.core.views.BookingViews;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Booked times: the free slots, booking, and the booking's holder reading, moving or cancelling it
 * by its secret; check-in at the kiosk by its code; the day's bookings for staff.
 */
final class BookingRoutes {
  private static final String CODE_ALPHABET = Booking.CODE_ALPHABET;
  private static final int CODE_LENGTH = Booking.CODE_LENGTH;
  private static final int CODE_TRIES = 4;
  private static final Set<String> LANGUAGES = Set.of("da", "en");
  private final Engine engine;
  private final Sessions sessions;
  private final Kiosks kiosks;
  private final EdgeOptions edge;
  private final SecureRandom random = new SecureRandom();

  BookingRoutes(Engine engine, Sessions sessions, Kiosks kiosks, EdgeOptions edge) {
    this.engine = engine;
    this.sessions = sessions;
    this.kiosks = kiosks;
    this.edge = edge;
  }

  void mount(Router api) {
    api.get("/bookable").handler(this::bookable);
    api.get("/branches/:branch/services/:service/slots").handler(this::slots);
    api.post("/branches/:branch/bookings").handler(this::book);
    api.get("/branches/:branch/bookings").handler(this::staffList);
    api.post("/branches/:branch/bookings/:code/no-show").handler(this::noShow);
    api.post("/branches/:branch/check-in").handler(this::checkIn);
    api.get("/bookings/:secret").handler(this::read);
    api.post("/bookings/:secret/move").handler(this::move);
    api.delete("/bookings/:secret").handler(this::cancel);
    new BookingImportRoutes(engine, sessions).mount(api);
    new CalendarFeed(engine, sessions).mount(api);
  }

  /** The branches and services that can be booked, with what to bring and how far ahead. */
  private void bookable(RoutingContext rc) {
    List<Map<String, Object>> branches = new ArrayList<>();
    for (BranchDef def : engine.config().branches()) {
      List<Map<String, Object>> services = new ArrayList<>();
      for (ServiceDef s : def.services()) {
        if (s.booking() != null) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", s.id());
          m.put("name", s.name());
          m.put("bring", s.bring());
          m.put("slotMinutes", s.booking().slotMinutes());
          m.put("daysAhead", s.booking().daysAhead());
          m.put("walkIn", !s.appointmentOnly());
          services.add(m);
        }
      }
      if (!services.isEmpty()) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", def.id());
        b.put("name", def.name());
        b.put("services", services);
        branches.add(b);
      }
    }
    Replies.ok(rc, branches);
  }

  private void slots(RoutingContext rc) {
    String branch = rc.pathParam("branch");
    ServiceDef service = bookableService(branch, rc.pathParam("service"));
    engine.state(branch).map(s -> {
      Instant now = now();
      String dateParam = rc.queryParams().get("date");
      LocalDate date = dateParam == null ? now.atZone(s.def().zone()).toLocalDate() : date(dateParam);
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("branch", branch);
      reply.put("service", service.id());
      reply.put("date", date.toString());
      reply.put("slotMinutes", service.booking().slotMinutes());
      reply.put("slots", Slots.free(s, service, date, now).stream().map(slot -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", slot.start().atZone(s.def().zone()).toOffsetDateTime());
        m.put("end", slot.end().atZone(s.def().zone()).toOffsetDateTime());
        m.put("free", slot.free());
        return m;
      }).toList());
      LocalDate today = now.atZone(s.def().zone()).toLocalDate();
      Slots.closed(s.def(), service.booking(), date, today).ifPresent(c -> {
        Map<String, Object> closed = new LinkedHashMap<>();
        closed.put("reason", c.reason());
        closed.put("nextSlot", c.nextSlot() == null ? null : c.nextSlot().atZone(s.def().zone()).toOffsetDateTime());
        reply.put("closed", closed);
      });
      return reply;
    }).onSuccess(r -> Replies.ok(rc, r)).onFailure(rc::fail);
  }

  private void book(RoutingContext rc) {
    String branch = rc.pathParam("branch");
    knownBranch(branch);
    Bodies.Book body = Bodies.read(rc, Bodies.Book.class);
    String service = Bodies.required("service", body.service());
    Instant start = instant("start", Bodies.required("start", body.start()));
    String name = Bodies.required("name", body.name());
    String language = body.language() == null ? "da" : body.language();
    if (!LANGUAGES.contains(language)) {
      throw ApiException.invalid("language", "must be da or en");
    }
    String key = IdempotencyKeys.of(rc);
    String secret = key == null ? engine.ids().newTicketId(branch) : IdGenerator.fromKey(branch, "booking\n" + key);
    Booking.Contact contact = new Booking.Contact(name.strip(), blankToNull(body.phone()), blankToNull(body.email()));
    kiosks.takeBooking(rc.vertx().getOrCreateContext(), false, null, Edge.clientAddress(rc.request(), edge), now())
        .compose(v -> attemptBooking(branch, secret, service, start, contact, language, key, 0))
        .map(outcome -> BookingViews.holder(outcome.state(), outcome.state().bookings().bySecret(secret).orElseThrow(),
            now()))
        .onSuccess(view -> {
          rc.response().putHeader("Location", "/api/bookings/" + view.secret());
          Replies.json(rc, 201, view);
        }).onFailure(rc::fail);
  }

  /** Books with a new code; a code that is taken already is replaced by another, a few times. */
  private Future<Booked> attemptBooking(String branch, String secret, String service, Instant start,
                                        Booking.Contact contact, String language, String key, int attempt) {
    String code = key == null ? newCode() : codeFromKey(key, attempt);
    Command.Appointment command = new Command.Appointment(now(),
        new BookingRequest.Book(secret, code, service, start, contact, language));
    return engine.execute(branch, command).compose(outcome -> {
      if (!outcome.accepted() && outcome.rejection().reason() == Rejection.Reason.CODE_TAKEN
          && attempt + 1 < CODE_TRIES) {
        return attemptBooking(branch, secret, service, start, contact, language, key, attempt + 1);
      }
      return settled(branch, outcome);
    });
  }

  /** The branch after an accepted command; a rejection as its API error. */
  private record Booked(BranchState state) {}

  private Future<Booked> settled(String branch, Outcome outcome) {
    if (!outcome.accepted()) {
      return Future.failedFuture(Errors.of(outcome.rejection()));
    }
    return engine.state(branch).map(Booked::new);
  }

  private void read(RoutingContext rc) {
    String secret = rc.pathParam("secret");
    stateOf(secret).map(s -> BookingViews.holder(s, booking(s, secret), now()))
        .onSuccess(v -> Replies.ok(rc, v)).onFailure(rc::fail);
  }

  private void move(RoutingContext rc) {
    String secret = rc.pathParam("secret");
    Bodies.MoveBooking body = Bodies.read(rc, Bodies.MoveBooking.class);
    Instant start = instant("start", Bodies.required("start", body.start()));
    holderCommand(rc, secret, new BookingRequest.Move(secret, start));
  }

  private void cancel(RoutingContext rc) {
    String secret = rc.pathParam("secret");
    holderCommand(rc, secret, new BookingRequest.Cancel(secret));
  }

  private void holderCommand(RoutingContext rc, String secret, BookingRequest request) {
    String branch = IdGenerator.branchOf(secret);
    stateOf(secret)
        .compose(s -> engine.execute(branch, new Command.Appointment(now(), request)))
        .compose(outcome -> settled(branch, outcome))
        .map(b -> BookingViews.holder(b.state(), booking(b.state(), secret), now()))
        .onSuccess(v -> Replies.ok(rc, v)).onFailure(rc::fail);
  }

  /** Check-in at the kiosk with the booking's code: the reply carries the ticket it became. */
  private void checkIn(RoutingContext rc) {
    String branch = rc.pathParam("branch");
    knownBranch(branch);
    Bodies.CheckIn body = Bodies.read(rc, Bodies.CheckIn.class);
    String code = Bodies.required("code", body.code()).strip().toUpperCase(java.util.Locale.ROOT);
    String key = IdempotencyKeys.of(rc);
    String ticketId = key == null ? engine.ids().newTicketId(branch) : IdGenerator.fromKey(branch, key);
    KioskDef kiosk = Kiosks.proven(engine.config(), rc.request(), body.kiosk(), branch);
    kiosks.takeBooking(rc.vertx().getOrCreateContext(), true, kiosk, Edge.clientAddress(rc.request(), edge), now())
        .compose(v -> engine.execute(branch, new Command.Appointment(now(), new BookingRequest.CheckIn(code, ticketId))))
        .compose(outcome -> !outcome.accepted() && outcome.rejection().reason() == Rejection.Reason.TOO_EARLY
            ? tooEarly(branch, code, outcome.rejection()) : settled(branch, outcome))
        .map(b -> BookingViews.kiosk(b.state(), b.state().bookings().byCode(code).orElseThrow(), now()))
        .onSuccess(v -> Replies.json(rc, 201, v)).onFailure(rc::fail);
  }

  /** Too early for check-in: the error says from when ({@code opensAt}). */
  private Future<Booked> tooEarly(String branch, String code, Rejection r) {
    return engine.state(branch).compose(s -> {
      Booking b = s.bookings().byCode(code).orElseThrow();
      int early = s.def().service(b.service()).map(ServiceDef::booking).map(BookingDef::checkInEarlyMinutes)
          .orElse(BookingDef.DEFAULT_CHECK_IN_EARLY_MINUTES);
      return Future.failedFuture(Errors.of(r, Map.of("opensAt",
          b.start().minusSeconds(60L * early).atZone(s.def().zone()).toOffsetDateTime())));
    });
  }

  /**
   * The bookings of a day for staff ({@code date}, default today), or of the next {@code minutes}
   * from now; names and contact shown to staff only.
   */
  private void staffList(RoutingContext rc) {
    String branch = rc.pathParam("branch");
    knownBranch(branch);
    sessions.staff(rc).compose(staff -> engine.state(branch)).map(s -> {
      Instant now = now();
      String minutes = rc.queryParams().get("minutes");
      Instant from;
      Instant to;
      if (minutes != null) {
        from = now.minusSeconds(60L * BookingDef.DEFAULT_GRACE_MINUTES);
        to = now.plusSeconds(60L * integer("minutes", minutes, 1, 24 * 60));
      } else {
        String dateParam = rc.queryParams().get("date");
        LocalDate date = dateParam == null ? now.atZone(s.def().zone()).toLocalDate() : date(dateParam);
        from = date.atStartOfDay(s.def().zone()).toInstant();
        to = date.plusDays(1).atStartOfDay(s.def().zone()).toInstant();
      }
      return BookingViews.staffList(s, from, to, now);
    }).onSuccess(list -> Replies.ok(rc, list)).onFailure(rc::fail);
  }

  private void noShow(RoutingContext rc) {
    String branch = rc.pathParam("branch");
    knownBranch(branch);
    String code = rc.pathParam("code").toUpperCase(java.util.Locale.ROOT);
    sessions.staff(rc)
        .compose(staff -> engine.execute(branch, new Command.Appointment(now(), new BookingRequest.MarkNoShow(code))))
        .compose(outcome -> settled(branch, outcome))
        .map(b -> BookingViews.staff(b.state(), b.state().bookings().byCode(code).orElseThrow(), now()))
        .onSuccess(v -> Replies.ok(rc, v)).onFailure(rc::fail);
  }

  private Future<BranchState> stateOf(String secret) {
    String branch = IdGenerator.branchOf(secret);
    if (branch == null || engine.config().branch(branch).isEmpty()) {
      return Future.failedFuture(unknownBooking());
    }
    return engine.state(branch);
  }

  private static Booking booking(BranchState s, String secret) {
    return s.bookings().bySecret(secret).orElseThrow(BookingRoutes::unknownBooking);
  }

  static ApiException unknownBooking() {
    return ApiException.notFound("unknown_booking", "No such booking");
  }

  private void knownBranch(String branch) {
    if (engine.config().branch(branch).isEmpty()) {
      throw ApiException.notFound("unknown_branch", "No branch '" + branch + "'");
    }
  }

  private ServiceDef bookableService(String branch, String service) {
    knownBranch(branch);
    ServiceDef def = engine.config().branch(branch).orElseThrow().service(service)
        .orElseThrow(() -> ApiException.notFound("unknown_service", "No service '" + service + "' at this branch"));
    if (def.booking() == null) {
      throw new ApiException(409, "not_bookable", def.name().en() + " cannot be booked at this branch");
    }
    return def;
  }

  private static Instant instant(String field, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "must be a time with offset, e.g. 2026-12-01T10:15:00+01:00");
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("date", "must be a date such as 2026-12-01");
    }
  }

  private static int integer(String field, String text, int min, int max) {
    try {
      int v = Integer.parseInt(text);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiException.invalid(field, "must be a whole number from " + min + " to " + max);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private String newCode() {
    char[] c = new char[CODE_LENGTH];
    for (int i = 0; i < c.length; i++) {
      c[i] = CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length()));
    }
    return new String(c);
  }

  /** The same code for every retry of a request, another for each attempt after a clash. */
  static String codeFromKey(String key, int attempt) {
    String hash = Sha256.hex("code\n" + attempt + "\n" + key);
    char[] c = new char[CODE_LENGTH];
    for (int i = 0; i < c.length; i++) {
      c[i] = CODE_ALPHABET.charAt(Integer.parseInt(hash.substring(2 * i, 2 * i + 2), 16) % CODE_ALPHABET.length());
    }
    return new String(c);
  }

  private Instant now() {
    return engine.clock().instant();
  }
}
