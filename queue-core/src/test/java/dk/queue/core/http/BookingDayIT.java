package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.node.BookingConfig;
import dk.queue.core.node.Http;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Days of bookings on a real node over HTTP (the clock moves forward only: the tests run in order):
 * the statistics of bookings checked in early and late, cancelled, missed and still to come, counted
 * in the hour of their booked time in the JSON and the CSV of {@code /api/branches/{b}/stats}; and
 * the limits per address on booking and on check-in codes tried, which a kiosk with its key is not held to.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookingDayIT {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  static final BookingConfig.MovableClock CLOCK = new BookingConfig.MovableClock();
  static final int LIMIT = 5;
  static TestNode node;
  static String anna;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(Files.createTempDirectory("queue-booking-stats"),
        o -> o.withConfig(BookingConfig.create(2)).withClock(CLOCK)
            .withEdge(EdgeOptions.defaults().withTickets(100_000, 100_000).withBookings(LIMIT)));
    anna = node.login("anna");
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  static ZonedDateTime at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(CPH);
  }

  static String book(ZonedDateTime start, String name) throws Exception {
    Http.Reply r = tryBooking(start, name);
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.body().get("secret").asText() + " " + r.body().get("code").asText();
  }

  static Http.Reply tryBooking(ZonedDateTime start, String name) throws Exception {
    return node.post("/api/branches/main/bookings", "{\"service\":\"pas\",\"start\":\""
        + start.toOffsetDateTime() + "\",\"name\":\"" + name + "\"}");
  }

  /** Checks in at the kiosk: the ticket's id. */
  static String checkIn(String booking) throws Exception {
    Http.Reply r = node.postAsKiosk("/api/branches/main/check-in", "{\"code\":\"" + booking.split(" ")[1]
        + "\",\"kiosk\":\"main-kiosk\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.body().get("ticket").get("id").asText();
  }

  static void callAndFinish(String ticket) throws Exception {
    Http.Reply called = node.post("/api/branches/main/desks/d3/call-next", null, anna);
    assertThat(called.status()).as(called.text()).isEqualTo(200);
    assertThat(called.body().get("id").asText()).as(called.text()).isEqualTo(ticket);
    node.post("/api/branches/main/desks/d3/start", null, anna);
    assertThat(node.post("/api/branches/main/desks/d3/done", null, anna).status()).isEqualTo(200);
  }

  @Test
  @Order(1)
  void theStatisticsShowTheDaysBookingsInEveryState() throws Exception {
    LocalDate day = ZonedDateTime.now(CLOCK).withZoneSameInstant(CPH).toLocalDate().plusDays(1);
    CLOCK.set(at(day, 9, 0).toInstant());
    String early = book(at(day, 10, 0), "Tidlig");
    String cancelled = book(at(day, 10, 0), "Aflyst");
    String missed = book(at(day, 10, 15), "Udeblevet");
    String late = book(at(day, 10, 30), "Sen");
    book(at(day, 11, 0), "Senere");
    assertThat(node.delete("/api/bookings/" + cancelled.split(" ")[0]).status()).isEqualTo(200);

    node.post("/api/branches/main/desks/d3/open", "{\"services\":[\"pas\"]}", anna);
    CLOCK.set(at(day, 9, 50).toInstant());
    String earlyTicket = checkIn(early);
    CLOCK.set(at(day, 10, 2).toInstant());
    callAndFinish(earlyTicket);
    CLOCK.set(at(day, 10, 33).toInstant()); // 10:15 + 10 min grace has passed: the 10:15 booking is missed
    String lateTicket = checkIn(late);
    CLOCK.set(at(day, 10, 37).toInstant());
    callAndFinish(lateTicket);
    node.post("/api/branches/main/desks/d3/close", null, anna);

    JsonNode stats = node.get("/api/branches/main/stats?from=" + day).body();
    JsonNode ten = row(stats.get("hours"), day, 10).get("bookings");
    assertThat(ten.get("booked").asInt()).isEqualTo(4);
    assertThat(ten.get("checkedIn").asInt()).isEqualTo(2);
    assertThat(ten.get("noShow").asInt()).isEqualTo(1);
    assertThat(ten.get("cancelled").asInt()).isEqualTo(1);
    // checked in 10 minutes early and 3 minutes late; called 2 and 7 minutes after the booked time
    assertThat(ten.get("checkInSeconds").get("count").asInt()).isEqualTo(2);
    assertThat(ten.get("checkInSeconds").get("mean").asDouble()).isCloseTo((-600 + 180) / 2.0, within(3.0));
    assertThat(ten.get("calledAfterSeconds").get("count").asInt()).isEqualTo(2);
    assertThat(ten.get("calledAfterSeconds").get("mean").asDouble()).isCloseTo((120 + 420) / 2.0, within(3.0));
    JsonNode eleven = row(stats.get("hours"), day, 11).get("bookings");
    assertThat(eleven.get("booked").asInt()).isEqualTo(1);
    assertThat(eleven.get("checkedIn").asInt() + eleven.get("noShow").asInt() + eleven.get("cancelled").asInt()).isZero();
    JsonNode total = stats.get("totals").get(0);
    assertThat(total.get("service").asText()).isEqualTo("pas");
    assertThat(total.get("bookings").get("booked").asInt()).isEqualTo(5);
    // the checked-in bookings are issued tickets of their service too
    assertThat(total.get("issued").asInt()).isEqualTo(2);

    String csv = node.get("/api/branches/main/stats?from=" + day + "&format=csv").text();
    List<String> lines = csv.lines().toList();
    List<String> header = Arrays.asList(lines.get(0).split(","));
    String[] tenCsv = lines.stream().filter(l -> l.startsWith("main,pas," + day + ",10,")).findFirst()
        .orElseThrow().split(",", -1);
    assertThat(tenCsv).hasSize(header.size());
    assertThat(tenCsv[header.indexOf("booked")]).isEqualTo("4");
    assertThat(tenCsv[header.indexOf("booked_checked_in")]).isEqualTo("2");
    assertThat(tenCsv[header.indexOf("booked_no_show")]).isEqualTo("1");
    assertThat(tenCsv[header.indexOf("booked_cancelled")]).isEqualTo("1");
    assertThat(tenCsv[header.indexOf("check_in_count")]).isEqualTo("2");
    assertThat(Double.parseDouble(tenCsv[header.indexOf("called_after_booked_mean_s")])).isCloseTo(270, within(3.0));
  }

  @Test
  @Order(2)
  void guessingCodesIsStoppedAndAKioskChecksInManyCitizens() throws Exception {
    LocalDate day = ZonedDateTime.now(CLOCK).withZoneSameInstant(CPH).toLocalDate().plusDays(2);
    CLOCK.set(at(day, 8, 50).toInstant());
    List<String> bookings = new java.util.ArrayList<>();
    for (int i = 0; i < LIMIT; i++) {
      bookings.add(book(at(day, 9, 15 + 15 * (i / 2)), "Borger " + i));
    }
    long before = node.seq("main");
    Http.Reply refused = tryBooking(at(day, 9, 45), "En for mange");
    BookingApiIT.expect(refused, 429, "too_many_requests");
    assertThat(refused.body().get("retryAfterSeconds").asLong()).isBetween(1L, 60L);
    assertThat(node.seq("main")).isEqualTo(before);
    CLOCK.set(at(day, 8, 51).toInstant());
    bookings.add(book(at(day, 9, 45), "Borger " + LIMIT));
    String byPhone = book(at(day, 10, 0), "Uden standerens nøgle");

    // The kiosk, proven by its key, checks in more citizens in a minute than an address may try codes.
    CLOCK.set(at(day, 9, 18).toInstant());
    for (String b : bookings) {
      checkIn(b);
    }
    assertThat(bookings).hasSizeGreaterThan(LIMIT);

    // Codes tried from one address: wrong ones are refused, and after the limit even a right one.
    CLOCK.set(at(day, 9, 20).toInstant());
    before = node.seq("main");
    for (int i = 0; i < LIMIT; i++) {
      BookingApiIT.expect(node.post("/api/branches/main/check-in", "{\"code\":\"AAAAA" + "CDEFH".charAt(i) + "\"}"),
          404, "unknown_booking");
    }
    String right = "{\"code\":\"" + byPhone.split(" ")[1] + "\"}";
    BookingApiIT.expect(node.post("/api/branches/main/check-in", right), 429, "too_many_requests");
    assertThat(node.seq("main")).isEqualTo(before);
    CLOCK.set(at(day, 9, 31).toInstant());
    assertThat(node.post("/api/branches/main/check-in", right).status()).isEqualTo(201);
  }

  static JsonNode row(JsonNode rows, LocalDate day, int hour) {
    for (JsonNode r : rows) {
      if (r.get("service").asText().equals("pas") && r.get("date").asText().equals(day.toString())
          && r.get("hour").asInt() == hour) {
        return r;
      }
    }
    throw new AssertionError("no row for pas at " + hour + " in " + rows);
  }
}
