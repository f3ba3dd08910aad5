package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.node.BookingConfig;
import dk.queue.core.node.Http;
import dk.queue.core.node.TestNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bookings exchanged with other systems, over real HTTP on a real node (passport bookable at
 * {@code main}, one place a slot): the import of CSV and JSON, all or nothing and idempotent, and
 * the staff's iCalendar feed, parsed as a calendar app reads it.
 */
class BookingExchangeIT {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  static TestNode node;
  static String anna;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(Files.createTempDirectory("queue-booking-exchange"),
        o -> o.withConfig(BookingConfig.create(1)));
    anna = node.login("anna");
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  static LocalDate day(int ahead) {
    return LocalDate.now(CPH).plusDays(ahead);
  }

  static Http.Reply importAs(String token, String type, String body) throws Exception {
    Map<String, String> headers = new HashMap<>(Map.of("Content-Type", type));
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    return node.send("POST", "/api/branches/main/bookings/import", body, headers);
  }

  static List<String> namesOn(LocalDate date) throws Exception {
    Http.Reply list = node.get("/api/branches/main/bookings?date=" + date, anna);
    assertThat(list.status()).as(list.text()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    list.body().forEach(b -> names.add(b.get("name").asText()));
    return names;
  }

  @Test
  void csvAndJsonAreImportedOnceAndABadRowRefusesTheWholeFileNamingEachBadRow() throws Exception {
    LocalDate d = day(4);
    String csv = "externalId;service;start;name;phone;email\r\n"
        + "ext-1;pas;" + d + " 10:00;\"Jensen; Ole\";+45 12 34 56 78;\r\n"
        + "ext-2;pas;" + d.atTime(10, 15).atZone(CPH).toOffsetDateTime() + ";Åse Ærø;;aase@example.dk\r\n";
    assertThat(importAs(null, "text/csv", csv).status()).as("staff or admin only").isEqualTo(401);
    Http.Reply first = importAs(anna, "text/csv; charset=utf-8", csv);
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(first.body().get("imported").asInt()).isEqualTo(2);
    assertThat(first.body().get("bookings").get(0).get("code").asText()).matches("[ACDEFHJKLMNPRTUVWXY34679]{6}");
    assertThat(OffsetDateTime.parse(first.body().get("bookings").get(0).get("start").asText()).toInstant())
        .isEqualTo(d.atTime(10, 0).atZone(CPH).toInstant());
    Http.Reply again = importAs(anna, "text/csv", csv);
    assertThat(again.body().get("imported").asInt()).as("the same file twice").isZero();
    assertThat(again.body().get("unchanged").asInt()).isEqualTo(2);
    assertThat(again.body().get("bookings").get(1).get("code").asText())
        .isEqualTo(first.body().get("bookings").get(1).get("code").asText());
    assertThat(namesOn(d)).containsExactly("Jensen; Ole", "Åse Ærø");
    String link = first.body().get("bookings").get(1).get("link").asText();
    assertThat(node.get("/api" + link.replace("/b/", "/bookings/")).body().get("state").asText()).isEqualTo("booked");

    // JSON without an external id: known again by service, start and name.
    String json = "[{\"service\":\"pas\",\"start\":\"" + d + "T11:00\",\"name\":\"Karl Smed\",\"language\":\"en\"}]";
    assertThat(importAs(anna, "application/json", json).body().get("imported").asInt()).isEqualTo(1);
    assertThat(importAs(anna, "application/json", json).body().get("imported").asInt()).isZero();

    // Every bad row named; nothing of the file booked, not even its good row.
    String bad = "externalId,service,start,name\n"
        + "ok-1,pas," + d + " 12:00,God Række\n"
        + "bad-2,pas,i morgen,Dato Forkert\n"
        + "bad-3,xyz," + d + " 12:15,Ukendt Ydelse\n"
        + "bad-4,pas," + d + " 10:00,Fuld Tid\n"
        + "bad-5,pas," + d + " 12:30,\n"
        + "bad-6,pas," + d + " 12:00,Samme Tid\n";
    Http.Reply refused = importAs(anna, "text/csv", bad);
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("invalid_import");
    List<String> rows = new ArrayList<>();
    for (JsonNode r : refused.body().get("rows")) {
      rows.add(r.get("row").asInt() + " " + r.get("field").asText());
    }
    assertThat(rows).contains("2 start", "3 service", "5 name");
    // Rows with a readable time are then checked against the places: 4 is full, 6 takes row 1's only place.
    Http.Reply full = importAs(anna, "text/csv", "externalId,service,start,name\n"
        + "ok-1,pas," + d + " 12:00,God Række\n"
        + "bad-4,pas," + d + " 10:00,Fuld Tid\n"
        + "bad-6,pas," + d + " 12:00,Samme Tid\n");
    assertThat(full.status()).as(full.text()).isEqualTo(400);
    assertThat(full.body().get("rows").toString()).contains("\"row\":2", "\"row\":3", "fully booked")
        .doesNotContain("\"row\":1");
    assertThat(namesOn(d)).as("nothing imported").containsExactly("Jensen; Ole", "Åse Ærø", "Karl Smed");
  }

  @Test
  void theCalendarFeedShowsStaffTheBookedNamesButNoContactAndOnlyWithItsToken() throws Exception {
    OffsetDateTime start = day(6).atTime(9, 30).atZone(CPH).toOffsetDateTime();
    Http.Reply booked = node.post("/api/branches/main/bookings", "{\"service\":\"pas\",\"start\":\"" + start
        + "\",\"name\":\"Inger Kalender\",\"phone\":\"+45 87 65 43 21\",\"email\":\"inger@example.dk\"}");
    assertThat(booked.status()).as(booked.text()).isEqualTo(201);
    Http.Reply cancelled = node.post("/api/branches/main/bookings", "{\"service\":\"pas\",\"start\":\""
        + start.plusMinutes(15) + "\",\"name\":\"Aflyst Person\"}");
    node.delete("/api/bookings/" + cancelled.body().get("secret").asText());

    assertThat(node.get("/api/branches/main/calendar-links").status()).isEqualTo(401);
    Http.Reply links = node.get("/api/branches/main/calendar-links", anna);
    assertThat(links.status()).as(links.text()).isEqualTo(200);
    assertThat(links.body()).hasSize(1);
    String url = links.body().get(0).get("url").asText();
    assertThat(url).startsWith(node.base() + "/api/branches/main/services/pas/calendar.ics?token=anna.");

    HttpResponse<String> feed = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    String ics = feed.body();
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
        .doesNotContain("inger@example.dk").doesNotContain("87 65 43 21")
        .doesNotContain(booked.body().get("secret").asText()).doesNotContain("Aflyst");
    List<Map<String, String>> events = events(ics);
    Map<String, String> inger = events.stream().filter(e -> e.get("SUMMARY").contains("Inger Kalender")).findFirst()
        .orElseThrow();
    DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    assertThat(inger.get("DTSTART")).isEqualTo(utc.format(start));
    assertThat(inger.get("DTEND")).isEqualTo(utc.format(start.plusMinutes(15)));
    assertThat(inger.get("DESCRIPTION")).contains(booked.body().get("code").asText());
    assertThat(inger.get("UID")).isNotBlank();

    String wrong = url.substring(0, url.length() - 2) + (url.endsWith("AA") ? "BB" : "AA");
    assertThat(node.get(wrong.substring(node.base().length())).status()).isEqualTo(404);
    assertThat(node.get("/api/branches/main/services/pas/calendar.ics").status()).isEqualTo(404);
    assertThat(node.get(url.substring(node.base().length()).replace("token=anna.", "token=bo.")).status())
        .as("a token is the member's own").isEqualTo(404);
  }

  /** The VEVENTs of a calendar, lines unfolded, each as its properties (parameters dropped). */
  static List<Map<String, String>> events(String ics) {
    String unfolded = ics.replace("\r\n ", "");
    List<Map<String, String>> events = new ArrayList<>();
    Map<String, String> current = null;
    for (String line : unfolded.split("\r\n")) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isPositive();
      if (line.equals("BEGIN:VEVENT")) {
        current = new HashMap<>();
      } else if (line.equals("END:VEVENT")) {
        events.add(current);
        current = null;
      } else if (current != null) {
        int colon = line.indexOf(':');
        current.put(line.substring(0, colon).split(";")[0], line.substring(colon + 1));
      }
    }
    for (String raw : ics.split("\r\n")) {
      assertThat(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("folded at 75 octets")
          .isLessThanOrEqualTo(75);
    }
    return events;
  }
}
