package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A node stopped yesterday with citizens still waiting and started today: the day is replayed from
 * the log, then the day's end closes yesterday's leftovers as expired, closes the desks and
 * restarts numbering; the statistics of yesterday count them as expired.
 */
class DayRolloverIT {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

  @Test
  void yesterdaysLeftoversExpireWhenTheNodeStartsTheNextDay() throws Exception {
    Path data = Files.createTempDirectory("queue-rollover");
    Clock yesterday = Clock.offset(Clock.systemUTC(), Duration.ofDays(-1));
    try (TestNode node = TestNode.start(data, o -> o.withClock(yesterday))) {
      String anna = node.login("anna");
      node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\",\"lib\"]}", anna);
      for (int i = 0; i < 3; i++) {
        assertThat(node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").status()).isEqualTo(201);
      }
      node.post("/api/branches/main/tickets", "{\"service\":\"lib\"}");
      assertThat(node.post("/api/branches/main/desks/d1/call-next", null, anna).status()).isEqualTo(200);
    }
    try (TestNode node = TestNode.start(data)) {
      String anna = node.login("anna");
      // The first command of the new day: the day's end runs before it, then it opens desk 2.
      assertThat(node.post("/api/branches/main/desks/d2/open", "{\"services\":[\"pas\"]}", anna).status()).isEqualTo(200);
      JsonNode ticket = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body();
      assertThat(ticket.get("number").asText()).isEqualTo("P001");
      JsonNode snapshot = node.get("/api/branches/main", anna).body();
      assertThat(snapshot.get("waiting")).hasSize(1);
      assertThat(snapshot.get("waiting").get(0).get("id").asText()).isEqualTo(ticket.get("id").asText());
      for (JsonNode desk : snapshot.get("desks")) {
        assertThat(desk.get("state").asText()).isEqualTo(desk.get("id").asText().equals("d2") ? "open" : "closed");
      }
      String day = LocalDate.now(CPH).minusDays(1).toString();
      JsonNode stats = node.get("/api/branches/main/stats?from=" + day + "&to=" + day).body();
      assertThat(StatsIT.total(stats, "pas").get("issued").asInt()).isEqualTo(3);
      assertThat(StatsIT.total(stats, "pas").get("expired").asInt()).isEqualTo(3);
      assertThat(StatsIT.total(stats, "lib").get("expired").asInt()).isEqualTo(1);
      String metrics = node.get("/metrics").text();
      assertThat(metrics).as("the day's end counts the expired tickets as cancelled, by service")
          .contains("queue_tickets_cancelled_total{branch=\"main\",service=\"pas\"} 3.0")
          .contains("queue_tickets_cancelled_total{branch=\"main\",service=\"lib\"} 1.0");
      JsonNode today = node.get("/api/branches/main/stats").body();
      assertThat(StatsIT.total(today, "pas").get("issued").asInt()).isEqualTo(1);
      assertThat(StatsIT.total(today, "pas").get("expired").asInt()).isZero();
    }
  }
}
