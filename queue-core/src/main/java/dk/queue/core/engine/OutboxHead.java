package dk.queue.core.engine;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the oldest events of a branch's outbox, at most {@code limit}: a backlog drains in batches. */
final class OutboxHead implements EntryProcessor<String, BranchState, ArrayList<Recorded>>, ReadOnly {
  private static final long serialVersionUID = 1L;
  final int limit;

  OutboxHead(int limit) {
    this.limit = limit;
  }

  @Override
  public ArrayList<Recorded> process(Map.Entry<String, BranchState> entry) {
    BranchState state = entry.getValue();
    if (state == null) {
      return new ArrayList<>();
    }
    List<Recorded> outbox = state.outbox();
    return new ArrayList<>(outbox.subList(0, Math.min(limit, outbox.size())));
  }

  @Override
  public EntryProcessor<String, BranchState, ArrayList<Recorded>> getBackupProcessor() {
    return null;
  }
}
