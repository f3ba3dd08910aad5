package dk.queue.core.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import dk.queue.core.domain.BranchState;
import java.util.Map;

/**
 * Removes from a branch's outbox the events the store has written ({@code fromSeq} to
 * {@code uptoSeq}). When the outbox starts before {@code fromSeq}, events older than those written
 * are not stored yet (the store failed for them, or the branch came from another member): nothing
 * is removed, and the answer {@link #GAP} says the outbox must be drained from its start.
 */
final class AckProcessor implements EntryProcessor<String, BranchState, Integer>, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;
  /** The answer when older events wait in the outbox. */
  static final int GAP = -1;
  final long fromSeq;
  final long uptoSeq;
  private transient HazelcastInstance hazelcast;
  private transient LocalStates local;

  AckProcessor(long fromSeq, long uptoSeq) {
    this.fromSeq = fromSeq;
    this.uptoSeq = uptoSeq;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
    local = LocalStates.of(hazelcast);
  }

  @Override
  public Integer process(Map.Entry<String, BranchState> entry) {
    BranchState state = entry.getValue();
    if (state == null) {
      return 0;
    }
    if (!state.outbox().isEmpty() && state.outbox().get(0).seq() < fromSeq) {
      return GAP;
    }
    BranchState acked = state.acknowledged(uptoSeq);
    Backups.require(hazelcast, entry.getKey());
    entry.setValue(acked);
    if (local != null) {
      local.written(acked);
    }
    return acked.outbox().size();
  }
}
