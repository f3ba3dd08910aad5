package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.node.TestNode;
import dk.queue.core.node.Http.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every error of the API contract against a started node: the status, the machine code, a message,
 * and that the branch's state (its seq) did not change.
 */
class ApiErrorsIT {
  static TestNode node;
  static String anna;
  static String bo;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
    anna = node.login("anna");
    bo = node.login("bo");
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @BeforeEach
  void freshDesks() throws Exception {
    for (String d : new String[] {"d1", "d2", "d3", "d4"}) {
      for (String token : new String[] {anna, bo}) {
        // finish whatever a previous test left at the desk, then close it
        node.post("/api/branches/main/desks/" + d + "/start", null, token);
        node.post("/api/branches/main/desks/" + d + "/done", null, token);
        node.post("/api/branches/main/desks/" + d + "/resume", null, token);
        node.post("/api/branches/main/desks/" + d + "/close", null, token);
      }
    }
  }

  /** Sends a request and checks it was refused with this status and code, changing nothing. */
  private Reply refused(int status, String code, ThrowingRequest request) throws Exception {
    long before = node.seq("main");
    // The staff view, which holds the waiting list too: nothing in it may change.
    JsonNode snapshotBefore = withoutTimes(node.get("/api/branches/main", anna).body());
    Reply r = request.send();
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.error()).as(r.text()).isEqualTo(code);
    assertThat(r.body().get("message").asText()).isNotBlank();
    assertThat(node.seq("main")).isEqualTo(before);
    assertThat(withoutTimes(node.get("/api/branches/main", anna).body())).isEqualTo(snapshotBefore);
    return r;
  }

  interface ThrowingRequest {
    Reply send() throws Exception;
  }

  private static JsonNode withoutTimes(JsonNode snapshot) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = snapshot.deepCopy();
    copy.get("waiting").forEach(w -> ((com.fasterxml.jackson.databind.node.ObjectNode) w).remove("waitedSeconds"));
    copy.get("services").forEach(s -> ((com.fasterxml.jackson.databind.node.ObjectNode) s).remove("longestWaitSeconds"));
    return copy;
  }

  private void open(String desk, String token, String services) throws Exception {
    Reply r = node.post("/api/branches/main/desks/" + desk + "/open", "{\"services\":" + services + "}", token);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
  }

  @Test
  void malformedJsonIs400() throws Exception {
    open("d1", anna, "[\"pas\"]");
    refused(400, "invalid_json", () -> node.post("/api/branches/main/tickets", "{\"service\": \"pas\""));
    refused(400, "invalid_json", () -> node.post("/api/branches/main/tickets", "[1,2]"));
    refused(400, "invalid_json", () -> node.post("/api/login", "not json"));
  }

  @Test
  void invalidFieldsAre400NamingTheField() throws Exception {
    open("d1", anna, "[\"pas\"]");
    Reply missing = refused(400, "invalid", () -> node.post("/api/branches/main/tickets", "{}"));
    assertThat(missing.body().get("field").asText()).isEqualTo("service");
    Reply unknown = refused(400, "invalid", () -> node.post("/api/branches/main/tickets", "{\"service\":\"pas\",\"colour\":\"red\"}"));
    assertThat(unknown.body().get("field").asText()).isEqualTo("colour");
    Reply wrongType = refused(400, "invalid", () -> node.post("/api/branches/main/tickets", "{\"service\":[1]}"));
    assertThat(wrongType.body().get("field").asText()).isEqualTo("service");
    Reply channel = refused(400, "invalid", () -> node.post("/api/branches/main/tickets", "{\"service\":\"pas\",\"channel\":\"fax\"}"));
    assertThat(channel.body().get("field").asText()).isEqualTo("channel");
    refused(400, "invalid", () -> node.post("/api/branches/main/tickets", "{\"service\":\"pas\",\"language\":\"xx\"}"));
    refused(400, "invalid", () -> node.post("/api/branches/main/desks/d2/open", "{}", anna));
    refused(400, "invalid", () -> node.post("/api/branches/main/desks/d2/open", "{\"services\":[]}", anna));
    refused(400, "invalid", () -> node.post("/api/branches/main/desks/d2/open", "{\"services\":[\"pas\",\"pas\"]}", anna));
    node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}");
    node.post("/api/branches/main/desks/d1/call-next", null, anna);
    Reply placement = refused(400, "invalid", () -> node.post("/api/branches/main/desks/d1/transfer",
        "{\"service\":\"lib\",\"placement\":\"middle\"}", anna));
    assertThat(placement.body().get("field").asText()).isEqualTo("placement");
    node.post("/api/branches/main/desks/d1/start", null, anna);
    Reply outcome = refused(400, "invalid", () -> node.post("/api/branches/main/desks/d1/done", "{\"outcome\":\"magic\"}", anna));
    assertThat(outcome.body().get("field").asText()).isEqualTo("outcome");
    refused(400, "invalid", () -> node.post("/api/login", "{\"user\":\"anna\"}"));
  }

  @Test
  void staffCommandsNeedASignedInUser() throws Exception {
    refused(401, "unauthorized", () -> node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}"));
    refused(401, "unauthorized", () -> node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}", "made-up-token"));
    refused(401, "unauthorized", () -> node.post("/api/login", "{\"user\":\"anna\",\"pin\":\"9999\"}"));
    refused(401, "unauthorized", () -> node.post("/api/login", "{\"user\":\"nobody\",\"pin\":\"1234\"}"));
    assertThat(node.get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void repeatedWrongPinsAreRefusedWith429() throws Exception {
    for (int i = 0; i < SignInAttempts.FREE_PER_USER; i++) {
      assertThat(node.post("/api/login", "{\"user\":\"dora\",\"pin\":\"0000\"}").status()).isEqualTo(401);
    }
    refused(429, "too_many_requests", () -> node.post("/api/login", "{\"user\":\"dora\",\"pin\":\"1234\"}"));
  }

  @Test
  void staffMayOnlyOpenWithTheirSkillsAndOnlyUseTheirOwnDesk() throws Exception {
    refused(403, "not_skilled", () -> node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"lib\",\"pas\"]}", bo));
    open("d1", anna, "[\"pas\"]");
    refused(409, "desk_occupied", () -> node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"lib\"]}", bo));
    refused(403, "not_your_desk", () -> node.post("/api/branches/main/desks/d1/call-next", null, bo));
    refused(403, "not_your_desk", () -> node.post("/api/branches/main/desks/d1/close", null, bo));
  }

  @Test
  void unknownThingsAre404() throws Exception {
    refused(404, "unknown_branch", () -> node.get("/api/branches/nowhere"));
    refused(404, "unknown_branch", () -> node.post("/api/branches/nowhere/tickets", "{\"service\":\"pas\"}"));
    refused(404, "unknown_branch", () -> node.post("/api/branches/nowhere/desks/d1/open", "{\"services\":[\"pas\"]}", anna));
    refused(404, "unknown_service", () -> node.post("/api/branches/main/tickets", "{\"service\":\"moon-landing\"}"));
    refused(404, "unknown_desk", () -> node.post("/api/branches/main/desks/d9/open", "{\"services\":[\"pas\"]}", anna));
    refused(404, "unknown_service", () -> node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"moon\"]}", anna));
    refused(404, "unknown_ticket", () -> node.get("/api/tickets/main-doesnotexist"));
    refused(404, "unknown_ticket", () -> node.get("/api/tickets/garbage"));
    refused(404, "unknown_ticket", () -> node.delete("/api/tickets/main-doesnotexist"));
    refused(404, "not_found", () -> node.get("/api/nothing-here"));
  }

  @Test
  void unavailableServiceIs409WithAlternatives() throws Exception {
    Reply nobodyAtDesk = refused(409, "service_unavailable", () -> node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}"));
    JsonNode alternatives = nobodyAtDesk.body().get("alternatives");
    assertThat(alternatives).hasSize(1);
    assertThat(alternatives.get(0).get("branch").asText()).isEqualTo("vest");
    assertThat(alternatives.get(0).get("name").asText()).isEqualTo("Vestby Bibliotek");
    assertThat(alternatives.get(0).get("available").asBoolean()).isFalse();

    String carl = node.login("carl");
    assertThat(node.post("/api/branches/vest/desks/v1/open", "{\"services\":[\"pas\"]}", carl).status()).isEqualTo(200);
    Reply withVestOpen = refused(409, "service_unavailable", () -> node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}"));
    assertThat(withVestOpen.body().get("alternatives").get(0).get("available").asBoolean()).isTrue();
    assertThat(withVestOpen.body().get("alternatives").get(0).has("estimatedWaitSeconds")).isTrue();
    node.post("/api/branches/vest/desks/v1/close", null, carl);

    open("d1", anna, "[\"pas\",\"pension\",\"vielse\"]");
    Reply closedHours = refused(409, "service_unavailable", () -> node.post("/api/branches/main/tickets", "{\"service\":\"pension\"}"));
    assertThat(closedHours.body().get("appointmentOnly").asBoolean()).isFalse();
    Reply appointment = refused(409, "service_unavailable", () -> node.post("/api/branches/main/tickets", "{\"service\":\"vielse\"}"));
    assertThat(appointment.body().get("appointmentOnly").asBoolean()).isTrue();
  }

  @Test
  void wrongStateIs409() throws Exception {
    refused(409, "desk_closed", () -> node.post("/api/branches/main/desks/d1/call-next", null, anna));
    open("d1", anna, "[\"pas\"]");
    refused(409, "no_current_ticket", () -> node.post("/api/branches/main/desks/d1/start", null, anna));
    refused(409, "no_current_ticket", () -> node.post("/api/branches/main/desks/d1/recall", null, anna));
    refused(409, "desk_not_paused", () -> node.post("/api/branches/main/desks/d1/resume", null, anna));
    String id = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("id").asText();
    node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}");
    assertThat(node.post("/api/branches/main/desks/d1/call-next", null, anna).status()).isEqualTo(200);
    refused(409, "desk_busy", () -> node.post("/api/branches/main/desks/d1/call-next", null, anna));
    refused(409, "desk_busy", () -> node.post("/api/branches/main/desks/d1/pause", null, anna));
    refused(409, "desk_busy", () -> node.post("/api/branches/main/desks/d1/close", null, anna));
    refused(409, "not_serving", () -> node.post("/api/branches/main/desks/d1/done", null, anna));
    node.post("/api/branches/main/desks/d1/start", null, anna);
    refused(409, "already_serving", () -> node.post("/api/branches/main/desks/d1/no-show", null, anna));
    refused(409, "already_serving", () -> node.post("/api/branches/main/desks/d1/start", null, anna));
    refused(409, "ticket_in_service", () -> node.delete("/api/tickets/" + id));
    refused(409, "service_unavailable", () -> node.post("/api/branches/main/desks/d1/transfer",
        "{\"service\":\"lib\",\"placement\":\"first\"}", anna));
    node.post("/api/branches/main/desks/d1/done", null, anna);
    refused(409, "ticket_finished", () -> node.delete("/api/tickets/" + id));
    refused(409, "would_leave_waiting", () -> node.post("/api/branches/main/desks/d1/pause", "{\"reason\":\"lunch\"}", anna));
    refused(400, "invalid", () -> node.post("/api/branches/main/desks/d1/pause", "{\"waiting\":{\"choice\":\"end\"}}", anna));
    refused(400, "invalid", () -> node.post("/api/branches/main/desks/d1/pause", "{\"waiting\":{\"choice\":\"wait\"}}", anna));
    refused(404, "unknown_service", () -> node.post("/api/branches/main/desks/d1/pause",
        "{\"waiting\":{\"choice\":\"move\",\"service\":\"nope\"}}", anna));
    assertThat(node.post("/api/branches/main/desks/d1/pause", "{\"reason\":\"lunch\",\"waiting\":{\"choice\":\"keep\"}}", anna)
        .status()).isEqualTo(200);
    refused(409, "desk_paused", () -> node.post("/api/branches/main/desks/d1/call-next", null, anna));
    refused(409, "desk_paused", () -> node.post("/api/branches/main/desks/d1/pause", null, anna));
  }

  @Test
  void oversizedBodyIs413() throws Exception {
    String huge = "{\"service\":\"" + "x".repeat((int) ApiRoutes.BODY_LIMIT + 10) + "\"}";
    refused(413, "payload_too_large", () -> node.post("/api/branches/main/tickets", huge));
  }
}
