package dk.queue.core.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.Recorded;
import dk.queue.core.json.JsonMapping;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs commands on branch states held in a Hazelcast map: each command is an entry processor on
 * the member that owns the branch, so there is exactly one writer per branch wherever the command
 * came from. Accepted events are published on the event bus and drained into the store.
 */
public final class Engine implements Feeds {
  private static final System.Logger LOG = System.getLogger(Engine.class.getName());
  static final Duration DRAIN_RETRY = Duration.ofSeconds(2);
  /** The longest a command's answer waits for the store; after it the outbox alone keeps the events. */
  static final Duration STORE_WAIT = Duration.ofSeconds(5);
  /** How often old events are looked for; they are deleted once a day in practice. */
  static final Duration RETENTION_CHECK = Duration.ofHours(1);
  /** The most events one drain of a backlog writes; while the store fails, a few to try it. */
  static final int BACKLOG_BATCH = 10_000;
  static final int BACKLOG_PROBE = 100;
  /**
   * How long an owner on embedded stores lets a branch's writes gather before it drains them: the
   * replicated outbox keeps them meanwhile, and one drain (a confirming read, a write to the files,
   * an acknowledgement) then serves every command of that moment instead of one each.
   */
  static final long OWNER_DRAIN_DELAY_MS = 100;
  /**
   * The threads that may wait for the store at once. The store's calls run on these alone, so a
   * store that hangs holds them and nothing else: sign-ins, readiness and branch loading from the
   * cluster use the node's other workers.
   */
  static final int STORE_THREADS = 4;

  private final Vertx vertx;
  private final Context context;
  private final HazelcastInstance hazelcast;
  private final IMap<String, BranchState> branches;
  private volatile QueueConfig config;
  /** New definitions of branches that remove something in use; tried again on every tick until free. */
  private final Map<String, BranchDef> deferred = new ConcurrentHashMap<>();
  private final Clock clock;
  private final IdGenerator ids;
  private final EventStore store;
  private final WorkerExecutor storeWorkers;
  private final OutboxDrainer drainer;
  private CommandLog commandLog = new CommandLog(false, line -> { });
  private final FeedSet<BranchFeed> feeds = new FeedSet<>(this::openFeed);
  private final List<java.util.function.BiConsumer<BranchDef, Outcome>> listeners = new ArrayList<>();
  private volatile boolean started;
  private final LocalStates local;
  /** Branches whose outbox must be drained from its start (a write failed, or the branch is new here). */
  private final java.util.Set<String> backlog = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> drainingBacklog = ConcurrentHashMap.newKeySet();
  /** Owned branches written since their outbox was last read for a drain. */
  private final java.util.Set<String> writtenSinceRead = ConcurrentHashMap.newKeySet();
  /** Owned branches with a drain set to start after {@link #OWNER_DRAIN_DELAY_MS}. */
  private final java.util.Set<String> drainDue = ConcurrentHashMap.newKeySet();
  private final Timers timers;
  private long drainTimer = -1;
  private long retentionTimer = -1;

