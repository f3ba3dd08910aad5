package dk.queue.core.engine;

import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.Views;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One branch's live updates on this node, in seq order. The event bus may deliver changes late, twice
 * or out of order: a change that arrives early waits briefly for the ones before it; if they do not
 * come, every client gets a fresh snapshot from the branch state instead. All of it runs on one
 * event-loop context.
 */
final class BranchFeed {
  static final int KEPT = 256;
  static final long GAP_WAIT_MS = 300;
  /** How soon to try again when the branch state cannot be read (this node is still joining). */
  static final long RETRY_MS = 500;

  private final String branch;
  private final Context context;
  private final Supplier<Future<BranchState>> state;
  private final Clock clock;
  private final ArrayDeque<Update> recent = new ArrayDeque<>();
  private final TreeMap<Long, Update> early = new TreeMap<>();
  private final List<Client> clients = new ArrayList<>();
  private MessageConsumer<String> consumer;
  private long last = -1;
  private long gapTimer = -1;
  /** The snapshot at {@code last}, shared by every subscriber that joins before the next change. */
  private Update current;

  BranchFeed(String branch, Context context, Supplier<Future<BranchState>> state, Clock clock) {
    this.branch = branch;
    this.context = context;
    this.state = state;
    this.clock = clock;
  }

  /**
   * Starts listening; must run on the feed's context. Until the branch state can be read (a node
   * still joining its cluster) the feed keeps trying, so that it never stays silent.
   */
  Future<Void> start() {
    consumer = context.owner().eventBus().consumer(Addresses.branchEvents(branch), m -> receive(Update.fromJson(m.body())));
    return consumer.completion().onSuccess(v -> resyncUntilDone());
  }

  private void resyncUntilDone() {
    resync().onFailure(e -> context.owner().setTimer(RETRY_MS, t -> resyncUntilDone()));
  }

  AutoCloseable subscribe(long afterSeq, Consumer<Update> listener) {
    Client client = new Client(listener);
    context.runOnContext(v -> attach(client, afterSeq));
    return () -> context.runOnContext(v -> {
      client.closed = true;
      clients.remove(client);
    });
  }

  /** Adds a subscriber once it has what it needs: its missed changes, or a snapshot. */
  private void attach(Client client, long afterSeq) {
    if (client.closed) {
      return;
    }
    if (afterSeq >= 0 && last >= 0 && covers(afterSeq)) {
      client.cursor = afterSeq;
      clients.add(client);
      recent.forEach(client::offer);
      return;
    }
    if (current != null) {
      // The feed is up to date: its latest snapshot is the branch as it is, no need to read it.
      client.deliver(current);
      clients.add(client);
      return;
    }
    state.get().onSuccess(s -> {
      if (client.closed) {
        return;
      }
      client.deliver(snapshot(s));
      clients.add(client);
      recent.forEach(client::offer);
    }).onFailure(e -> context.owner().setTimer(RETRY_MS, t -> attach(client, afterSeq)));
  }

  int clientCount() {
    return clients.size();
  }

  private boolean covers(long afterSeq) {
    if (afterSeq == last) {
      return true;
    }
    return !recent.isEmpty() && recent.peekFirst().seq() <= afterSeq + 1 && afterSeq < last;
  }

  private void receive(Update u) {
    if (last < 0 || u.seq() > last + 1) {
      early.put(u.seq(), u);
      if (last >= 0 && gapTimer < 0) {
        gapTimer = context.owner().setTimer(GAP_WAIT_MS, t -> {
          gapTimer = -1;
          if (!early.isEmpty()) {
            resync();
          }
        });
      }
      return;
    }
    if (u.seq() <= last) {
      return;
    }
    publish(u);
    drainEarly();
  }

  private void drainEarly() {
    while (!early.isEmpty() && early.firstKey() <= last + 1) {
      Update next = early.pollFirstEntry().getValue();
      if (next.seq() == last + 1) {
        publish(next);
      }
    }
    if (early.isEmpty() && gapTimer >= 0) {
      context.owner().cancelTimer(gapTimer);
      gapTimer = -1;
    }
  }

  /**
   * Catches up with the branch state: with the missed events when the state's outbox still holds
   * them all, else with a fresh snapshot.
   */
  private Future<Void> resync() {
    return state.get().map(s -> {
      if (s.seq() > last) {
        List<Recorded> missed = s.outbox().stream().filter(r -> r.seq() > last).toList();
        boolean complete = last >= 0 && !missed.isEmpty() && missed.get(0).seq() == last + 1
            && missed.get(missed.size() - 1).seq() == s.seq();
        Views.BranchSnapshot snapshot = Views.snapshot(s, clock.instant());
        if (complete) {
          missed.forEach(r -> publish(new Update(branch, r.seq(), r, snapshot)));
        } else {
          Update snap = new Update(branch, s.seq(), null, snapshot);
          last = s.seq();
          current = snap;
          recent.clear();
          clients.forEach(c -> c.deliver(snap));
        }
        early.headMap(last, true).clear();
      }
      drainEarly();
      return null;
    });
  }

  /** Resynchronises if the branch has moved on without this node hearing of it. */
  void checkBehind() {
    if (clients.isEmpty() || last < 0) {
      return;
    }
    state.get().onSuccess(s -> {
      if (s.seq() > last && early.isEmpty()) {
        resync();
      }
    });
  }

  private void publish(Update u) {
    last = u.seq();
    current = new Update(branch, u.seq(), null, u.snapshot());
    recent.addLast(u);
    while (recent.size() > KEPT) {
      recent.removeFirst();
    }
    for (Client c : List.copyOf(clients)) {
      c.offer(u);
    }
  }

  private Update snapshot(BranchState s) {
    return new Update(branch, s.seq(), null, Views.snapshot(s, clock.instant()));
  }

  void stop() {
    if (consumer != null) {
      consumer.unregister();
    }
  }

  /** A subscriber and the seq it has seen up to. */
  private static final class Client {
    final Consumer<Update> listener;
    long cursor = -1;
    boolean closed;

    Client(Consumer<Update> listener) {
      this.listener = listener;
    }

    void offer(Update u) {
      if (u.seq() > cursor) {
        deliver(u);
      }
    }

    void deliver(Update u) {
      cursor = u.seq();
      try {
        listener.accept(u);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a live-update listener failed", e);
      }
    }
  }

  private static final System.Logger LOG = System.getLogger(BranchFeed.class.getName());
}
