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

  /**
   * A client that stops reading while changes come (a screen's browser busy, a phone on a poor
   * line) keeps its connection: the node skips what the client could not take and, once it reads
   * again, sends the branch as it is now. Before, the node reset the connection and the client was
   * stale until it had connected again.
   */
  @Test
  void aClientThatStopsReadingKeepsItsConnectionAndLandsOnTheLatestState() throws Exception {
    // A desk's stream with 20 waiting: frames of several KB, so that a few MB wait for the client.
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < BranchViews.STAFF_WAITING; i++) {
      waiting.add(node.post("/api/branches/main/tickets", "{\"service\":\"lib\"}").body().get("id").asText());
    }
    java.net.URI uri = java.net.URI.create(url() + "?desk=d1");
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + uri.getPath() + "?" + uri.getQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
          + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + anna + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      RawFrames frames = new RawFrames(socket.getInputStream());
      long first = frames.next().id();
      // It reads nothing while 600 tickets are taken and cancelled: 1,200 changes, far more bytes
      // than the connection's buffers hold.
      for (int i = 0; i < 600; i++) {
        String id = node.post("/api/branches/main/tickets", "{\"service\":\"lib\"}").body().get("id").asText();
        assertThat(node.delete("/api/tickets/" + id).status()).isEqualTo(200);
      }
      long now = node.seq("main");
      assertThat(now - first).isEqualTo(1200);
      List<RawFrame> read = new ArrayList<>();
      RawFrame last;
      do {
        last = frames.next();
        read.add(last);
      } while (last.id() < now);
      assertThat(last.id()).isEqualTo(now);
      // Changes come in order until one the client missed; then the snapshot it lands on.
      RawFrame skipped = read.stream().filter(f -> f.name().equals("snapshot")).findFirst().orElseThrow(
          () -> new AssertionError("no snapshot after the skipped changes among " + read.size() + " frames"));
      long expected = first;
      for (RawFrame f : read.subList(0, read.indexOf(skipped))) {
        assertThat(f.name()).isEqualTo("change");
        assertThat(f.id()).isEqualTo(++expected);
      }
      assertThat(skipped.id()).isGreaterThan(expected + 1);
      assertThat(read.size()).isLessThan(1200);
      System.out.printf("a client that stopped reading for 1,200 changes read %d frames after it, on the same connection%n",
          read.size());
    } finally {
      for (String id : waiting) {
        node.delete("/api/tickets/" + id);
      }
    }
  }

  /** An event-stream frame read off a raw connection: its name and id. */
  record RawFrame(String name, long id) {}

  /** Reads frames off the bytes of a chunked response, headers and chunk sizes being no frame lines. */
  static final class RawFrames {
    private final java.io.BufferedReader in;

    RawFrames(java.io.InputStream in) {
      this(new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)));
    }

    RawFrames(java.io.BufferedReader in) {
      this.in = in;
    }

    RawFrame next() throws java.io.IOException {
      String name = null;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("id: ") && name != null) {
          return new RawFrame(name, Long.parseLong(line.substring(4).trim()));
        }
      }
      throw new java.io.EOFException("the node closed the stream");
    }
  }

  @Test
  void unknownBranchStreamIs404() throws Exception {
    Http.Reply r = node.get("/api/branches/nowhere/events");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("unknown_branch");
  }
}
