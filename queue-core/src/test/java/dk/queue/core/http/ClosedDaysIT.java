package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.config.ConfigLoader;
import dk.queue.core.node.Http;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A real node on 24 December 2026 (a Thursday), 11:00 in Copenhagen, whose clock runs on from
 * there. The main branch is closed 24-26 December, vest only on juleaftensdag, nord not at all.
 */
class ClosedDaysIT {
  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  private static final Instant CHRISTMAS_EVE = ZonedDateTime.of(2026, 12, 24, 11, 0, 0, 0, CPH).toInstant();
  private static final String HASH = BCrypt.hashpw("1234", BCrypt.gensalt(4));
  private static final String YAML = String.join("\n",
      "services:",
      "  - {id: pas, name: {da: Pas, en: Passport}, letter: P, group: borgerservice}",
      "branches:",
      "  - id: main",
      "    name: Hovedbiblioteket",
      "    hours: {mon-sun: \"09:00-17:00\"}",
      "    closedDays:",
      "      - {from: 2026-12-24, to: 2026-12-26, reason: {da: Jul, en: Christmas}}",
      "    services: [{id: pas, booking: {hours: {mon-sun: \"10:00-12:00\"}}}]",
      "    desks: [{id: d1, name: Skranke 1}]",
      "  - id: vest",
      "    name: Vestbiblioteket",
      "    hours: {mon-sun: \"09:00-17:00\"}",
      "    closedDays: [juleaftensdag]",
      "    services: [pas]",
      "    desks: [{id: d1, name: Skranke 1}]",
      "  - id: nord",
      "    name: Nordbiblioteket",
      "    hours: {mon-sun: \"09:00-17:00\"}",
      "    services: [pas]",
      "    desks: [{id: d1, name: Skranke 1}]",
      "staff:",
      "  - {user: anna, name: Anna, pinHash: \"" + HASH + "\", skills: [pas], supervises: [main, vest, nord]}",
      "outcomes: [served]",
      "");

  private static TestNode node;
  private static String anna;

  @BeforeAll
  static void start() throws Exception {
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), CHRISTMAS_EVE));
    node = TestNode.start(Files.createTempDirectory("closed-days"),
        o -> o.withConfig(ConfigLoader.parse(YAML, "closed.yaml")).withClock(clock));
    anna = node.login("anna");
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static OffsetDateTime at(int day, int hour) {
    return ZonedDateTime.of(2026, 12, day, hour, 0, 0, 0, CPH).toOffsetDateTime();
  }

  private static OffsetDateTime time(JsonNode n) {
    return OffsetDateTime.parse(n.asText());
  }

  @Test
  void theBranchSaysItIsClosedTodayAndWhenItOpens() throws Exception {
    JsonNode main = node.get("/api/branches/main").body();
    assertThat(main.at("/today/closed").asBoolean()).isTrue();
    assertThat(main.at("/today/reason/da").asText()).isEqualTo("Jul");
    assertThat(main.at("/today/reason/en").asText()).isEqualTo("Christmas");
    assertThat(time(main.at("/today/opensAt"))).isEqualTo(at(27, 9));
    assertThat(time(main.at("/services/0/opensAt"))).isEqualTo(at(27, 9));
    assertThat(node.get("/api/branches/nord").body().has("today")).as("an ordinary day").isFalse();
  }

  @Test
  void noTicketOnAClosedDayAndTheAlternativesKnowTheirOwnClosedDays() throws Exception {
    assertThat(node.post("/api/branches/nord/desks/d1/open", "{\"services\":[\"pas\"]}", anna).status()).isEqualTo(200);
    assertThat(node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}", anna).status()).isEqualTo(200);
    long seq = node.seq("main");
    Http.Reply refused = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}");
    assertThat(refused.status()).as("even with a desk open on a closed day").isEqualTo(409);
    assertThat(refused.error()).isEqualTo("service_unavailable");
    assertThat(time(refused.body().get("nextOpening"))).isEqualTo(at(27, 9));
    assertThat(node.seq("main")).isEqualTo(seq);
    JsonNode alternatives = refused.body().get("alternatives");
    assertThat(alternatives.get(0).get("branch").asText()).isEqualTo("nord");
    assertThat(alternatives.get(0).get("available").asBoolean()).isTrue();
    assertThat(alternatives.get(1).get("branch").asText()).isEqualTo("vest");
    assertThat(alternatives.get(1).get("available").asBoolean()).isFalse();
    assertThat(time(alternatives.get(1).get("opensAt"))).as("vest opens on juledag").isEqualTo(at(25, 9));
    assertThat(node.post("/api/branches/nord/tickets", "{\"service\":\"pas\"}").status()).isEqualTo(201);
  }

  @Test
  void statisticsNameTheClosedDaysOfTheirRange() throws Exception {
    Http.Reply stats = node.get("/api/branches/main/stats?from=2026-12-20&to=2026-12-31", anna);
    assertThat(stats.status()).as(stats.text()).isEqualTo(200);
    JsonNode days = stats.body().get("specialDays");
    assertThat(days).hasSize(3);
    assertThat(days.get(0).get("date").asText()).isEqualTo("2026-12-24");
    assertThat(days.get(2).get("date").asText()).isEqualTo("2026-12-26");
    assertThat(days.get(0).get("hours")).isEmpty();
    assertThat(days.get(0).at("/reason/da").asText()).isEqualTo("Jul");
  }

  @Test
  void theSlotsOfAClosedDaySayWhyAndTheFirstTimeThatCanBeBookedAfter() throws Exception {
    JsonNode christmas = node.get("/api/branches/main/services/pas/slots?date=2026-12-25").body();
    assertThat(christmas.get("slots")).isEmpty();
    assertThat(christmas.at("/closed/reason/da").asText()).isEqualTo("Jul");
    assertThat(time(christmas.at("/closed/nextSlot"))).isEqualTo(at(27, 10));
    JsonNode after = node.get("/api/branches/main/services/pas/slots?date=2026-12-27").body();
    assertThat(after.has("closed")).isFalse();
    assertThat(time(after.at("/slots/0/start"))).isEqualTo(at(27, 10));
  }
}
