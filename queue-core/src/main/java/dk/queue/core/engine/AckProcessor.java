package dk.queue.core.engine;

import com.hazelcast.map.EntryProcessor;
import dk.queue.core.domain.BranchState;
import java.util.Map;

/** Removes from a branch's outbox the events the store has written. */
final class AckProcessor implements EntryProcessor<String, BranchState, Integer> {
  private static final long serialVersionUID = 1L;
  private final long uptoSeq;

  AckProcessor(long uptoSeq) {
    this.uptoSeq = uptoSeq;
  }

  @Override
  public Integer process(Map.Entry<String, BranchState> entry) {
    BranchState state = entry.getValue();
    if (state == null) {
      return 0;
    }
    BranchState acked = state.acknowledged(uptoSeq);
    entry.setValue(acked);
    return acked.outbox().size();
  }
}
