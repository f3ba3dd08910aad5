package dk.queue.core.engine;

import com.hazelcast.map.EntryProcessor;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;
import java.util.List;
import java.util.Map;

/**
 * Reads a branch's outbox the way a write is made, so that only confirmed events reach the store.
 * A plain read answers from the owner at once, even an owner cut off from the rest of the cluster,
 * whose newest events may be ones the majority never got (their commands were answered
 * {@code unconfirmed}); stored, they would make this node's log differ from the cluster's history
 * (or, in a shared store, take the seq of the events the majority goes on with). Like every entry
 * processor this one runs on the backup replica too, after the commands before it, and answers only
 * once the backup has acknowledged it: then every event it returns is on the backup as well.
 */
final class ConfirmedOutbox implements EntryProcessor<String, BranchState, List<Recorded>> {
  private static final long serialVersionUID = 1L;

  @Override
  public List<Recorded> process(Map.Entry<String, BranchState> entry) {
    BranchState state = entry.getValue();
    return state == null ? List.of() : state.outbox();
  }
}
