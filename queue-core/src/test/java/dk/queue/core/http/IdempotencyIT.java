package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.node.Http.Reply;
import dk.queue.core.node.TestNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A request sent again with its Idempotency-Key gets the first request's result, and changes nothing more. */
class IdempotencyIT {
  static final String OTHER_NODE = "http://10.0.0.2:8080";
  static TestNode node;
  static String anna;

  @BeforeAll
  static void start() throws Exception {
    // Pages served by another node send their keys here too (a preflighted header).
    node = TestNode.start(java.nio.file.Files.createTempDirectory("queue-node"),
        o -> o.withNodeUrls(java.util.List.of(OTHER_NODE)));
    anna = node.login("anna");
    assertThat(node.post("/api/branches/main/desks/d2/open", "{\"services\":[\"lib\"]}", anna).status()).isEqualTo(200);
    assertThat(node.post("/api/branches/vest/desks/v1/open", "{\"services\":[\"lib\"]}", node.login("carl")).status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static Reply issue(String service, String key) throws Exception {
    return node.post("/api/branches/main/tickets", "{\"service\":\"" + service + "\"}", null, key);
  }

  @Test
  void aTicketAskedForAgainWithTheSameKeyIsTheSameTicket() throws Exception {
    String key = UUID.randomUUID().toString();
    Reply first = issue("lib", key);
    assertThat(first.status()).isEqualTo(201);
    long seq = node.seq("main");
    Reply again = issue("lib", key);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
    assertThat(again.body().get("number").asText()).isEqualTo(first.body().get("number").asText());
    assertThat(node.seq("main")).as("no second ticket").isEqualTo(seq);

    Reply other = issue("lib", UUID.randomUUID().toString());
    assertThat(other.body().get("id").asText()).isNotEqualTo(first.body().get("id").asText());
    assertThat(other.body().get("number").asText()).isNotEqualTo(first.body().get("number").asText());
    // The same key names the same ticket at this branch only.
    Reply elsewhere = node.post("/api/branches/vest/tickets", "{\"service\":\"lib\"}", null, key);
    assertThat(elsewhere.status()).isEqualTo(201);
    assertThat(elsewhere.body().get("id").asText()).startsWith("vest-");
  }

  @Test
  void aKeyUsedForAnotherRequestOrOfTheWrongFormIsRefusedAndChangesNothing() throws Exception {
    String key = UUID.randomUUID().toString();
    assertThat(issue("lib", key).status()).isEqualTo(201);
    long seq = node.seq("main");
    Reply reused = issue("pas", key);
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.error()).isEqualTo("invalid");
    for (String bad : new String[] {"short", "x".repeat(65), "has spaces in it, sixteen+", "æøå-æøå-æøå-æøå-æøå"}) {
      Reply r = issue("lib", bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.body().get("field").asText()).isEqualTo("Idempotency-Key");
    }
    Reply badDesk = node.post("/api/branches/main/desks/d2/pause", "{}", anna, "no good");
    assertThat(badDesk.status()).isEqualTo(400);
    assertThat(node.seq("main")).isEqualTo(seq);
  }

  @Test
  void aPageFromAnotherNodeMaySendTheKey() throws Exception {
    java.net.http.HttpResponse<String> preflight = node.http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(node.base() + "/api/branches/main/tickets"))
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
        .header("Origin", OTHER_NODE).header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,idempotency-key").build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("idempotency-key");
  }

  @Test
  void aDeskActionSentAgainWithItsKeyIsNotDoneTwice() throws Exception {
    // At least two waiting (the other tests may have left more).
    assertThat(issue("lib", UUID.randomUUID().toString()).status()).isEqualTo(201);
    assertThat(issue("lib", UUID.randomUUID().toString()).status()).isEqualTo(201);
    String call = UUID.randomUUID().toString();
    Reply called = node.post("/api/branches/main/desks/d2/call-next", null, anna, call);
    assertThat(called.status()).isEqualTo(200);
    String first = called.body().get("id").asText();
    long seq = node.seq("main");
    Reply again = node.post("/api/branches/main/desks/d2/call-next", null, anna, call);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("id").asText()).as("the same call, not the next one").isEqualTo(first);
    assertThat(node.seq("main")).isEqualTo(seq);

    assertThat(node.post("/api/branches/main/desks/d2/start", null, anna, UUID.randomUUID().toString()).status())
        .isEqualTo(200);
    String done = UUID.randomUUID().toString();
    Reply finished = node.post("/api/branches/main/desks/d2/done", "{}", anna, done);
    assertThat(finished.status()).isEqualTo(200);
    Reply finishedAgain = node.post("/api/branches/main/desks/d2/done", "{}", anna, done);
    assertThat(finishedAgain.status()).as("answered as the first time, not 'nothing to finish'").isEqualTo(200);
    assertThat(finishedAgain.body().get("id").asText()).isEqualTo(first);
    assertThat(finishedAgain.body().get("state").asText()).isEqualTo("done");
    // Without the key it is a new command: there is nothing to finish now.
    assertThat(node.post("/api/branches/main/desks/d2/done", "{}", anna).status()).isEqualTo(409);
    // Nobody else waiting for a desk that serves only pension (closed): a new call is no repeat of the last.
    assertThat(node.post("/api/branches/main/desks/d2/close", "{\"waiting\":{\"choice\":\"keep\"}}", anna).status())
        .isEqualTo(200);
    assertThat(node.post("/api/branches/main/desks/d2/open", "{\"services\":[\"pension\"]}", anna).status())
        .isEqualTo(200);
    assertThat(node.post("/api/branches/main/desks/d2/call-next", null, anna, UUID.randomUUID().toString()).status())
        .isEqualTo(204);
    assertThat(node.post("/api/branches/main/desks/d2/open", "{\"services\":[\"lib\"]}", anna).status())
        .isEqualTo(200);
    // A new key calls the next ticket.
    Reply next = node.post("/api/branches/main/desks/d2/call-next", null, anna, UUID.randomUUID().toString());
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.body().get("id").asText()).isNotEqualTo(first);
  }
}
