package dk.queue.core.engine;

import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;
import dk.queue.core.json.JsonMapping;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One branch's live updates on this node. The owner publishes each event (small JSON); the feed
 * applies them to its own copy of the branch ({@link LocalCopy}) and hands every local subscriber
 * an {@link Update} with the copy after it. An event that arrives early waits briefly for the ones
 * before it; if they do not come, the copy is taken again from the owner's state and every
 * subscriber gets a snapshot. Nothing here polls: a resync happens on a gap, when the cluster's
 * membership changes (events may have been lost with a member) and when asked. All of it runs on
 * one event-loop context.
 */
final class BranchFeed {
  static final long GAP_WAIT_MS = 300;
  /**
   * Changes kept for subscribers that resume after a short break. Each holds the copy after it;
   * the copies share what did not change, so a few dozen cost little more than one.
   */
  static final int KEPT = 64;
  /** How soon to try again when the branch state cannot be read (this node is still joining). */
  static final long RETRY_MS = 500;

  private final String branch;
  private final Context context;
  private final Supplier<Future<BranchState>> owner;
  private final LocalCopy copy;
  private final List<Client> clients = new ArrayList<>();
  private final java.util.ArrayDeque<Update> recent = new java.util.ArrayDeque<>();
  private MessageConsumer<String> consumer;
  private long gapTimer = -1;
  private boolean resyncing;
  /** The latest update, as the snapshot a new subscriber gets. */
  private Update current;

  BranchFeed(String branch, Context context, Supplier<Future<BranchState>> owner) {
    this.branch = branch;
    this.context = context;
    this.owner = owner;
    this.copy = new LocalCopy(branch);
  }

  /**
   * Starts listening; must run on the feed's context. Fails when the consumer cannot be registered.
   * Until the branch state can be read (a node still joining its cluster) the feed keeps trying,
   * so that it never stays silent.
   */
  Future<Void> start() {
    consumer = context.owner().eventBus().consumer(Addresses.branchEvents(branch),
        m -> receive(JsonMapping.decode(m.body(), Recorded.class)));
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

  /**
   * Adds a subscriber: one that is up to date ({@code afterSeq} is the copy's seq) gets nothing
   * until the next change, one that resumes after a recent change gets the changes since, any
   * other the branch as it is now. Before the copy exists, the first resync's snapshot reaches it.
   */
  private void attach(Client client, long afterSeq) {
    if (client.closed) {
      return;
    }
    clients.add(client);
    if (current == null) {
      return;
    }
    if (afterSeq >= 0 && afterSeq == copy.seq()) {
      client.cursor = afterSeq;
    } else if (afterSeq >= 0 && afterSeq < copy.seq() && !recent.isEmpty() && recent.peekFirst().seq() <= afterSeq + 1) {
      client.cursor = afterSeq;
      recent.forEach(client::offer);
    } else {
      client.deliver(current.asSnapshot());
    }
  }

  int clientCount() {
    return clients.size();
  }

  void receive(Recorded r) {
    publish(copy.offer(r));
    if (copy.waiting() && gapTimer < 0 && copy.state() != null) {
      gapTimer = context.owner().setTimer(GAP_WAIT_MS, t -> {
        gapTimer = -1;
        if (copy.waiting()) {
          resync();
        }
      });
    }
  }

  /** Takes the branch again from the owner's state, if it has moved on past this node's copy. */
  Future<Void> resync() {
    if (resyncing) {
      return Future.succeededFuture();
    }
    resyncing = true;
    return owner.get().map(s -> {
      if (s != null) {
        publish(copy.resync(s));
      }
      return (Void) null;
    }).onComplete(ar -> resyncing = false);
  }

  private void publish(List<Update> updates) {
    for (Update u : updates) {
      current = u;
      if (u.isSnapshot()) {
        recent.clear();
      } else {
        recent.addLast(u);
        if (recent.size() > KEPT) {
          recent.removeFirst();
        }
      }
      for (Client c : List.copyOf(clients)) {
        c.offer(u);
      }
    }
  }

  void stop() {
    if (consumer != null) {
      consumer.unregister();
    }
    if (gapTimer >= 0) {
      context.owner().cancelTimer(gapTimer);
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
      if (u.isSnapshot() || u.seq() > cursor) {
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
