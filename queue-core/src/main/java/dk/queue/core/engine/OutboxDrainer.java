package dk.queue.core.engine;

import com.hazelcast.map.IMap;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves events from a branch's outbox into the store, then acknowledges them in the branch state.
 * One drain per branch at a time; a crash between the write and the acknowledgement only makes the
 * next drain write events the store already has, which it skips.
 */
final class OutboxDrainer {
  private static final System.Logger LOG = System.getLogger(OutboxDrainer.class.getName());

  private final Vertx vertx;
  private final IMap<String, BranchState> branches;
  private final EventStore store;
  private final Map<String, List<Recorded>> pending = new HashMap<>();
  private final Map<String, Boolean> busy = new HashMap<>();
  private volatile boolean storeHealthy = true;

  OutboxDrainer(Vertx vertx, IMap<String, BranchState> branches, EventStore store) {
    this.vertx = vertx;
    this.branches = branches;
    this.store = store;
  }

  boolean storeHealthy() {
    return storeHealthy;
  }

  /** Drains this outbox, now or as soon as the drain in progress for the branch ends. */
  synchronized void drain(String branch, List<Recorded> outbox) {
    if (outbox.isEmpty()) {
      return;
    }
    if (busy.getOrDefault(branch, false)) {
      List<Recorded> waiting = pending.get(branch);
      if (waiting == null || waiting.get(waiting.size() - 1).seq() < outbox.get(outbox.size() - 1).seq()) {
        pending.put(branch, outbox);
      }
      return;
    }
    busy.put(branch, true);
    long upto = outbox.get(outbox.size() - 1).seq();
    vertx.<Void>executeBlocking(() -> {
      store.append(branch, outbox);
      return null;
    }, false)
        .compose(v -> Future.fromCompletionStage(branches.submitToKey(branch, new AckProcessor(upto))))
        .onComplete(ar -> {
          storeHealthy = ar.succeeded();
          if (ar.failed()) {
            LOG.log(System.Logger.Level.WARNING, "event store: " + ar.cause());
          }
          List<Recorded> next;
          synchronized (this) {
            busy.put(branch, false);
            next = pending.remove(branch);
          }
          if (next != null && ar.succeeded()) {
            drain(branch, next.stream().filter(r -> r.seq() > upto).toList());
          }
        });
  }
}
