package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The time alone changes a branch when it should, with nobody doing anything: a node whose clock
 * reaches local midnight soon after it starts ends the day by itself (left-over tickets expire, the
 * desks close, numbering restarts),
 * from the timer set for that moment, not from a command.
 */
class TimersIT {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  /** How long before local midnight the node's clock starts: enough to start and issue a ticket. */
  static final Duration BEFORE_MIDNIGHT = Duration.ofSeconds(90);

  @Test
  void theDayEndsAtLocalMidnightWithoutACommand() throws Exception {
    Instant now = Instant.now();
    Instant midnight = ZonedDateTime.ofInstant(now, CPH).toLocalDate().plusDays(1).atStartOfDay(CPH).toInstant();
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(now, midnight.minus(BEFORE_MIDNIGHT)));
    try (TestNode node = TestNode.start(Files.createTempDirectory("queue-timers"), o -> o.withClock(clock))) {
      String anna = node.login("anna");
      node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}", anna);
      String id = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("id").asText();
      assumeThat(clock.instant()).as("the node started before its midnight").isBefore(midnight);
      assertThat(node.get("/api/tickets/" + id).body().get("state").asText()).isEqualTo("waiting");
      long seq = node.seq("main");

      // nothing is done on the branch; its owner's timer ends the day at midnight
      long deadline = System.nanoTime() + BEFORE_MIDNIGHT.plusSeconds(60).toNanos();
      while (node.seq("main") == seq && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      assertThat(node.seq("main")).as("events after midnight").isGreaterThan(seq);
      assertThat(clock.instant()).isAfterOrEqualTo(midnight);
      // yesterday's ticket expired and went with the old day
      assertThat(node.get("/api/tickets/" + id).status()).isEqualTo(404);
      // a new day: numbering starts again
      assertThat(node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}", anna).status()).isEqualTo(200);
      assertThat(node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("number").asText())
          .isEqualTo("P001");
    }
  }
}
