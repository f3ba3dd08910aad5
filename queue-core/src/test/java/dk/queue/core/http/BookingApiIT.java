package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.node.BookingConfig;
import dk.queue.core.node.Http;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The booking API on a real node: free slots, booking, the holder's secret link, check-in by code,
 * the staff list, and each bad request refused with a clear error that changes nothing.
 */
class BookingApiIT {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  static final BookingConfig.MovableClock CLOCK = new BookingConfig.MovableClock();
  static TestNode node;
  static String anna;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(Files.createTempDirectory("queue-booking"),
        o -> o.withConfig(BookingConfig.create(1)).withClock(CLOCK));
    anna = node.login("anna");
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  /** A slot start on a later day (10:00 + n quarters, local), so that tests do not share slots. */
  static String slot(int days, int quarter) {
    return ZonedDateTime.now(CLOCK).withZoneSameInstant(CPH).toLocalDate().plusDays(days).atTime(10, 0)
        .plusMinutes(15L * quarter).atZone(CPH).toOffsetDateTime().toString();
  }

  static String bookBody(String start, String name) {
    return "{\"service\":\"pas\",\"start\":\"" + start + "\",\"name\":\"" + name + "\",\"email\":\"a@example.dk\"}";
  }

  @Test
  void bookReadMoveCancelByTheSecretAndStaffSeeTheName() throws Exception {
    String start = slot(2, 0);
    Http.Reply booked = node.post("/api/branches/main/bookings", bookBody(start, "Jens Hansen"));
    assertThat(booked.status()).as(booked.text()).isEqualTo(201);
    String secret = booked.body().get("secret").asText();
    String code = booked.body().get("code").asText();
    assertThat(code).matches("[ACDEFHJKLMNPRTUVWXY34679]{6}");
    assertThat(secret).startsWith("main-").hasSizeGreaterThan(20);
    assertThat(booked.body().get("state").asText()).isEqualTo("booked");

    JsonNode slots = node.get("/api/branches/main/services/pas/slots?date=" + start.substring(0, 10)).body();
    assertThat(slotFree(slots, start)).isZero();
    assertThat(node.post("/api/branches/main/bookings", bookBody(start, "Other")).error()).isEqualTo("slot_full");

    JsonNode read = node.get("/api/bookings/" + secret).body();
    assertThat(read.get("code").asText()).isEqualTo(code);
    assertThat(read.has("email")).isFalse();

    // the public views never carry a booking's name
    assertThat(node.get("/api/branches/main").text()).doesNotContain("Jens Hansen").doesNotContain(secret);
    JsonNode list = node.get("/api/branches/main/bookings?date=" + start.substring(0, 10), anna).body();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("name").asText()).isEqualTo("Jens Hansen");
    assertThat(list.get(0).get("email").asText()).isEqualTo("a@example.dk");
    assertThat(list.get(0).has("secret")).isFalse();
    assertThat(node.get("/api/branches/main/bookings").status()).isEqualTo(401);

    String later = slot(2, 1);
    Http.Reply moved = node.post("/api/bookings/" + secret + "/move", "{\"start\":\"" + later + "\"}");
    assertThat(moved.status()).as(moved.text()).isEqualTo(200);
    assertThat(OffsetDateTime.parse(moved.body().get("start").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse(later).toInstant());
    assertThat(slotFree(node.get("/api/branches/main/services/pas/slots?date=" + start.substring(0, 10)).body(),
        start)).isEqualTo(1);

    assertThat(node.delete("/api/bookings/" + secret).body().get("state").asText()).isEqualTo("cancelled");
    Http.Reply checkIn = node.post("/api/branches/main/check-in", "{\"code\":\"" + code + "\"}");
    assertThat(checkIn.status()).isEqualTo(409);
    assertThat(checkIn.error()).isEqualTo("booking_cancelled");
    assertThat(node.get("/api/bookings/main-nosuchsecret00000").error()).isEqualTo("unknown_booking");
  }

