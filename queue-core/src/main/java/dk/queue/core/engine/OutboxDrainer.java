package dk.queue.core.engine;

import com.hazelcast.map.IMap;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves events from a branch's outbox into the store, then acknowledges them in the branch state.
 * One drain per branch at a time; a crash between the write and the acknowledgement only makes the
 * next drain write events the store already has, which it skips.
 *
 * <p>Callers may wait until an event is stored: a node answers a command once its events are in
 * the store when nothing else would keep them through a crash of every node (it is alone, or the
 * store is shared by the cluster). While the store is failing nobody waits: the branch keeps
 * working and the replicated outbox keeps the events until the store is back.
 */
final class OutboxDrainer {
  private static final System.Logger LOG = System.getLogger(OutboxDrainer.class.getName());

  private final WorkerExecutor workers;
  private final IMap<String, BranchState> branches;
  private final EventStore store;
  /** Per branch, the events handed over while a drain was under way, by seq (each once, in order). */
  private final Map<String, java.util.TreeMap<Long, Recorded>> pending = new HashMap<>();
  /** Per branch, the last seq handed to the store (written, being written or waiting to be). */
  private final Map<String, Long> submitted = new HashMap<>();
  private final Map<String, Boolean> busy = new HashMap<>();
  private final Map<String, Long> stored = new HashMap<>();
  private final Map<String, java.util.TreeMap<Long, List<io.vertx.core.Promise<Void>>>> waiters = new HashMap<>();
  private volatile boolean storeHealthy = true;
  private final java.util.function.ObjIntConsumer<String> drained;
  private final java.util.concurrent.atomic.AtomicBoolean probing = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * @param workers the store's own threads: the calls here may wait as long as the store's timeouts
   * @param drained told after each drain how many events the branch's outbox still holds, or a
   *                negative number when older events than those drained are not stored (a write
   *                failed, or the branch came from another member): then drain from its start
   */
  OutboxDrainer(WorkerExecutor workers, IMap<String, BranchState> branches, EventStore store,
                java.util.function.ObjIntConsumer<String> drained) {
    this.workers = workers;
    this.branches = branches;
    this.store = store;
    this.drained = drained;
  }

  boolean storeHealthy() {
    return storeHealthy;
  }

  /**
   * Finds out whether the store takes events again, when no drain has said so lately. One probe at
   * a time: while one waits for a store that does not answer, later calls do nothing.
   */
  void probe() {
    if (!probing.compareAndSet(false, true)) {
      return;
    }
    workers.<Void>executeBlocking(() -> {
      store.check();
      return null;
    }, false).onComplete(ar -> {
      probing.set(false);
      boolean draining;
      synchronized (this) {
        draining = busy.containsValue(true);
      }
      if (!draining) {
        storeHealthy = ar.succeeded();
      }
    });
  }

  /** Completes when the store holds the branch's events up to {@code seq} (or the store is failing). */
  synchronized Future<Void> whenStored(String branch, long seq) {
    if (!storeHealthy || stored.getOrDefault(branch, 0L) >= seq) {
      return Future.succeededFuture();
    }
    io.vertx.core.Promise<Void> p = io.vertx.core.Promise.promise();
    waiters.computeIfAbsent(branch, b -> new java.util.TreeMap<>()).computeIfAbsent(seq, k -> new java.util.ArrayList<>()).add(p);
    return p.future();
  }

  private void release(String branch, long upto, boolean all) {
    List<io.vertx.core.Promise<Void>> ready = new java.util.ArrayList<>();
    synchronized (this) {
      if (!all) {
        stored.merge(branch, upto, Math::max);
      }
      java.util.TreeMap<Long, List<io.vertx.core.Promise<Void>>> w = waiters.get(branch);
      if (w != null) {
        java.util.NavigableMap<Long, List<io.vertx.core.Promise<Void>>> done = all ? w : w.headMap(upto, true);
        done.values().forEach(ready::addAll);
        done.clear();
      }
    }
    ready.forEach(io.vertx.core.Promise::tryComplete);
  }

  /**
   * Drains the events a command has just added to the outbox, when they follow those this drainer
   * has handed to the store. Otherwise (nothing handed yet since this member took the branch, or a
   * write failed) the outbox must be drained from its start: the listener hears so.
   */
  void drainNew(String branch, List<Recorded> events) {
    if (events.isEmpty()) {
      return;
    }
    boolean follows;
    synchronized (this) {
      Long last = submitted.get(branch);
      follows = last != null && last == events.get(0).seq() - 1;
      if (follows) {
        drain(branch, events);
      }
    }
    if (!follows) {
      drained.accept(branch, AckProcessor.GAP);
    }
  }

  /**
   * Drains these events (the oldest of the outbox, or those following the ones drained last), now
   * or as soon as the drain in progress for the branch ends.
   */
  synchronized void drain(String branch, List<Recorded> events) {
    if (events.isEmpty()) {
      return;
    }
    submitted.merge(branch, events.get(events.size() - 1).seq(), Math::max);
    if (busy.getOrDefault(branch, false)) {
      java.util.TreeMap<Long, Recorded> waiting = pending.computeIfAbsent(branch, b -> new java.util.TreeMap<>());
      events.forEach(r -> waiting.put(r.seq(), r));
      return;
    }
    busy.put(branch, true);
    long from = events.get(0).seq();
    long upto = events.get(events.size() - 1).seq();
    workers.<Void>executeBlocking(() -> {
      store.append(branch, events);
      return null;
    }, false)
        .onSuccess(v -> release(branch, upto, false))
        .compose(v -> HazelcastFutures.of(branches.submitToKey(branch, new AckProcessor(from, upto))))
        .onComplete(ar -> {
          storeHealthy = ar.succeeded();
          boolean inStep = ar.succeeded() && ar.result() >= 0;
          if (ar.failed()) {
            LOG.log(System.Logger.Level.WARNING, "event store: " + ar.cause());
            release(branch, upto, true);
          }
          java.util.TreeMap<Long, Recorded> next;
          synchronized (this) {
            busy.put(branch, false);
            next = pending.remove(branch);
            if (!inStep) {
              submitted.remove(branch);
            }
          }
          drained.accept(branch, inStep ? ar.result() : AckProcessor.GAP);
          if (next != null && inStep) {
            drain(branch, List.copyOf(next.tailMap(upto, false).values()));
          }
        });
  }
}
