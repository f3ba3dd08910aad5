package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.node.TestConfig;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Desks their staff leave, on a real node: a sign-in that runs out pauses its desk, and the desk
 * closes by itself after the configured time; a supervisor pauses, closes or takes over any desk of
 * the branch they supervise, and only they.
 */
class DeskSignOutIT {
  TestNode node;

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  TestNode start(Duration sessionTtl, Duration signedOutClose) throws Exception {
    QueueConfig config = TestConfig.create().withSignedOutClose(signedOutClose);
    return TestNode.start(Files.createTempDirectory("queue-signout"), o -> o.withConfig(config).withSessionTtl(sessionTtl));
  }

  /** The desk as the public sees it. */
  JsonNode desk(String id) throws Exception {
    for (JsonNode d : node.get("/api/branches/main").body().get("desks")) {
      if (d.get("id").asText().equals(id)) {
        return d;
      }
    }
    throw new AssertionError("no desk " + id);
  }

  String awaitState(String deskId, String state, Duration within) throws Exception {
    Instant end = Instant.now().plus(within);
    String now = desk(deskId).get("state").asText();
    while (!now.equals(state) && Instant.now().isBefore(end)) {
      Thread.sleep(200);
      now = desk(deskId).get("state").asText();
    }
    return now;
  }

  @Test
  void aSessionThatRunsOutPausesItsDeskWhichThenClosesByItself() throws Exception {
    node = start(Duration.ofSeconds(2), Duration.ofSeconds(3));
    String anna = node.login("anna");
    assertThat(node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"lib\"]}", anna).status()).isEqualTo(200);
    // Hazelcast expires entries on a background sweep: some seconds after their time.
    assertThat(awaitState("d1", "paused", Duration.ofSeconds(30))).isEqualTo("paused");
    String staff = node.login("carl");
    JsonNode left = null;
    for (JsonNode d : node.get("/api/branches/main", staff).body().get("desks")) {
      left = d.get("id").asText().equals("d1") ? d : left;
    }
    assertThat(left.get("pauseReason").asText()).isEqualTo("signed-out");
    assertThat(awaitState("d1", "closed", Duration.ofSeconds(30))).isEqualTo("closed");
  }

  @Test
  void onlyASupervisorOfTheBranchActsOnSomeoneElsesDesk() throws Exception {
    node = start(Duration.ofMinutes(10), Duration.ofMinutes(10));
    String anna = node.login("anna");
    String bo = node.login("bo");
    String eva = node.login("eva");
    assertThat(node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"lib\",\"pas\"]}", anna).status()).isEqualTo(200);
    assertThat(node.post("/api/branches/main/desks/d1/close", null, bo).error()).isEqualTo("not_your_desk");
    assertThat(node.post("/api/branches/main/desks/d1/take-over", null, bo).error()).isEqualTo("not_supervisor");
    assertThat(desk("d1").get("state").asText()).isEqualTo("open");
    assertThat(node.post("/api/branches/main/desks/d1/pause", "{\"reason\":\"meeting\"}", eva).status()).isEqualTo(200);
    JsonNode taken = node.post("/api/branches/main/desks/d1/take-over", null, eva).body();
    assertThat(taken.get("staff").asText()).isEqualTo("eva");
    assertThat(taken.get("state").asText()).isEqualTo("paused");
    assertThat(node.post("/api/branches/main/desks/d1/close", null, anna).error()).isEqualTo("not_your_desk");
    assertThat(node.post("/api/branches/main/desks/d1/close", null, eva).status()).isEqualTo(200);
    // Vestby is not hers to supervise.
    assertThat(node.post("/api/branches/vest/desks/v1/open", "{\"services\":[\"lib\"]}", anna).status()).isEqualTo(200);
    assertThat(node.post("/api/branches/vest/desks/v1/close", null, eva).error()).isEqualTo("not_your_desk");
    // Signing out at a desk pauses that desk only.
    assertThat(node.post("/api/branches/main/desks/d2/open", "{\"services\":[\"pas\"]}", anna).status()).isEqualTo(200);
    assertThat(node.post("/api/logout", "{\"branch\":\"main\",\"desk\":\"d2\"}", anna).status()).isEqualTo(204);
    assertThat(desk("d2").get("state").asText()).isEqualTo("paused");
    assertThat(node.get("/api/branches/vest").body().get("desks").get(0).get("state").asText()).isEqualTo("open");
    assertThat(node.get("/api/me", anna).status()).isEqualTo(401);
  }
}