  @Test
  void badBookingsAreRefusedClearlyAndChangeNothing() throws Exception {
    long before = node.seq("main");
    String past = ZonedDateTime.now(CLOCK).withZoneSameInstant(CPH).minusHours(1).truncatedTo(ChronoUnit.HOURS)
        .toOffsetDateTime().toString();
    expect(node.post("/api/branches/main/bookings", bookBody(past, "A")), 409, "slot_past");
    expect(node.post("/api/branches/main/bookings", bookBody(slot(3, 0).replace(":00+", ":07+"), "A")), 400,
        "slot_outside_hours");
    expect(node.post("/api/branches/main/bookings", bookBody(slot(40, 0), "A")), 400, "slot_too_far");
    expect(node.post("/api/branches/main/bookings", "{\"service\":\"lib\",\"start\":\"" + slot(3, 0)
        + "\",\"name\":\"A\"}"), 409, "not_bookable");
    expect(node.post("/api/branches/main/bookings", "{\"service\":\"pas\",\"start\":\"tomorrow\",\"name\":\"A\"}"),
        400, "invalid");
    expect(node.post("/api/branches/main/bookings", bookBody(slot(3, 0), "")), 400, "invalid");
    expect(node.post("/api/branches/main/check-in", "{\"code\":\"XXXXXX\"}"), 404, "unknown_booking");
    assertThat(node.seq("main")).isEqualTo(before);
  }

  @Test
  void checkInTooEarlyThenOnTimeGivesABookedTicketCalledAheadOfWalkIns() throws Exception {
    ZonedDateTime slot = ZonedDateTime.now(CLOCK).withZoneSameInstant(CPH).plusHours(2).truncatedTo(ChronoUnit.HOURS);
    // The desk's opening, the check-in (20 minutes before) and the call (30 s after) on one day: a
    // new day closes the desks and expires the tickets of the day before.
    String start = (slot.getHour() == 0 ? slot.plusHours(1) : slot).toOffsetDateTime().toString();
    Http.Reply booked = node.post("/api/branches/main/bookings", bookBody(start, "Tid Bestilt"));
    assertThat(booked.status()).as(booked.text()).isEqualTo(201);
    String code = booked.body().get("code").asText();
    Http.Reply early = node.post("/api/branches/main/check-in", "{\"code\":\"" + code.toLowerCase() + "\"}");
    expect(early, 409, "too_early");
    assertThat(early.body().get("message").asText()).contains("Check-in opens at");

    CLOCK.set(OffsetDateTime.parse(start).toInstant().minus(Duration.ofMinutes(20)));
    node.post("/api/branches/main/desks/d3/open", "{\"services\":[\"pas\"]}", anna);
    String walkIn = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("id").asText();
    Http.Reply in = node.post("/api/branches/main/check-in", "{\"code\":\"" + code + "\"}");
    assertThat(in.status()).as(in.text()).isEqualTo(201);
    assertThat(in.body().has("name")).isFalse();
    String ticket = in.body().get("ticket").get("id").asText();
    assertThat(in.body().get("ticket").get("number").asText()).startsWith("P");
    CLOCK.set(OffsetDateTime.parse(start).toInstant().plusSeconds(30));
    JsonNode called = node.post("/api/branches/main/desks/d3/call-next", null, anna).body();
    assertThat(called.get("id").asText()).isEqualTo(ticket);
    assertThat(node.get("/api/tickets/" + walkIn).body().get("state").asText()).isEqualTo("waiting");
    node.post("/api/branches/main/desks/d3/no-show", null, anna);
    node.delete("/api/tickets/" + walkIn);
    node.post("/api/branches/main/desks/d3/close", null, anna);
  }

  static int slotFree(JsonNode slots, String start) {
    for (JsonNode s : slots.get("slots")) {
      if (OffsetDateTime.parse(s.get("start").asText()).isEqual(OffsetDateTime.parse(start))) {
        return s.get("free").asInt();
      }
    }
    throw new AssertionError("no slot " + start + " in " + slots);
  }

  static void expect(Http.Reply r, int status, String error) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.error()).as(r.text()).isEqualTo(error);
    assertThat(r.body().get("message").asText()).isNotBlank();
  }
}
