package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.views.BranchViews;

import dk.queue.core.node.SseClient;
import dk.queue.core.node.SseClient.Message;
import dk.queue.core.node.Http;
import dk.queue.core.node.TestNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The branch event stream over real HTTP: snapshot, changes with seq ids, resume with Last-Event-ID. */
class EventStreamIT {
  static TestNode node;
  static String anna;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
    anna = node.login("anna");
    node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\",\"lib\"]}", anna);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private String url() {
    return node.base() + "/api/branches/main/events";
  }

  @Test
  void streamStartsWithSnapshotThenSendsEachChangeInOrder() throws Exception {
    try (SseClient sse = new SseClient(node.http, url(), null)) {
      assertThat(sse.status).isEqualTo(200);
      Message snapshot = sse.next(5000);
      assertThat(snapshot.name()).isEqualTo("snapshot");
      long seq = snapshot.id();
      assertThat(snapshot.data().get("seq").asLong()).isEqualTo(seq);
      assertThat(seq).isEqualTo(node.seq("main"));

      String number = node.post("/api/branches/main/tickets", "{\"service\":\"lib\"}").body().get("number").asText();
      Message issued = sse.next(5000);
      assertThat(issued.name()).isEqualTo("change");
      assertThat(issued.id()).isEqualTo(seq + 1);
      assertThat(issued.data().get("type").asText()).isEqualTo("TicketIssued");
      // A public change names its type, never the event (which holds the ticket's id).
      assertThat(issued.data().has("event")).isFalse();
      assertThat(issued.text()).doesNotContain(number);
      assertThat(issued.data().get("snapshot").get("seq").asLong()).isEqualTo(seq + 1);
      assertThat(issued.data().get("snapshot").has("waiting")).isFalse();

      String calledNumber = node.post("/api/branches/main/desks/d1/call-next", null, anna).body().get("number").asText();
      Message called = sse.next(5000);
      assertThat(called.id()).isEqualTo(seq + 2);
      assertThat(called.data().get("type").asText()).isEqualTo("TicketCalled");
      assertThat(called.data().get("snapshot").get("recentCalls").get(0).get("number").asText()).isEqualTo(calledNumber);
      node.post("/api/branches/main/desks/d1/no-show", null, anna);
      assertThat(sse.next(5000).data().get("type").asText()).isEqualTo("TicketNoShow");
    }
  }

  @Test
  void staffStreamCarriesTheEventsAndTheWaitingListInTheDesksCallOrder() throws Exception {
    try (SseClient sse = new SseClient(node.http, url() + "?desk=d1", null, anna)) {
      Message snapshot = sse.next(5000);
      assertThat(snapshot.data().has("waiting")).isTrue();
      String id = node.post("/api/branches/main/tickets", "{\"service\":\"lib\"}").body().get("id").asText();
      Message issued = sse.next(5000);
      assertThat(issued.data().get("event").get("ticket").asText()).isEqualTo(id);
      // The desk serves pas before lib: its list is in that order, and bounded however many wait.
      JsonNode waiting = issued.data().get("snapshot").get("waiting");
      List<String> services = new ArrayList<>();
      waiting.forEach(w -> services.add(w.get("service").asText()));
      assertThat(services).hasSizeLessThanOrEqualTo(BranchViews.STAFF_WAITING).isNotEmpty();
      assertThat(String.join(",", services)).matches("(pas,)*(lib,)*(pas|lib)");
    }
    try (SseClient wrong = new SseClient(node.http, url(), null, "not-a-token")) {
      assertThat(wrong.status).isEqualTo(401);
    }
  }

  @Test
  void resumeWithLastEventIdSendsOnlyWhatWasMissed() throws Exception {
    long seen;
    try (SseClient sse = new SseClient(node.http, url(), null, anna)) {
      seen = sse.next(5000).id();
    }
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      numbers.add(node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("number").asText());
    }
    try (SseClient resumed = new SseClient(node.http, url(), seen, anna)) {
      for (int i = 0; i < 3; i++) {
        Message m = resumed.next(5000);
        assertThat(m.name()).isEqualTo("change");
        assertThat(m.id()).isEqualTo(seen + 1 + i);
        assertThat(m.data().get("event").get("number").asText()).isEqualTo(numbers.get(i));
      }
      assertThat(resumed.poll(300)).isNull();
    }
  }

  @Test
  void resumeFromASeqThisNodeNoLongerHoldsGivesAFreshSnapshot() throws Exception {
    long seen;
    try (SseClient sse = new SseClient(node.http, url(), null)) {
      seen = sse.next(5000).id();
    }
    for (int i = 0; i < 300; i++) {
      node.post("/api/branches/main/tickets", "{\"service\":\"lib\"}");
    }
    long now = node.seq("main");
    assertThat(now - seen).isGreaterThan(64);
    try (SseClient stale = new SseClient(node.http, url(), seen)) {
      Message m = stale.next(5000);
      assertThat(m.name()).isEqualTo("snapshot");
      assertThat(m.id()).isEqualTo(now);
    }
    try (SseClient ahead = new SseClient(node.http, url(), now + 1000)) {
      Message m = ahead.next(5000);
      assertThat(m.name()).isEqualTo("snapshot");
      assertThat(m.id()).isEqualTo(now);
    }
  }

  @Test
  void unknownBranchStreamIs404() throws Exception {
    Http.Reply r = node.get("/api/branches/nowhere/events");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("unknown_branch");
  }
}
