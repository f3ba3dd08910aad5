package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.engine.PostgresServer;
import dk.queue.core.node.Http;
import dk.queue.core.node.TestNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for 30 s under a steady load: the branch keeps taking and calling tickets,
 * readiness says the store is degraded, the outbox backlog shows on /metrics, and once the server
 * is back the backlog drains and the log holds every event, in order, once.
 */
class StoreOutageIT {
  static final Duration OUTAGE = Duration.ofSeconds(30);
  static final Pattern BACKLOG = Pattern.compile("^queue_outbox_backlog\\{branch=\"main\",?\\} ([0-9.eE+-]+)$", Pattern.MULTILINE);

  @Test
  void theBranchKeepsWorkingThroughAStoreOutageAndTheLogCatchesUp() throws Exception {
    PostgresServer pg = PostgresServer.create();
    pg.start();
    String url = pg.newDatabase();
    try (TestNode node = TestNode.withStore(url)) {
      String anna = node.login("anna");
      assertThat(node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\",\"lib\"]}", anna).status()).isEqualTo(200);
      Kiosk kiosk = new Kiosk(node);
      kiosk.start();
      Thread.sleep(1500);

      pg.stop();
      long outageEnds = System.nanoTime() + OUTAGE.toNanos();
      boolean sawDegraded = false;
      double maxBacklog = 0;
      int calls = 0;
      while (System.nanoTime() < outageEnds) {
        Http.Reply ready = node.get("/health/ready");
        assertThat(ready.status()).as("readiness while the store is down").isEqualTo(200);
        if (ready.body().get("status").asText().equals("degraded")) {
          sawDegraded = true;
          JsonNode store = ready.body().at("/checks/store");
          assertThat(store.get("up").asBoolean()).isFalse();
          assertThat(store.get("status").asText()).isEqualTo("degraded");
        }
        maxBacklog = Math.max(maxBacklog, backlog(node));
        Http.Reply call = node.post("/api/branches/main/desks/d1/call-next", null, anna);
        assertThat(call.status()).as("call-next while the store is down").isIn(200, 204);
        if (call.status() == 200) {
          calls++;
          assertThat(node.post("/api/branches/main/desks/d1/start", null, anna).status()).isEqualTo(200);
          assertThat(node.post("/api/branches/main/desks/d1/done", null, anna).status()).isEqualTo(200);
        }
        Thread.sleep(1000);
      }
      assertThat(sawDegraded).as("readiness said degraded").isTrue();
      Http.Reply stats = node.get("/api/branches/main/stats");
      assertThat(stats.status()).as("statistics while the log cannot be read").isEqualTo(503);
      assertThat(stats.error()).isEqualTo("store_unavailable");
      assertThat(maxBacklog).as("the outbox backlog gauge grew").isGreaterThan(5);
      assertThat(calls).isPositive();
      int duringOutage = kiosk.acknowledged.size();

      pg.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline
          && !(node.get("/health/ready").body().get("status").asText().equals("ready") && backlog(node) == 0)) {
        Thread.sleep(500);
      }
      kiosk.stop();
      assertThat(kiosk.failures).as("kiosk answers other than 201").isEmpty();
      assertThat(kiosk.acknowledged.size()).isGreaterThan(duringOutage);
      node.node.engine().flush().toCompletionStage().toCompletableFuture().get();
      assertThat(node.get("/health/ready").body().get("status").asText()).isEqualTo("ready");
      assertThat(backlog(node)).isZero();

      assertLogHoldsEveryEventOnce(pg, url, node, kiosk.acknowledged);
    } finally {
      pg.close();
    }
  }

  /** The store has the branch's events 1..seq, in order, once, and a TicketIssued for every acknowledged ticket. */
  static void assertLogHoldsEveryEventOnce(PostgresServer pg, String url, TestNode node, List<String> acknowledged)
      throws Exception {
    long seq = node.seq("main");
    try (Connection c = pg.connect(PostgresServer.database(url)); Statement st = c.createStatement()) {
      List<Long> seqs = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT seq FROM events WHERE branch = 'main' ORDER BY seq")) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
        }
      }
      assertThat(seqs).hasSize((int) seq);
      for (int i = 0; i < seqs.size(); i++) {
        assertThat(seqs.get(i)).isEqualTo(i + 1L);
      }
      Set<String> issued = new HashSet<>();
      try (ResultSet rs = st.executeQuery(
          "SELECT body->'event'->>'ticket' FROM events WHERE branch = 'main' AND type = 'TicketIssued'")) {
        while (rs.next()) {
          issued.add(rs.getString(1));
        }
      }
      assertThat(issued).containsAll(acknowledged);
    }
  }

  static double backlog(TestNode node) throws Exception {
    Matcher m = BACKLOG.matcher(node.get("/metrics").text());
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  /** Takes a ticket every 200 ms and keeps what was acknowledged. */
  static final class Kiosk {
    final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean running = new AtomicBoolean(true);
    final Thread thread;

    Kiosk(TestNode node) {
      thread = new Thread(() -> {
        int i = 0;
        while (running.get()) {
          try {
            Http.Reply r = node.post("/api/branches/main/tickets", "{\"service\":\"" + (i++ % 2 == 0 ? "pas" : "lib") + "\"}");
            if (r.status() == 201) {
              acknowledged.add(r.body().get("id").asText());
            } else {
              failures.add(r.status() + " " + r.text());
            }
            Thread.sleep(200);
          } catch (Exception e) {
            failures.add(e.toString());
          }
        }
      }, "kiosk");
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join(10_000);
    }
  }

}
