package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.node.TestNode;
import dk.queue.core.node.Http.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole flow over real HTTP against a started node: kiosk to desk and back. */
class ApiFlowIT {
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void ticketGoesFromKioskThroughDeskToDone() throws Exception {
    String anna = node.login("anna");
    Reply open = node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\",\"lib\"]}", anna);
    assertThat(open.status()).isEqualTo(200);
    assertThat(open.body().get("state").asText()).isEqualTo("open");

    Reply issued = node.post("/api/branches/main/tickets", "{\"service\":\"pas\",\"channel\":\"kiosk\"}");
    assertThat(issued.status()).isEqualTo(201);
    String id = issued.body().get("id").asText();
    assertThat(id).startsWith("main-");
    assertThat(issued.body().get("number").asText()).matches("P\\d{3}");
    assertThat(issued.body().get("state").asText()).isEqualTo("waiting");
    assertThat(issued.body().get("position").asInt()).isEqualTo(1);
    assertThat(issued.body().get("branch").asText()).isEqualTo("main");
    assertThat(issued.body().get("issuedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");

    JsonNode snapshot = node.get("/api/branches/main").body();
    assertThat(snapshot.has("waiting")).isFalse();
    assertThat(snapshot.toString()).doesNotContain(id);
    JsonNode staff = node.get("/api/branches/main", anna).body();
    assertThat(staff.get("waiting").get(0).get("id").asText()).isEqualTo(id);
    assertThat(desk(staff, "d1").get("staff").asText()).isEqualTo("anna");
    assertThat(desk(snapshot, "d1").has("staff")).isFalse();
    JsonNode pas = service(snapshot, "pas");
    assertThat(pas.get("available").asBoolean()).isTrue();
    assertThat(pas.get("waiting").asInt()).isEqualTo(1);
    assertThat(pas.get("name").get("da").asText()).isEqualTo("Pas");

    Reply called = node.post("/api/branches/main/desks/d1/call-next", null, anna);
    assertThat(called.status()).isEqualTo(200);
    assertThat(called.body().get("id").asText()).isEqualTo(id);
    assertThat(called.body().get("state").asText()).isEqualTo("called");
    assertThat(called.body().get("desk").asText()).isEqualTo("d1");
    JsonNode afterCall = node.get("/api/branches/main").body();
    assertThat(afterCall.get("recentCalls").get(0).get("number").asText()).isEqualTo(issued.body().get("number").asText());
    assertThat(desk(afterCall, "d1").get("state").asText()).isEqualTo("calling");

    assertThat(node.post("/api/branches/main/desks/d1/recall", null, anna).status()).isEqualTo(200);
    Reply started = node.post("/api/branches/main/desks/d1/start", null, anna);
    assertThat(started.body().get("state").asText()).isEqualTo("serving");
    assertThat(desk(node.get("/api/branches/main").body(), "d1").get("state").asText()).isEqualTo("serving");
    Reply done = node.post("/api/branches/main/desks/d1/done", "{\"outcome\":\"served\"}", anna);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body().get("state").asText()).isEqualTo("done");
    assertThat(node.get("/api/tickets/" + id).body().get("state").asText()).isEqualTo("done");

    Reply none = node.post("/api/branches/main/desks/d1/call-next", null, anna);
    assertThat(none.status()).isEqualTo(204);
  }

  static JsonNode service(JsonNode snapshot, String id) {
    for (JsonNode s : snapshot.get("services")) {
      if (s.get("id").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no service " + id);
  }

  static JsonNode desk(JsonNode snapshot, String id) {
    for (JsonNode d : snapshot.get("desks")) {
      if (d.get("id").asText().equals(id)) {
        return d;
      }
    }
    throw new AssertionError("no desk " + id);
  }
}
