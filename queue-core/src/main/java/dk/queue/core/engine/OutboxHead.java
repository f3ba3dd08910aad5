package dk.queue.core.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the oldest events of a branch's outbox, at most {@code limit}: a backlog drains in batches.
 * It is read the way a write is made, so that only confirmed events reach the store: a plain read
 * answers from the owner at once, even an owner cut off from the rest of the cluster, whose newest
 * events may be ones the majority never got (their commands were answered {@code unconfirmed});
 * stored, they would make this node's log differ from the cluster's history. Like every entry
 * processor with a backup processor this one runs on the backup replica too, after the commands
 * before it, and answers only once the backup has acknowledged it, and only where there is a
 * backup ({@link Backups}).
 */
final class OutboxHead implements EntryProcessor<String, BranchState, ArrayList<Recorded>>, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;
  final int limit;
  private transient HazelcastInstance hazelcast;

  OutboxHead(int limit) {
    this.limit = limit;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  @Override
  public ArrayList<Recorded> process(Map.Entry<String, BranchState> entry) {
    BranchState state = entry.getValue();
    if (state == null) {
      return new ArrayList<>();
    }
    List<Recorded> outbox = state.outbox();
    Backups.require(hazelcast, entry.getKey());
    return new ArrayList<>(outbox.subList(0, Math.min(limit, outbox.size())));
  }
}