  public Engine(Vertx vertx, HazelcastInstance hazelcast, QueueConfig config, Clock clock, IdGenerator ids,
                EventStore store) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.hazelcast = hazelcast;
    this.branches = hazelcast.getMap(Addresses.BRANCH_MAP);
    this.config = config;
    this.clock = clock;
    this.ids = ids;
    this.store = store;
    this.storeWorkers = vertx.createSharedWorkerExecutor("event-store", STORE_THREADS);
    this.drainer = new OutboxDrainer(storeWorkers, branches, store, this::drained);
    this.local = LocalStates.of(hazelcast);
    this.timers = new Timers(vertx, context, hazelcast, this::config, clock, this::tick, this::ownerChanged);
    local.onWritten(state -> {
      timers.written(state);
      String branch = state.def().id();
      if (!ownerDrains()) {
        return;
      }
      // The partition table, not the last look at ownership: an owner that has not yet seen a
      // branch move to it must still drain what it writes.
      boolean owner = timers.ownsNow(branch);
      if (owner != timers.owned().contains(branch)) {
        timers.recheck();
      }
      if (owner && !state.outbox().isEmpty()) {
        // Written here is not yet confirmed (the backup may never get it): the outbox is read again
        // the confirmed way before anything reaches this member's files.
        writtenSinceRead.add(branch);
        backlog.add(branch);
        if (drainDue.add(branch)) {
          context.runOnContext(v -> vertx.setTimer(OWNER_DRAIN_DELAY_MS, t -> {
            drainDue.remove(branch);
            drainBacklog(branch);
          }));
        }
      }
    });
  }

  /** The configuration now: read it on each use, it changes on a reload. */
  public QueueConfig config() {
    return config;
  }

  /**
   * What taking on a configuration did: per branch {@code added}, {@code changed} or
   * {@code unchanged}, or why it is deferred; or, when {@code refused} is not empty, nothing at all.
   */
  public record Reconfigured(Map<String, String> branches, List<String> refused) {}

  /**
   * Takes on a new, validated configuration. Each branch whose definition changes is given it by a
   * command in its own log ({@code ConfigChanged}), keeping the day's queues; new branches are
   * loaded. Refused as a whole, changing nothing, when it removes a branch, or a desk or service
   * that is in use now; a branch that takes something into use in the moment between the check and
   * the change gets its new definition as soon as that is free (deferred).
   */
  public Future<Reconfigured> reconfigure(QueueConfig next) {
    if (!started) {
      return Future.failedFuture(new NotReadyException("the branches are not loaded yet"));
    }
    QueueConfig previous = config;
    List<String> refused = new ArrayList<>();
    previous.branches().stream().filter(d -> next.branch(d.id()).isEmpty()).forEach(d -> refused.add("branch '"
        + d.id() + "' cannot be removed while the cluster runs: start every node with the new configuration"));
    List<Future<String>> checks = new ArrayList<>();
    for (BranchDef def : next.branches()) {
      if (previous.branch(def.id()).isPresent()) {
        checks.add(state(def.id()).map(s -> BranchMachine.decide(s, new Command.ChangeConfig(clock.instant(), def))
            instanceof Decision.Rejected r ? def.id() + ": " + r.rejection().message() : null));
      }
    }
    return Future.all(checks).compose(done -> {
      checks.stream().map(Future::result).filter(java.util.Objects::nonNull).forEach(refused::add);
      if (!refused.isEmpty()) {
        return Future.succeededFuture(new Reconfigured(Map.of(), refused));
      }
      config = next;
      deferred.clear();
      Map<String, Future<String>> applied = new java.util.LinkedHashMap<>();
      for (BranchDef def : next.branches()) {
        applied.put(def.id(), previous.branch(def.id()).isEmpty() ? load(def).map("added") : changeConfig(def));
      }
      return Future.join(new ArrayList<>(applied.values())).map(all -> {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        applied.forEach((id, f) -> result.put(id, f.succeeded() ? f.result() : "deferred: " + f.cause().getMessage()));
        LOG.log(System.Logger.Level.INFO, "configuration " + next.source() + " taken on: " + result);
        return new Reconfigured(result, List.of());
      });
    });
  }

  /**
   * Takes on a configuration another node has already given the branches: the node's own reading
   * of it (staff, screens, kiosks) changes, the branch states are left alone.
   */
  public void adopt(QueueConfig next) {
    config = next;
    // Definitions this node still waits to give are older than the ones just given.
    deferred.clear();
  }

  /** Gives a branch its new definition, or keeps it for later while something it removes is in use. */
  private Future<String> changeConfig(BranchDef def) {
    return execute(def.id(), new Command.ChangeConfig(clock.instant(), def)).map(o -> {
      if (o.accepted()) {
        deferred.remove(def.id(), def);
        return o.events().isEmpty() ? "unchanged" : "changed";
      }
      deferred.put(def.id(), def);
      return "deferred: " + o.rejection().message();
    }).onFailure(e -> deferred.put(def.id(), def));
  }

  public Clock clock() {
    return clock;
  }

  public IdGenerator ids() {
    return ids;
  }

  public boolean storeHealthy() {
    return drainer.storeHealthy();
  }

  /** Whether the store is shared by every node of the cluster (PostgreSQL) or this node's own. */
  public boolean storeShared() {
    return store.shared();
  }

  /** Events of the branches this member owns that are not in the store yet; -1 when it cannot tell. */
  public Future<Integer> outboxBacklog() {
    try {
      return Future.succeededFuture(localStates().stream().mapToInt(s -> s.outbox().size()).sum());
    } catch (RuntimeException e) {
      // the cluster is going away
      return Future.succeededFuture(-1);
    }
  }

  /**
   * The newest states this member holds of the branches it owns, as its commands wrote them: no
   * reading of the map. A branch the member has just taken over is read once when it arrives.
   */
  public List<BranchState> localStates() {
    List<BranchState> states = new ArrayList<>();
    for (String branch : timers.owned()) {
      BranchState s = local.get(branch);
      if (s != null) {
        states.add(s);
      }
    }
    return states;
  }

  /** Where the line of each command goes. */
  public void logCommandsTo(CommandLog log) {
    this.commandLog = log;
  }

  /** Called with the branch and the outcome of every command this node ran that recorded events, on an event loop. */
  public void onEvents(java.util.function.BiConsumer<BranchDef, Outcome> listener) {
    listeners.add(listener);
  }

  /**
   * Loads every configured branch that the cluster does not hold yet, replaying today's log. Until
   * the cluster has its quorum this cannot be done; it is tried again every second.
   */
  public Future<Void> start() {
    List<Future<BranchState>> loads = new ArrayList<>();
    for (BranchDef def : config.branches()) {
      loads.add(load(def));
    }
    return Future.all(loads).<Void>mapEmpty().recover(e -> {
      LOG.log(System.Logger.Level.INFO, "waiting for the cluster to load the branches: " + e.getMessage());
      return Future.<Void>future(p -> vertx.setTimer(1000, t -> p.complete())).compose(v -> start());
    }).onSuccess(v -> {
      if (!started) {
        started = true;
        adoptConfiguredDefinitions();
        timers.start();
        drainTimer = vertx.setPeriodic(DRAIN_RETRY.toMillis(), t -> {
          retryDrains();
          drainer.probe();
          // A definition that removes a desk or service still in use waits until it is free.
          deferred.values().forEach(this::changeConfig);
        });
        watchMembers();
        retentionTimer = vertx.setPeriodic(1000, RETENTION_CHECK.toMillis(), t -> deleteExpired());
      }
    });
  }

  /** The branches have been loaded: commands can run. */
  public boolean started() {
    return started;
  }

  /** The branches whose state this member holds as owner (none while it has no quorum). */
  public java.util.Set<String> ownedBranches() {
    try {
      return new java.util.TreeSet<>(branches.localKeySet());
    } catch (RuntimeException e) {
      return java.util.Set.of();
    }
  }

  /** The branch's state from the cluster, or else replayed from the store (on the store's own threads). */
  private Future<BranchState> load(BranchDef def) {
    return vertx.executeBlocking(() -> branches.get(def.id()), false)
        .compose(present -> present != null ? Future.succeededFuture(present)
            : storeWorkers.executeBlocking(() -> replay(def), false));
  }

  private BranchState replay(BranchDef def) throws Exception {
    List<Recorded> day = store.currentDay(def.id());
    LocalDate start = day.isEmpty()
        ? clock.instant().atZone(def.zone()).toLocalDate()
        : day.get(0).at().atZone(def.zone()).toLocalDate();
    BranchState state = BranchState.initial(def, start);
    for (Recorded r : day) {
      if (state.seq() > 0 && r.seq() != state.seq() + 1 && store.setAsideAny(def.id())) {
        LOG.log(System.Logger.Level.WARNING, "the log of " + def.id() + " goes on at seq " + r.seq() + " after "
            + state.seq() + ": the events between could not be read and were set aside");
      } else if (state.seq() > 0 && r.seq() != state.seq() + 1) {
        // This node's log misses events another member stored; replaying past the gap would be wrong.
        LOG.log(System.Logger.Level.ERROR, "the log of " + def.id() + " stops at seq " + state.seq()
            + " (next stored is " + r.seq() + "); the day is restored up to there");
        break;
      }
      state = state.apply(r);
    }
    BranchState raced = branches.putIfAbsent(def.id(), state);
    return raced == null ? state : raced;
  }

  /** Runs a command on a branch; fails only when the branch is unknown or the cluster cannot run it. */
  public Future<Outcome> execute(String branch, Command command) {
    return execute(branch, command, null);
  }

  /**
   * Runs a command on a branch, recognising a desk command sent again with the same idempotency key
   * (null: none): the repeat is answered as the first was, with no events. Fails with Hazelcast's
   * {@code IndeterminateOperationStateException} when the cluster could not confirm the command.
   */
  public Future<Outcome> execute(String branch, Command command, String key) {
    if (config.branch(branch).isEmpty()) {
      return Future.failedFuture(new UnknownBranchException(branch));
    }
    if (!started) {
      return Future.failedFuture(new NotReadyException("the branches are not loaded yet"));
    }
    return HazelcastFutures.of(branches.submitToKey(branch, new CommandProcessor(command, key)), context)
        .onComplete(ar -> commandLog.log(branch, command, ar.result(), ar.cause()))
        .compose(outcome -> {
          if (!outcome.accepted() || outcome.events().isEmpty()) {
            return Future.succeededFuture(outcome);
          }
          publish(branch, outcome);
          BranchDef def = config.branch(branch).orElseThrow();
          listeners.forEach(l -> l.accept(def, outcome));
          if (ownerDrains()) {
            // Each member keeps its own files: the owner drains the outbox on its own schedule, and
            // a backup holds the events until then.
            return Future.succeededFuture(outcome);
          }
          // Alone, or with a store the whole cluster shares: answer once the store has the events,
          // so that an acknowledged command survives even every node dying at once. A store that
          // fails or is slow does not stop the branch: the replicated outbox keeps the events.
          if (!backlog.contains(branch)) {
            drainer.drainNew(branch, outcome.events());
          }
          long last = outcome.events().get(outcome.events().size() - 1).seq();
          return drainer.whenStored(branch, last)
              .timeout(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
              .recover(e -> Future.succeededFuture())
              .map(v -> outcome);
        });
  }

  /**
   * The stored events of a branch with {@code from <= at < to}, in seq order. Events still in the
   * outbox are not among them.
   */
  public Future<List<Recorded>> history(String branch, Instant from, Instant to) {
    if (config.branch(branch).isEmpty()) {
      return Future.failedFuture(new UnknownBranchException(branch));
    }
    return storeWorkers.executeBlocking(() -> store.between(branch, from, to), false);
  }

  /**
   * Deletes the events older than the configured retention: everything before the branch's local
   * midnight that many days ago, so that whole days go.
   */
  Future<Long> deleteExpired() {
    Instant now = clock.instant();
    return storeWorkers.executeBlocking(() -> {
      long deleted = 0;
      for (BranchDef def : config.branches()) {
        Instant cutoff = now.atZone(def.zone()).toLocalDate().minusDays(config.retentionDays())
            .atStartOfDay(def.zone()).toInstant();
        deleted += store.deleteBefore(def.id(), cutoff);
      }
      if (deleted > 0) {
        LOG.log(System.Logger.Level.INFO, "retention: deleted " + deleted + " events older than "
            + config.retentionDays() + " days");
      }
      return deleted;
    }, false).onFailure(e -> LOG.log(System.Logger.Level.WARNING, "retention: " + e.getMessage()));
  }

  /** Writes every outbox to the store and waits for it: the last thing a node does before it stops. */
  public Future<Void> flush() {
    List<Future<Void>> all = new ArrayList<>();
    for (BranchDef def : config.branches()) {
      all.add(confirmed(def.id(), new OutboxHead(Integer.MAX_VALUE)).compose(outbox -> {
        if (outbox.isEmpty()) {
          return Future.succeededFuture();
        }
        drainer.drain(def.id(), outbox);
        return drainer.whenStored(def.id(), outbox.get(outbox.size() - 1).seq());
      }));
    }
    return Future.join(all).mapEmpty();
  }

  /** The current state of a branch. */
  public Future<BranchState> state(String branch) {
    if (config.branch(branch).isEmpty()) {
      return Future.failedFuture(new UnknownBranchException(branch));
    }
    if (!started) {
      return Future.failedFuture(new NotReadyException("the branches are not loaded yet"));
    }
    return HazelcastFutures.of(branches.getAsync(branch), context);
  }

  /** Reads a branch with an entry processor, which is answered only once the backup has run it too. */
  private <R> Future<R> confirmed(String branch, com.hazelcast.map.EntryProcessor<String, BranchState, R> read) {
    if (!started) {
      return Future.failedFuture(new NotReadyException("the branches are not loaded yet"));
    }
    return HazelcastFutures.of(branches.submitToKey(branch, read), context);
  }

  /** Publishes a command's events (small JSON each, never the state) to every node's feed of the branch. */
  private void publish(String branch, Outcome outcome) {
    for (Recorded r : outcome.events()) {
      vertx.eventBus().publish(Addresses.branchEvents(branch), JsonMapping.encode(r));
    }
  }

  /**
   * Events published while a member joins or leaves may be lost on the way: every feed of this node
   * then checks the owner's state once. This, and a gap in the seqs, is all that makes a feed read
   * the state; nothing polls.
   */
  private void watchMembers() {
    hazelcast.getCluster().addMembershipListener(new com.hazelcast.cluster.MembershipListener() {
      @Override
      public void memberAdded(com.hazelcast.cluster.MembershipEvent e) {
        resyncFeeds();
      }

      @Override
      public void memberRemoved(com.hazelcast.cluster.MembershipEvent e) {
        resyncFeeds();
      }
    });
  }

  /**
   * A node started with a newer configuration than the cluster's states were made with (a rolling
   * restart) gives each branch its definition.
   */
  private void adoptConfiguredDefinitions() {
    for (BranchDef def : config.branches()) {
      state(def.id()).onSuccess(s -> {
        if (s != null && !s.def().equals(def)) {
          changeConfig(def).onSuccess(r -> LOG.log(System.Logger.Level.INFO, "configuration of " + def.id()
              + " from " + config.source() + ": " + r));
        }
      });
    }
  }

  private void resyncFeeds() {
    feeds.forEach(f -> context.runOnContext(v -> f.resync()));
  }

  private Future<Outcome> tick(String branch) {
    return execute(branch, new Command.Tick(clock.instant()));
  }

  /** This member has taken a branch over (or started with it): its state is read once, its outbox drained. */
  private void ownerChanged(String branch) {
    state(branch).onSuccess(s -> {
      if (s != null) {
        local.read(s);
        if (!s.outbox().isEmpty()) {
          drained(branch, AckProcessor.GAP);
        }
      }
    });
  }

  /**
   * In a cluster on embedded stores each member writes its own files: the owner drains its
   * branches' outboxes as its commands write them. Otherwise the node that ran a command drains.
   */
  private boolean ownerDrains() {
    return !store.shared() && hazelcast.getCluster().getMembers().size() > 1;
  }

  /** What a drain left: a branch out of step is drained from the start of its outbox until it is empty. */
  private void drained(String branch, int remaining) {
    drainingBacklog.remove(branch);
    if (remaining == 0) {
      caughtUp(branch);
    } else if (remaining < 0) {
      backlog.add(branch);
      if (drainer.storeHealthy()) {
        drainBacklog(branch);
      }
    } else if (backlog.contains(branch)) {
      drainBacklog(branch);
    }
  }

  private void drainBacklog(String branch) {
    if (!drainingBacklog.add(branch)) {
      return;
    }
    writtenSinceRead.remove(branch);
    int limit = drainer.storeHealthy() ? BACKLOG_BATCH : BACKLOG_PROBE;
    confirmed(branch, new OutboxHead(limit)).onComplete(ar -> {
      if (ar.succeeded() && !ar.result().isEmpty()) {
        drainer.drain(branch, ar.result());
      } else {
        drainingBacklog.remove(branch);
        if (ar.succeeded()) {
          caughtUp(branch);
        }
      }
    });
  }

  /** The store has the branch's outbox: unless the branch was written after it was read, which drains again. */
  private void caughtUp(String branch) {
    backlog.remove(branch);
    if (writtenSinceRead.remove(branch)) {
      backlog.add(branch);
      if (!drainDue.contains(branch)) {
        drainBacklog(branch);
      }
    }
  }

  /** Only the branches with a backlog are looked at: a store that failed is tried again. */
  private void retryDrains() {
    for (String branch : backlog) {
      if (timers.owned().contains(branch)) {
        drainBacklog(branch);
      } else {
        backlog.remove(branch);
      }
    }
  }

  @Override
  public AutoCloseable subscribe(String branch, long afterSeq, Consumer<Update> listener) {
    if (config.branch(branch).isEmpty()) {
      throw new UnknownBranchException(branch);
    }
    // Each subscriber hears on its own context (its connection's event loop), in order, so that
    // the writes to its connection are made there and the feed's context only hands them out.
    Context own = Vertx.currentContext();
    Consumer<Update> delivered = own == null || own == context ? listener
        : update -> own.runOnContext(v -> listener.accept(update));
    AutoCloseable[] handle = new AutoCloseable[1];
    boolean[] closed = new boolean[1];
    attach(branch, afterSeq, delivered, handle, closed);
    return () -> {
      synchronized (handle) {
        closed[0] = true;
        if (handle[0] != null) {
          handle[0].close();
        }
      }
    };
  }

  /** Subscribes to the branch's feed, opening it again (after a while) when it could not be opened. */
  private void attach(String branch, long afterSeq, Consumer<Update> listener, AutoCloseable[] handle, boolean[] closed) {
    feeds.get(branch).onSuccess(f -> {
      synchronized (handle) {
        if (!closed[0]) {
          handle[0] = f.subscribe(afterSeq, listener);
        }
      }
    }).onFailure(e -> {
      LOG.log(System.Logger.Level.WARNING, "the live feed of " + branch + " could not start: " + e.getMessage());
      vertx.setTimer(BranchFeed.RETRY_MS, t -> {
        synchronized (handle) {
          if (closed[0]) {
            return;
          }
        }
        attach(branch, afterSeq, listener, handle, closed);
      });
    });
  }

  private Future<BranchFeed> openFeed(String branch) {
    BranchFeed f = new BranchFeed(branch, context, () -> confirmed(branch, new ConfirmedState()));
    return Future.<Void>future(p -> context.runOnContext(v -> f.start().onComplete(p))).map(v -> f);
  }

  /** Connected live clients on this node, per branch. */
  public Map<String, Integer> clientCounts() {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    feeds.open().forEach((b, f) -> counts.put(b, f.clientCount()));
    return counts;
  }

  public void stop() {
    timers.stop();
    vertx.cancelTimer(drainTimer);
    vertx.cancelTimer(retentionTimer);
    feeds.forEach(BranchFeed::stop);
  }
}
