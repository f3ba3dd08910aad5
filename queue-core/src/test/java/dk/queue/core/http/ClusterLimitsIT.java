package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.KioskDef;
import dk.queue.core.node.ClusterOptions;
import dk.queue.core.node.Http.Reply;
import dk.queue.core.node.Ports;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Limits hold for the cluster, not per node: a kiosk's tickets and a user's sign-in attempts from one
 * address are counted once, whichever node each request reaches.
 */
class ClusterLimitsIT {
  static TestNode a;
  static TestNode b;

  @BeforeAll
  static void start() throws Exception {
    int portA = Ports.free();
    int portB = Ports.free();
    List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
    a = TestNode.start(Files.createTempDirectory("queue-limits"),
        o -> o.withCluster(new ClusterOptions(true, "127.0.0.1", portA, members, false, 1, 1, "limits-test")));
    b = TestNode.start(Files.createTempDirectory("queue-limits"),
        o -> o.withCluster(new ClusterOptions(true, "127.0.0.1", portB, members, false, 1, 1, "limits-test")));
    for (int i = 0; i < 100 && a.node.hazelcast().getCluster().getMembers().size() < 2; i++) {
      Thread.sleep(100);
    }
    assertThat(a.node.hazelcast().getCluster().getMembers()).hasSize(2);
    assertThat(a.post("/api/branches/main/desks/d1/open", "{\"services\":[\"lib\"]}", a.login("anna")).status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    b.close();
    a.close();
  }

  @Test
  void aKioskTakesItsTicketsPerMinuteOnceAcrossNodes() throws Exception {
    // Within one minute of the clock: the count is per minute.
    while (java.time.LocalTime.now().getSecond() > 40) {
      Thread.sleep(500);
    }
    int issued = 0;
    for (int i = 0; i < 2 * KioskDef.DEFAULT_MAX_TICKETS_PER_MINUTE; i++) {
      Reply r = (i % 2 == 0 ? a : b).postAsKiosk("/api/branches/main/tickets", "{\"service\":\"lib\",\"kiosk\":\"main-kiosk\"}");
      if (r.status() == 201) {
        issued++;
      } else {
        assertThat(r.status()).isEqualTo(429);
      }
    }
    // Counted per node, each node would have issued its own ten.
    assertThat(issued).isEqualTo(KioskDef.DEFAULT_MAX_TICKETS_PER_MINUTE);
  }

  @Test
  void signInAttemptsFromOneAddressAreCountedOnceAcrossNodes() throws Exception {
    int checked = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      Reply r = (i % 2 == 0 ? a : b).send("POST", "/api/login", "{\"user\":\"dora\",\"pin\":\"99" + i + "0\"}",
          Map.of("Content-Type", "application/json"));
      if (r.status() == 401) {
        checked++;
      } else {
        assertThat(r.status()).isEqualTo(429);
      }
    }
    java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - t0);
    assertThat(checked).as("free attempts, then the delays, whichever node is asked")
        .isLessThanOrEqualTo(SignInAttemptsTest.attemptsWithin(took, SignInAttempts.FREE_PER_USER));
  }
}
