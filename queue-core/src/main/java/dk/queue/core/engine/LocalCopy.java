package dk.queue.core.engine;

import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A node's own copy of one branch, kept by applying the owner's events in seq order with the
 * domain's {@link BranchState#apply}. Events may come late, twice or out of order: a duplicate is
 * ignored, an early one waits for those before it; if they never come, the copy is replaced by the
 * owner's state ({@link #resync}). Not thread-safe: a feed uses it on one context. No I/O.
 */
final class LocalCopy {
  /** Early events kept at most; beyond this the copy can only catch up by a resync. */
  static final int EARLY_KEPT = 1024;
  private final String branch;
  private final TreeMap<Long, Recorded> early = new TreeMap<>();
  private BranchState state;

  LocalCopy(String branch) {
    this.branch = branch;
  }

  /** The copy, or null before the first resync. */
  BranchState state() {
    return state;
  }

  long seq() {
    return state == null ? -1 : state.seq();
  }

  /** Whether events wait for earlier ones that have not come. */
  boolean waiting() {
    return !early.isEmpty();
  }

  /** Takes an event; answers the updates it completes, in seq order (none for a duplicate or an early one). */
  List<Update> offer(Recorded r) {
    if (state != null && r.seq() <= state.seq()) {
      return List.of();
    }
    if (early.size() < EARLY_KEPT || r.seq() < early.lastKey()) {
      early.put(r.seq(), r);
      if (early.size() > EARLY_KEPT) {
        early.pollLastEntry();
      }
    }
    return drain(new ArrayList<>());
  }

  /**
   * Takes the owner's state when it is ahead of the copy: a snapshot update, then any early
   * events that continue it. A state that is not ahead changes nothing.
   */
  List<Update> resync(BranchState owner) {
    List<Update> out = new ArrayList<>();
    if (state == null || owner.seq() > state.seq()) {
      // The outbox is the owner's business; the copy keeps only what views need.
      state = owner.outbox().isEmpty() ? owner : owner.withOutbox(List.of());
      out.add(new Update(branch, state.seq(), null, state));
    }
    return drain(out);
  }

  private List<Update> drain(List<Update> out) {
    if (state == null) {
      return out;
    }
    early.headMap(state.seq(), true).clear();
    while (!early.isEmpty() && early.firstKey() == state.seq() + 1) {
      Recorded next = early.pollFirstEntry().getValue();
      state = state.apply(next);
      out.add(new Update(branch, next.seq(), next, state));
    }
    return out;
  }
}
