package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.QueueConfig;
import dk.queue.core.config.StaffMember;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import dk.queue.core.engine.FileEventStore;
import dk.queue.core.node.TestConfig;
import dk.queue.core.node.TestNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node with {@code retention: {days: 30}} deletes the days older than that from its log by
 * itself, keeps the newer ones, and its log holds no names.
 */
class RetentionIT {

  @Test
  void theNodeDeletesDaysOlderThanTheRetentionAndKeepsTheRest() throws Exception {
    QueueConfig base = TestConfig.create();
    QueueConfig config = new QueueConfig(base.source(), base.branches(), base.staff(), base.screens(), base.kiosks(),
        base.outcomeDefs(), base.staffSession(), Map.of(), 30);
    BranchDef main = config.branch("main").orElseThrow();
    LocalDate today = LocalDate.now(main.zone());
    LocalDate old = today.minusDays(31);
    LocalDate kept = today.minusDays(29);
    Path data = Files.createTempDirectory("queue-retention");
    try (FileEventStore store = new FileEventStore(data)) {
      store.append("main", List.of(
          dayStarted(1, old, main), issued(2, old, main),
          dayStarted(3, kept, main), issued(4, kept, main)));
    }
    try (TestNode node = TestNode.start(data, o -> o.withConfig(config))) {
      String anna = node.login("anna");
      node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}", anna);
      node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}");
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (issuedOn(node, old) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(issuedOn(node, old)).as("issued on the day 31 days ago").isZero();
      assertThat(issuedOn(node, kept)).as("issued on the day 29 days ago").isEqualTo(1);
      assertThat(issuedOn(node, today)).isEqualTo(1);
      node.node.engine().flush().toCompletionStage().toCompletableFuture().get();
      String log = Files.readString(data.resolve("events/main.jsonl"), StandardCharsets.UTF_8);
      for (StaffMember m : config.staff().values()) {
        assertThat(log).as("the log names nobody").doesNotContain(m.name());
      }
    }
  }

  static int issuedOn(TestNode node, LocalDate day) throws Exception {
    return StatsIT.total(node.get("/api/branches/main/stats?from=" + day + "&to=" + day).body(), "pas")
        .get("issued").asInt();
  }

  static Instant noon(LocalDate day, BranchDef def) {
    return day.atTime(12, 0).atZone(def.zone()).toInstant();
  }

  static Recorded dayStarted(long seq, LocalDate day, BranchDef def) {
    return new Recorded("main", seq, noon(day, def), new Event.DayStarted(day));
  }

  static Recorded issued(long seq, LocalDate day, BranchDef def) {
    return new Recorded("main", seq, noon(day, def).plusSeconds(60),
        new Event.TicketIssued("main-old" + seq, "pas", "P001", Channel.KIOSK, "da"));
  }
}
