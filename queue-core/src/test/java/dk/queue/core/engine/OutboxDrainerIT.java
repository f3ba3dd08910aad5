package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;
import dk.queue.core.node.Eventually;
import dk.queue.core.node.TestConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drainer on a real Hazelcast member and real stores: it moves a branch's outbox into the
 * store and acknowledges it in the branch state, releases those waiting for it, keeps the outbox
 * while the store fails and says the store is unhealthy, and catches up once it works again.
 */
class OutboxDrainerIT {
  static final BranchDef MAIN = TestConfig.create().branch("main").orElseThrow();
  HazelcastInstance hazelcast;
  IMap<String, BranchState> branches;
  Vertx vertx;
  WorkerExecutor workers;

  @BeforeEach
  void start() {
    Config config = new Config().setClusterName("drainer-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    hazelcast = Hazelcast.newHazelcastInstance(config);
    branches = hazelcast.getMap(Addresses.BRANCH_MAP);
    vertx = Vertx.vertx();
    workers = vertx.createSharedWorkerExecutor("store", 2);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    hazelcast.shutdown();
  }

  /** The branch with {@code n} tickets issued, all still in its outbox. */
  BranchState withOutbox(int n) {
    BranchState s = BranchState.initial(MAIN, LocalDate.now());
    List<Recorded> events = EventStoreContract.issued("main", 1, n, EventStoreContract.T0);
    for (Recorded r : events) {
      s = s.apply(r);
    }
    s = s.withOutbox(events);
    branches.put("main", s);
    return s;
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theOutboxGoesToTheStoreIsAcknowledgedAndReleasesItsWaiters() throws Exception {
    try (FileEventStore store = new FileEventStore(Files.createTempDirectory("drainer"))) {
      OutboxDrainer drainer = new OutboxDrainer(workers, branches, store, (branch, left) -> { });
      BranchState s = withOutbox(3);
      Future<Void> stored = drainer.whenStored("main", 3);
      assertThat(stored.isComplete()).isFalse();
      drainer.drain("main", s.outbox());
      await(stored);
      assertThat(EventStoreContract.seqs(store.currentDay("main"))).containsExactly(1L, 2L, 3L);
      assertThat(Eventually.value(Duration.ofSeconds(10), () -> branches.get("main").outbox(), List::isEmpty))
          .as("the outbox is acknowledged").isEmpty();
      assertThat(drainer.whenStored("main", 2).isComplete()).as("already stored").isTrue();
      assertThat(drainer.storeHealthy()).isTrue();
    }
  }

  @Test
  void drainsOfOneBranchWhileOneIsUnderWayEndWithEveryEventStoredOnce() throws Exception {
    try (FileEventStore store = new FileEventStore(Files.createTempDirectory("drainer"))) {
      OutboxDrainer drainer = new OutboxDrainer(workers, branches, store, (branch, left) -> { });
      BranchState s = withOutbox(6);
      Future<Void> all = drainer.whenStored("main", 6);
      drainer.drain("main", s.outbox().subList(0, 2));
      drainer.drain("main", s.outbox());
      drainer.drain("main", s.outbox().subList(0, 4));
      await(all);
      assertThat(EventStoreContract.seqs(store.currentDay("main"))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }
  }

  @Test
  void whileTheStoreFailsTheOutboxIsKeptAndNobodyWaitsThenItCatchesUp() throws Exception {
    PostgresServer pg = PostgresServer.create();
    try (PostgresEventStore store = PostgresEventStore.connect(pg.url("postgres"))) {
      OutboxDrainer drainer = new OutboxDrainer(workers, branches, store, (branch, left) -> { });
      BranchState s = withOutbox(3);
      Future<Void> waiting = drainer.whenStored("main", 3);
      drainer.drain("main", s.outbox());
      await(waiting);
      assertThat(Eventually.value(Duration.ofSeconds(20), drainer::storeHealthy, ok -> !ok)).isFalse();
      assertThat(drainer.whenStored("main", 3).isComplete()).as("nobody waits for a failing store").isTrue();
      assertThat(branches.get("main").outbox()).as("the outbox keeps the events").hasSize(3);

      pg.start();
      assertThat(Eventually.value(Duration.ofSeconds(30), () -> {
        drainer.probe();
        return drainer.storeHealthy();
      }, ok -> ok)).as("a probe finds the store back").isTrue();
      drainer.drain("main", branches.get("main").outbox());
      assertThat(Eventually.value(Duration.ofSeconds(20), () -> branches.get("main").outbox(), List::isEmpty)).isEmpty();
      assertThat(EventStoreContract.seqs(store.currentDay("main"))).containsExactly(1L, 2L, 3L);
    } finally {
      pg.close();
    }
  }
}
