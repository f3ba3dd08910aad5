package dk.queue.core.engine;

import com.hazelcast.core.HazelcastInstance;
import dk.queue.core.domain.BranchState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The newest state of each branch whose commands ran on this member, as owner or as backup: the
 * entry processors put it here as they write it, so the member knows its branches' states (for
 * metrics, the outbox backlog, availability timers) without reading the map on a timer. Kept in
 * the member's user context, where the processors find it.
 */
public final class LocalStates {
  private static final String KEY = "queue.localStates";
  private final Map<String, BranchState> states = new ConcurrentHashMap<>();
  private volatile Consumer<BranchState> listener = s -> { };

  /** This member's instance. */
  static LocalStates of(HazelcastInstance hazelcast) {
    return (LocalStates) hazelcast.getUserContext().computeIfAbsent(KEY, k -> new LocalStates());
  }

  /** A state written on this member; an older one (lower seq) never replaces a newer one. */
  void written(BranchState state) {
    states.merge(state.def().id(), state, (old, now) -> now.seq() >= old.seq() ? now : old);
    listener.accept(state);
  }

  /** A state read from the map, taken only where nothing newer was written meanwhile. */
  void read(BranchState state) {
    states.merge(state.def().id(), state, (old, now) -> now.seq() > old.seq() ? now : old);
  }

  BranchState get(String branch) {
    return states.get(branch);
  }

  /** Called, on the partition thread, with each state written here. */
  void onWritten(Consumer<BranchState> l) {
    listener = l;
  }
}
