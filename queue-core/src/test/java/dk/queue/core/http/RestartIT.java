package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A node restarted on the same data folder comes back with the day exactly as it was. */
class RestartIT {

  @Test
  void queuesDesksAndNumberingSurviveARestart() throws Exception {
    Path data = Files.createTempDirectory("queue-restart");
    JsonNode before;
    try (TestNode node = TestNode.start(data)) {
      String anna = node.login("anna");
      node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\",\"lib\"]}", anna);
      String bo = node.login("bo");
      node.post("/api/branches/main/desks/d2/open", "{\"services\":[\"lib\"]}", bo);
      node.post("/api/branches/main/desks/d2/pause", "{\"reason\":\"lunch\"}", bo);
      for (int i = 0; i < 5; i++) {
        node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}");
        node.post("/api/branches/main/tickets", "{\"service\":\"lib\"}");
      }
      node.post("/api/branches/main/desks/d1/call-next", null, anna);
      node.post("/api/branches/main/desks/d1/start", null, anna);
      before = stable(node.get("/api/branches/main", anna).body());
    }
    try (TestNode again = TestNode.start(data)) {
      // The staff view, which holds the waiting list too (signed in again: the sessions went with the node).
      JsonNode after = stable(again.get("/api/branches/main", again.login("anna")).body());
      assertThat(after).isEqualTo(before);
      String next = again.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("number").asText();
      assertThat(next).isEqualTo("P006");
      String anna = again.login("anna");
      assertThat(again.post("/api/branches/main/desks/d1/done", null, anna).status()).isEqualTo(200);
    }
  }

  /** The snapshot without the parts that move with the clock. */
  private static JsonNode stable(JsonNode snapshot) {
    ObjectNode copy = snapshot.deepCopy();
    copy.get("waiting").forEach(w -> ((ObjectNode) w).remove("waitedSeconds"));
    copy.get("services").forEach(s -> ((ObjectNode) s).remove("longestWaitSeconds"));
    return copy;
  }
}
