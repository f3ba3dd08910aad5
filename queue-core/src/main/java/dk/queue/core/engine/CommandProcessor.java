package dk.queue.core.engine;

import com.hazelcast.map.EntryProcessor;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.Desk;
import dk.queue.core.domain.Rejection;
import java.util.List;
import java.util.Map;

/**
 * Runs one command where the branch's state lives, atomically. The command carries its time and
 * ids, so the backup replica runs the same processor and reaches the same state.
 */
final class CommandProcessor implements EntryProcessor<String, BranchState, Outcome> {
  private static final long serialVersionUID = 1L;
  private final Command command;
  /** The client's idempotency key of a desk command, or null. */
  private final String key;

  CommandProcessor(Command command, String key) {
    this.command = command;
    this.key = command instanceof Command.AtDesk ? key : null;
  }

  @Override
  public Outcome process(Map.Entry<String, BranchState> entry) {
    BranchState state = entry.getValue();
    if (state == null) {
      return Outcome.rejected(Rejection.of(Rejection.Reason.INVALID, "branch not loaded: " + entry.getKey()));
    }
    Desk before = key == null ? null : state.desks().get(((Command.AtDesk) command).desk());
    if (before != null && key.equals(before.lastKey())) {
      // Sent again: answer as the first time did, with no new events. Like every command this one
      // is answered only once the backup has run it too, so a repeat confirms the first.
      return new Outcome(null, List.of(), state.withRecentFinished(0, before.lastTicket()));
    }
    Decision decision = BranchMachine.decide(state, command);
    if (decision instanceof Decision.Rejected) {
      return Outcome.rejected(((Decision.Rejected) decision).rejection());
    }
    Decision.Accepted accepted = (Decision.Accepted) decision;
    if (!accepted.events().isEmpty()) {
      entry.setValue(before == null ? accepted.state() : remember(accepted.state(), before));
    }
    // The caller looks only at the tickets this command touched: those it finished are the newest
    // finished ones (one per event at most), and a repeated issue asks for its ticket again. Leaving
    // the rest of the day's finished tickets out keeps the reply small.
    String asked = command instanceof Command.IssueTicket issue ? issue.ticketId() : null;
    return new Outcome(null, accepted.events(), accepted.state().withRecentFinished(accepted.events().size(), asked));
  }

  /** The state with the desk remembering this command's key and the ticket it was about. */
  private BranchState remember(BranchState after, Desk before) {
    Desk desk = after.desks().get(before.id());
    String ticket = desk.current() != null || command instanceof Command.CallNext ? desk.current() : before.current();
    return after.withDesk(desk.withLast(key, ticket));
  }
}
