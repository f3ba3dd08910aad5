package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.engine.PostgresServer;
import dk.queue.core.node.Eventually;
import dk.queue.core.node.Http;
import dk.queue.core.node.TestNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL that accepts connections and never answers (stopped with SIGSTOP) for 20 s under a
 * steady load: readiness answers at once from the cached status (degraded), sign-ins and commands
 * go on, nothing piles up; once it answers again the outbox drains and the log holds every event.
 */
class StoreHangIT {
  static final Duration HANG = Duration.ofSeconds(20);
  /** Far above a prompt answer, far below the store's timeouts piling up. */
  static final Duration PROMPT = Duration.ofSeconds(3);

  @Test
  void aStoreThatHangsStarvesNothingAndTheLogCatchesUp() throws Exception {
    PostgresServer pg = PostgresServer.create();
    pg.start();
    String url = pg.newDatabase();
    try (TestNode node = TestNode.withStore(url)) {
      String anna = node.login("anna");
      assertThat(node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\",\"lib\"]}", anna).status()).isEqualTo(200);
      StoreOutageIT.Kiosk kiosk = new StoreOutageIT.Kiosk(node);
      kiosk.start();
      Thread.sleep(1000);

      pg.hang();
      long hangEnds = System.nanoTime() + HANG.toNanos();
      boolean sawDegraded = false;
      long slowestReadiness = 0;
      long slowestLogin = 0;
      int logins = 0;
      try {
        while (System.nanoTime() < hangEnds) {
          long t0 = System.nanoTime();
          Http.Reply ready = node.get("/health/ready");
          slowestReadiness = Math.max(slowestReadiness, System.nanoTime() - t0);
          assertThat(ready.status()).as("readiness while the store hangs").isEqualTo(200);
          sawDegraded |= ready.body().get("status").asText().equals("degraded");
          t0 = System.nanoTime();
          node.login("bo");
          slowestLogin = Math.max(slowestLogin, System.nanoTime() - t0);
          logins++;
          Thread.sleep(500);
        }
      } finally {
        pg.resume();
      }
      System.out.printf("store hung %d s: slowest readiness %d ms, slowest sign-in %d ms, %d sign-ins, %d tickets%n",
          HANG.toSeconds(), slowestReadiness / 1_000_000, slowestLogin / 1_000_000, logins, kiosk.acknowledged.size());
      assertThat(sawDegraded).as("readiness said degraded").isTrue();
      assertThat(Duration.ofNanos(slowestReadiness)).as("readiness never waits for the store").isLessThan(PROMPT);
      assertThat(Duration.ofNanos(slowestLogin)).as("sign-ins never wait for the store").isLessThan(PROMPT);
      int duringHang = kiosk.acknowledged.size();

      String status = Eventually.value(Duration.ofSeconds(60), () -> node.get("/health/ready").body().get("status").asText()
          + "/" + StoreOutageIT.backlog(node), s -> s.equals("ready/0.0"));
      assertThat(status).as("ready and drained after the store answers again").isEqualTo("ready/0.0");
      // The kiosk goes on once the store answers; ready and drained may come before its next ticket.
      int after = Eventually.value(Duration.ofSeconds(30), kiosk.acknowledged::size, n -> n > duringHang);
      kiosk.stop();
      assertThat(kiosk.failures).as("kiosk answers other than 201").isEmpty();
      assertThat(after).as("tickets acknowledged after the hang").isGreaterThan(duringHang);
      node.node.engine().flush().toCompletionStage().toCompletableFuture().get();

      StoreOutageIT.assertLogHoldsEveryEventOnce(pg, url, node, kiosk.acknowledged);
    } finally {
      pg.close();
    }
  }
}
