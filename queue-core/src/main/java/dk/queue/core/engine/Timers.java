package dk.queue.core.engine;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.ReplicaMigrationEvent;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.DeskLifecycle;
import dk.queue.core.domain.Timetable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which branches this member owns, and for each a timer set for the next moment the time alone
 * changes it (an opening, a closing, local midnight): at that moment the owner runs a tick on the
 * branch. Ownership is looked at again when partitions migrate, members come and go, or a state
 * written here shows it moved ({@link #ownsNow}), never on a schedule; a command that changes a
 * branch's configuration, or when a desk left signed out closes, sets its timer again.
 */
final class Timers {
  private static final System.Logger LOG = System.getLogger(Timers.class.getName());
  /** The longest a timer is set for; then the next change is computed again (clock adjustments). */
  static final Duration LONGEST = Duration.ofHours(1);
  /** After a tick that failed (no quorum, say), it is tried again this soon. */
  static final Duration RETRY = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final Context context;
  private final HazelcastInstance hazelcast;
  private final java.util.function.Supplier<QueueConfig> config;
  private final Clock clock;
  private final Function<String, Future<?>> tick;
  private final Consumer<String> taken;
  // Touched on the engine's context only, except owned (read anywhere) and planned (read in written).
  private final Map<String, Long> timers = new HashMap<>();
  private final Map<String, BranchDef> planned = new java.util.concurrent.ConcurrentHashMap<>();
  /** Per branch, when its first desk left signed out closes, as last written here. */
  private final Map<String, Instant> closing = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Set<String> owned = Set.of();
  private UUID migrationListener;
  private UUID membershipListener;
  private boolean stopped;

  /**
   * @param tick  runs a tick on a branch
   * @param taken told of each branch this member has started to own
   */
  Timers(Vertx vertx, Context context, HazelcastInstance hazelcast, java.util.function.Supplier<QueueConfig> config, Clock clock,
         Function<String, Future<?>> tick, Consumer<String> taken) {
    this.vertx = vertx;
    this.context = context;
    this.hazelcast = hazelcast;
    this.config = config;
    this.clock = clock;
    this.tick = tick;
    this.taken = taken;
  }

  void start() {
    migrationListener = hazelcast.getPartitionService().addMigrationListener(new MigrationListener() {
      @Override
      public void migrationStarted(MigrationState state) { }

      @Override
      public void migrationFinished(MigrationState state) {
        // The event can come before this member's copy of the partition table is updated.
        context.runOnContext(v -> refresh());
        later();
      }

      @Override
      public void replicaMigrationCompleted(ReplicaMigrationEvent event) { }

      @Override
      public void replicaMigrationFailed(ReplicaMigrationEvent event) { }
    });
    membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent e) {
        later();
      }

      @Override
      public void memberRemoved(MembershipEvent e) {
        later();
      }
    });
    context.runOnContext(v -> refresh());
  }

  /** The branches this member owned when ownership was last looked at. */
  Set<String> owned() {
    return owned;
  }

  /**
   * Whether this member owns the branch's partition now, as its own partition table says (false
   * while the member shuts down). Called where a state is written, so it never throws.
   */
  boolean ownsNow(String branch) {
    try {
      Member owner = hazelcast.getPartitionService().getPartition(branch).getOwner();
      return owner != null && owner.localMember();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Ownership was seen to differ from {@link #owned()}: look again. */
  void recheck() {
    context.runOnContext(v -> refresh());
  }

  /** A state written on this member: a branch whose configuration changed gets its timer set again. */
  void written(BranchState state) {
    String branch = state.def().id();
    BranchDef def = planned.get(branch);
    Instant closes = DeskLifecycle.nextClosing(state).orElse(null);
    Instant before = closes == null ? closing.remove(branch) : closing.put(branch, closes);
    boolean closingChanged = !java.util.Objects.equals(before, closes);
    if (def != null && (def != state.def() || closingChanged)) {
      planned.put(branch, state.def());
      context.runOnContext(v -> plan(branch, state.def()));
    }
  }

  void stop() {
    context.runOnContext(v -> {
      stopped = true;
      timers.values().forEach(vertx::cancelTimer);
      timers.clear();
      try {
        hazelcast.getPartitionService().removeMigrationListener(migrationListener);
        hazelcast.getCluster().removeMembershipListener(membershipListener);
      } catch (RuntimeException e) {
        // the member is shutting down
      }
    });
  }

  /**
   * Promotions after a member left can finish without a migration event, and a migration event can
   * come before the partition table it changed: look again a little later.
   */
  private void later() {
    context.runOnContext(v -> {
      vertx.setTimer(1000, t -> refresh());
      vertx.setTimer(5000, t -> refresh());
    });
  }

  private void refresh() {
    if (stopped) {
      return;
    }
    Set<String> now = new HashSet<>();
    boolean unsettled = false;
    try {
      Set<Member> members = hazelcast.getCluster().getMembers();
      for (BranchDef def : config.get().branches()) {
        Partition p = hazelcast.getPartitionService().getPartition(def.id());
        Member owner = p.getOwner();
        if (owner == null || !members.contains(owner)) {
          unsettled = true;
        } else if (owner.localMember()) {
          now.add(def.id());
        }
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "ownership unknown: " + e);
      return;
    }
    if (unsettled) {
      // A member has gone and its partitions are not all taken over yet: look again shortly, so
      // that a branch this member now owns is not left without its timers and its moves.
      vertx.setTimer(1000, t -> refresh());
    }
    Set<String> before = owned;
    owned = Set.copyOf(now);
    for (String branch : before) {
      if (!now.contains(branch)) {
        Long id = timers.remove(branch);
        if (id != null) {
          vertx.cancelTimer(id);
        }
        planned.remove(branch);
      }
    }
    for (String branch : now) {
      if (!before.contains(branch)) {
        config.get().branch(branch).ifPresent(def -> plan(branch, def));
        taken.accept(branch);
      }
    }
  }

  private void plan(String branch, BranchDef def) {
    planned.put(branch, def);
    Instant now = clock.instant();
    Instant next = Timetable.nextChange(def, now);
    Instant closes = closing.get(branch);
    if (closes != null && closes.isBefore(next)) {
      next = closes;
    }
    long ms = Math.min(Duration.between(now, next).toMillis() + 1, LONGEST.toMillis());
    arm(branch, Math.max(1, ms));
  }

  private void arm(String branch, long ms) {
    Long old = timers.put(branch, vertx.setTimer(ms, t -> fire(branch)));
    if (old != null) {
      vertx.cancelTimer(old);
    }
  }

  private void fire(String branch) {
    timers.remove(branch);
    if (stopped || !owned.contains(branch)) {
      return;
    }
    tick.apply(branch).onComplete(ar -> {
      if (stopped || !owned.contains(branch) || timers.containsKey(branch)) {
        return;
      }
      if (ar.failed()) {
        arm(branch, RETRY.toMillis());
      } else {
        plan(branch, planned.getOrDefault(branch, config.get().branch(branch).orElseThrow()));
      }
    });
  }
}
