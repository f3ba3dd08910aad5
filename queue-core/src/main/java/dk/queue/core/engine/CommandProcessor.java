package dk.queue.core.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.Rejection;
import java.util.Map;

/**
 * Runs one command where the branch's state lives, atomically. The command carries its time and
 * ids, so the backup replica runs the same processor and reaches the same state.
 */
final class CommandProcessor implements EntryProcessor<String, BranchState, Outcome>, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;
  final Command command;
  private transient LocalStates local;

  CommandProcessor(Command command) {
    this.command = command;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcast) {
    local = LocalStates.of(hazelcast);
  }

  @Override
  public Outcome process(Map.Entry<String, BranchState> entry) {
    BranchState state = entry.getValue();
    if (state == null) {
      return Outcome.rejected(Rejection.of(Rejection.Reason.INVALID, "branch not loaded: " + entry.getKey()));
    }
    Decision decision = BranchMachine.decide(state, command);
    if (decision instanceof Decision.Rejected) {
      return Outcome.rejected(((Decision.Rejected) decision).rejection());
    }
    Decision.Accepted accepted = (Decision.Accepted) decision;
    if (!accepted.events().isEmpty()) {
      entry.setValue(accepted.state());
      if (local != null) {
        local.written(accepted.state());
      }
    }
    // The caller looks only at the tickets this command touched: those it finished are the newest
    // finished ones (one per event at most), and a repeated issue asks for its ticket again. Leaving
    // the rest of the day's finished tickets out keeps the reply small.
    String asked = command instanceof Command.IssueTicket issue ? issue.ticketId() : null;
    // The outbox stays with the owner, which drains it: a backlog of thousands must not travel with every reply.
    return new Outcome(null, accepted.events(),
        accepted.state().withRecentFinished(accepted.events().size(), asked).withOutbox(java.util.List.of()));
  }
}
