package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.engine.PostgresServer;
import dk.queue.core.node.Http;
import dk.queue.core.node.TestNode;
import dk.queue.core.stats.StatisticsCsv;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics endpoints on a real node, read back from each kind of store, as JSON and CSV. */
class StatsIT {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

  @Test
  void statisticsOfTodayFromTheEmbeddedStore() throws Exception {
    try (TestNode node = TestNode.start()) {
      aKnownMorningGivesItsFigures(node);
    }
  }

  @Test
  void statisticsOfTodayFromPostgres() throws Exception {
    try (TestNode node = TestNode.withStore(PostgresServer.shared().newDatabase())) {
      aKnownMorningGivesItsFigures(node);
    }
  }

  /** Three passport tickets: one served, one no-show, one still waiting; one library ticket cancelled. */
  void aKnownMorningGivesItsFigures(TestNode node) throws Exception {
    String anna = node.login("anna");
    assertThat(node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\",\"lib\"]}", anna).status()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThat(node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").status()).isEqualTo(201);
    }
    String lib = node.post("/api/branches/main/tickets", "{\"service\":\"lib\"}").body().get("id").asText();
    assertThat(node.delete("/api/tickets/" + lib).status()).isEqualTo(200);
    node.post("/api/branches/main/desks/d1/call-next", null, anna);
    node.post("/api/branches/main/desks/d1/start", null, anna);
    assertThat(node.post("/api/branches/main/desks/d1/done", null, anna).status()).isEqualTo(200);
    node.post("/api/branches/main/desks/d1/call-next", null, anna);
    assertThat(node.post("/api/branches/main/desks/d1/no-show", null, anna).status()).isEqualTo(200);

    String today = LocalDate.now(CPH).toString();
    Http.Reply json = node.get("/api/branches/main/stats?from=" + today + "&to=" + today);
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.body().get("branch").asText()).isEqualTo("main");
    assertThat(json.body().get("from").asText()).isEqualTo(today);
    JsonNode pas = total(json.body(), "pas");
    assertThat(pas.get("issued").asInt()).isEqualTo(3);
    assertThat(pas.get("served").asInt()).isEqualTo(1);
    assertThat(pas.get("noShow").asInt()).isEqualTo(1);
    assertThat(pas.get("waitSeconds").get("count").asInt()).isEqualTo(2);
    assertThat(pas.get("serviceSeconds").get("count").asInt()).isEqualTo(1);
    assertThat(pas.get("withinTargetShare").asDouble()).isEqualTo(1.0);
    JsonNode libTotal = total(json.body(), "lib");
    assertThat(libTotal.get("issued").asInt()).isEqualTo(1);
    assertThat(libTotal.get("cancelled").asInt()).isEqualTo(1);
    assertThat(json.body().get("hours")).isNotEmpty();
    assertThat(json.body().get("hours").get(0).get("date").asText()).isEqualTo(today);

    Http.Reply defaults = node.get("/api/branches/main/stats");
    assertThat(total(defaults.body(), "pas").get("issued").asInt()).isEqualTo(3);

    Http.Reply csv = node.get("/api/branches/main/stats?format=csv&from=" + today + "T00:30:00%2B01:00");
    assertThat(csv.status()).isEqualTo(200);
    List<String> lines = csv.text().lines().toList();
    assertThat(lines.get(0)).isEqualTo(StatisticsCsv.HEADER);
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("main,pas,,total,3,1,1,0,0,0,2,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("main,lib,,total,1,0,0,1,0,0,0,"));

    Http.Reply all = node.get("/api/stats?from=" + today);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body().get("branches")).extracting(b -> b.get("branch").asText()).containsExactly("main", "vest");
    Http.Reply allCsv = node.get("/api/stats?format=csv");
    assertThat(allCsv.text()).contains("\nvest,pas,,total,0,");

    Http.Reply yesterday = node.get("/api/branches/main/stats?from=" + LocalDate.now(CPH).minusDays(1)
        + "&to=" + LocalDate.now(CPH).minusDays(1));
    assertThat(total(yesterday.body(), "pas").get("issued").asInt()).isZero();
  }

  @Test
  void badInputIsRefusedNamingTheField() throws Exception {
    try (TestNode node = TestNode.start()) {
      assertInvalid(node.get("/api/branches/main/stats?from=yesterday"), "from");
      assertInvalid(node.get("/api/branches/main/stats?from=2026-11-25&to=2026-13-01"), "to");
      assertInvalid(node.get("/api/branches/main/stats?from=2026-11-25&to=2026-11-24"), "to");
      assertInvalid(node.get("/api/branches/main/stats?from=2024-01-01&to=2026-01-01"), "to");
      assertInvalid(node.get("/api/stats?format=xml"), "format");
      Http.Reply unknown = node.get("/api/branches/nowhere/stats");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.error()).isEqualTo("unknown_branch");
    }
  }

  static void assertInvalid(Http.Reply r, String field) {
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("invalid");
    assertThat(r.body().get("field").asText()).isEqualTo(field);
    assertThat(r.body().get("message").asText()).startsWith(field + ":");
  }

  static JsonNode total(JsonNode stats, String service) {
    for (JsonNode row : stats.get("totals")) {
      if (row.get("service").asText().equals(service)) {
        return row;
      }
    }
    throw new AssertionError("no total for " + service + " in " + stats);
  }
}
