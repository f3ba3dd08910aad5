package dk.queue.core.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.Rejection;
import dk.queue.core.domain.Ticket;
import dk.queue.core.views.Audience;
import dk.queue.core.views.BranchView.DeskView;
import dk.queue.core.views.BranchViews;
import dk.queue.core.views.TicketIds;
import dk.queue.core.views.TicketView;
import java.util.HashMap;
import dk.queue.core.domain.Desk;
import java.util.List;
import java.util.Map;

/**
 * Runs one command where the branch's state lives, atomically. The backup replica applies the
 * events the owner recorded ({@link AppliedCommand}). The reply is what the command touched, built
 * here from the new state, never the state itself.
 */
final class CommandProcessor implements EntryProcessor<String, BranchState, Outcome>, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;
  final Command command;
  /** The client's idempotency key of a desk command, or null. */
  final String key;
  /**
   * Whether this runs on a backup replica, which decides the command again (as a member of an
   * earlier version asks; this version sends {@link AppliedCommand}).
   */
  final boolean backup;
  /** What the backup replica runs, set once this has run on the owner. */
  private transient AppliedCommand applied;
  private transient HazelcastInstance hazelcast;
  private transient LocalStates local;

  CommandProcessor(Command command, String key) {
    this(command, key, false);
  }

  CommandProcessor(Command command, String key, boolean backup) {
    this.command = command;
    this.key = command instanceof Command.AtDesk ? key : null;
    this.backup = backup;
  }

  @Override
  public EntryProcessor<String, BranchState, Outcome> getBackupProcessor() {
    return applied != null ? applied : new CommandProcessor(command, key, true);
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
    local = LocalStates.of(hazelcast);
  }

  @Override
  public Outcome process(Map.Entry<String, BranchState> entry) {
    if (!backup) {
      Fence.check();
    }
    BranchState state = entry.getValue();
    if (state == null) {
      return Outcome.rejected(Rejection.of(Rejection.Reason.INVALID, "branch not loaded: " + entry.getKey()));
    }
    Desk before = key == null ? null : state.desks().get(((Command.AtDesk) command).desk());
    if (before != null && key.equals(before.lastKey())) {
      // Sent again: answer as the first time did, with no new events. Like every command this one
      // is answered only once the backup has run it too, so a repeat confirms the first.
      TicketView ticket = before.lastTicket() == null ? null
          : BranchViews.ticket(state, before.lastTicket(), command.at()).orElse(null);
      return answer(entry, null, new Outcome(null, List.of(), ticket, BranchViews.desk(state, before, Audience.STAFF),
          Map.of()));
    }
    Decision decision = BranchMachine.decide(state, command);
    if (decision instanceof Decision.Rejected) {
      return answer(entry, null, Outcome.rejected(((Decision.Rejected) decision).rejection()));
    }
    Decision.Accepted accepted = (Decision.Accepted) decision;
    BranchState after = accepted.events().isEmpty() ? null
        : before == null ? accepted.state() : remember(accepted.state(), before);
    // A backup's answer goes nowhere: only the owner builds the reply.
    return answer(entry, after, backup ? null : outcome(accepted, command));
  }

  /**
   * Writes {@code after} (null: nothing to write) and answers {@code outcome}, on the owner only
   * once it has made sure a backup member will run this too (see {@link Backups}).
   */
  private Outcome answer(Map.Entry<String, BranchState> entry, BranchState after, Outcome outcome) {
    if (!backup) {
      Backups.require(hazelcast, entry.getKey());
      Desk desk = after == null || key == null ? null : after.desks().get(((Command.AtDesk) command).desk());
      // The desk remembers the key only where remember() did so here.
      desk = desk != null && key.equals(desk.lastKey()) ? desk : null;
      applied = after == null ? new AppliedCommand(List.of(), null, null, null)
          : new AppliedCommand(outcome.events(), desk == null ? null : desk.id(), key,
              desk == null ? null : desk.lastTicket());
    }
    if (after != null) {
      entry.setValue(after);
      if (local != null) {
        local.written(after);
      }
    }
    return outcome;
  }

  /** The compact reply to {@code command}, which was accepted. */
  static Outcome outcome(Decision.Accepted accepted, Command command) {
    BranchState after = accepted.state();
    List<Recorded> events = accepted.events();
    String ticketId = command instanceof Command.IssueTicket issue ? issue.ticketId()
        : command instanceof Command.CancelTicket cancel ? cancel.ticketId()
        : lastTicketOfToday(events);
    TicketView ticket = ticketId == null ? null
        : BranchViews.ticket(after, ticketId, command.at(), accepted.told()).orElse(null);
    DeskView desk = command instanceof Command.AtDesk atDesk && after.desks().containsKey(atDesk.desk())
        ? BranchViews.desk(after, after.desks().get(atDesk.desk()), Audience.STAFF) : null;
    Map<String, Ticket> tickets = new HashMap<>();
    for (Recorded r : events) {
      String id = r.event().accept(TicketIds.INSTANCE);
      if (id != null) {
        after.ticket(id).ifPresent(t -> tickets.put(id, t));
      }
    }
    return new Outcome(null, events, ticket, desk, tickets);
  }

  /** The ticket the last event about a ticket names, leaving out those a new day expired first. */
  private static String lastTicketOfToday(List<Recorded> events) {
    String last = null;
    for (Recorded r : events) {
      String id = r.event().accept(TicketIds.INSTANCE);
      if (r.event() instanceof Event.DayStarted) {
        last = null;
      } else if (id != null) {
        last = id;
      }
    }
    return last;
  }

  /** The state with the desk remembering this command's key and the ticket it was about. */
  private BranchState remember(BranchState after, Desk before) {
    Desk desk = after.desks().get(before.id());
    String ticket = desk.current() != null || command instanceof Command.CallNext ? desk.current() : before.current();
    return after.withDesk(desk.withLast(key, ticket));
  }
}
