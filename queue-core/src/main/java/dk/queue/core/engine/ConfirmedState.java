package dk.queue.core.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import dk.queue.core.domain.BranchState;
import java.util.Map;

/**
 * Reads a branch's state the way a write is made, for the screens: answered only once the backup
 * has acknowledged it, and only where there is a backup ({@link Backups}), so that a member cut off
 * from the others never shows (or sends on as missed events) a call the majority will not have.
 * See {@link OutboxHead}.
 */
final class ConfirmedState implements EntryProcessor<String, BranchState, BranchState>, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;
  private transient HazelcastInstance hazelcast;

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  @Override
  public BranchState process(Map.Entry<String, BranchState> entry) {
    Backups.require(hazelcast, entry.getKey());
    return entry.getValue();
  }
}
