package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;
import dk.queue.core.node.TestConfig;
import dk.queue.core.node.TestNode;
import dk.queue.core.stats.DaySimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * How long a node takes to get a day of 20,000 events back after a full restart, from each store:
 * reading and replaying the log alone, and a whole node start until it serves the branch. The
 * figures are printed; the test fails if recovery takes longer than a minute or the day differs.
 */
class RecoveryTimeIT {
  static final int EVENTS = 20_000;

  @Test
  void aDayOf20000EventsFromTheEmbeddedStore() throws Exception {
    Path data = Files.createTempDirectory("queue-recovery");
    measure("embedded", () -> new FileEventStore(data), o -> o, data);
  }

  @Test
  void aDayOf20000EventsFromPostgres() throws Exception {
    String url = PostgresServer.shared().newDatabase();
    measure("postgresql", () -> PostgresEventStore.connect(url), o -> o.withStore(url),
        Files.createTempDirectory("queue-recovery"));
  }

  /** A node started once before measuring, so that class loading and JIT warm-up are not counted. */
  @org.junit.jupiter.api.BeforeAll
  static void warmUp() throws Exception {
    try (TestNode node = TestNode.start()) {
      node.seq("main");
    }
  }

  interface StoreFactory {
    EventStore open() throws Exception;
  }

  void measure(String kind, StoreFactory stores, UnaryOperator<dk.queue.core.node.NodeOptions> options, Path data)
      throws Exception {
    BranchDef def = TestConfig.create().branch("main").orElseThrow();
    LocalDate today = LocalDate.now(def.zone());
    Instant from = today.atStartOfDay(def.zone()).toInstant().plusSeconds(1);
    DaySimulator sim = new DaySimulator(def, today, 7);
    List<Recorded> day = sim.run(from, Instant.now().minusSeconds(1), EVENTS);
    assertThat(day.size()).isGreaterThanOrEqualTo(EVENTS);

    long writeStart = System.nanoTime();
    try (EventStore store = stores.open()) {
      for (int i = 0; i < day.size(); i += 500) {
        store.append("main", day.subList(i, Math.min(day.size(), i + 500)));
      }
    }
    long writeMs = (System.nanoTime() - writeStart) / 1_000_000;

    long replayStart = System.nanoTime();
    BranchState replayed;
    try (EventStore store = stores.open()) {
      List<Recorded> read = store.currentDay("main");
      replayed = BranchState.initial(def, today);
      for (Recorded r : read) {
        replayed = replayed.apply(r);
      }
    }
    long replayMs = (System.nanoTime() - replayStart) / 1_000_000;
    assertThat(replayed.seq()).isEqualTo(day.size());
    assertThat(replayed.queues()).isEqualTo(sim.state().queues());

    long startAt = System.nanoTime();
    try (TestNode node = TestNode.start(data, options)) {
      long startMs = (System.nanoTime() - startAt) / 1_000_000;
      assertThat(node.seq("main")).isGreaterThanOrEqualTo(day.size());
      System.out.printf("Recovery of %d events (%s store): written in %d ms; read and replayed in %d ms; "
          + "node start to serving the branch %d ms%n", day.size(), kind, writeMs, replayMs, startMs);
      assertThat(startMs).isLessThan(60_000);
    }
  }
}
