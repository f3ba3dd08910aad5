package dk.queue.core.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Desk;
import dk.queue.core.domain.Recorded;
import java.util.List;
import java.util.Map;

/**
 * What a backup replica runs for a command its owner decided: the owner's events applied to the
 * backup's copy with the domain's own {@code apply}, as {@link dk.queue.core.domain.BranchMachine}
 * applied them to reach the owner's state, instead of the command decided again. A command that
 * changed nothing sends one with no events: the owner still waits for it, so that its answer
 * confirms everything before it.
 */
final class AppliedCommand implements EntryProcessor<String, BranchState, Outcome>, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(AppliedCommand.class.getName());
  final List<Recorded> events;
  /** The desk of a desk command sent with an idempotency key, else null. */
  final String desk;
  /** That command's key, and the ticket it was about, which the desk remembers. */
  final String key;
  final String ticket;
  private transient LocalStates local;

  AppliedCommand(List<Recorded> events, String desk, String key, String ticket) {
    this.events = List.copyOf(events);
    this.desk = desk;
    this.key = key;
    this.ticket = ticket;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcast) {
    local = LocalStates.of(hazelcast);
  }

  @Override
  public Outcome process(Map.Entry<String, BranchState> entry) {
    BranchState state = entry.getValue();
    if (state == null || events.isEmpty() || events.get(events.size() - 1).seq() <= state.seq()) {
      return null;
    }
    if (events.get(0).seq() > state.seq() + 1) {
      // This replica misses events before these; Hazelcast's replica sync brings the owner's state.
      LOG.log(System.Logger.Level.WARNING, "backup of " + entry.getKey() + " is at seq " + state.seq()
          + ", the owner's events start at " + events.get(0).seq() + ": left for the replica sync");
      return null;
    }
    BranchState after = state;
    for (Recorded r : events) {
      if (r.seq() > after.seq()) {
        after = after.apply(r);
      }
    }
    after = after.withOutboxAdded(events.stream().filter(r -> r.seq() > state.seq()).toList());
    Desk d = desk == null ? null : after.desks().get(desk);
    if (d != null) {
      after = after.withDesk(d.withLast(key, ticket));
    }
    entry.setValue(after);
    if (local != null) {
      local.written(after);
    }
    return null;
  }

  @Override
  public EntryProcessor<String, BranchState, Outcome> getBackupProcessor() {
    return null;
  }
}
