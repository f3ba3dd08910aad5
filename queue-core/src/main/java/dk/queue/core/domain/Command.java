package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What someone asks a branch to do. Each carries the moment it was accepted ({@code at}) and any
 * new id, chosen by the node that accepted it, so that its outcome depends on nothing else.
 */
public sealed interface Command extends Serializable {
  Instant at();

  <R> R accept(Handler<R> h);

  /** One method per command: the compiler checks that the state machine covers every command. */
  interface Handler<R> {
    R issueTicket(IssueTicket c);

    R cancelTicket(CancelTicket c);

    R openDesk(OpenDesk c);

    R pauseDesk(PauseDesk c);

    R resumeDesk(ResumeDesk c);

    R closeDesk(CloseDesk c);

    R callNext(CallNext c);

    R recall(Recall c);

    R startService(StartService c);

    R finishService(FinishService c);

    R noShow(NoShow c);

    R transfer(Transfer c);

    R tick(Tick c);

    R changeConfig(ChangeConfig c);

    R signOut(SignOut c);

    R supervise(Supervise c);

    R callTicket(CallTicket c);

    R undo(Undo c);

    R appointment(Appointment c);

    R move(Move c);
  }

  /** A command at a desk, by the staff member signed in there. */
  sealed interface AtDesk extends Command {
    String desk();

    String staff();
  }

  /** Take a ticket for a service. */
  record IssueTicket(Instant at, String ticketId, String service, Channel channel, String language) implements Command {
    public <R> R accept(Handler<R> h) {
      return h.issueTicket(this);
    }
  }

  /** The citizen left: the ticket is cancelled. */
  record CancelTicket(Instant at, String ticketId) implements Command {
    public <R> R accept(Handler<R> h) {
      return h.cancelTicket(this);
    }
  }

  /**
   * Staff open a desk (or change the services of the desk they have open).
   *
   * @param skills   the staff member's skills, from configuration
   * @param services the services to serve, in priority order
   */
  record OpenDesk(Instant at, String desk, String staff, Set<String> skills, List<String> services) implements AtDesk {
    public <R> R accept(Handler<R> h) {
      return h.openDesk(this);
    }

    public OpenDesk {
      skills = Set.copyOf(skills);
      services = List.copyOf(services);
    }
  }

  /** @param waiting what becomes of citizens the pause leaves with no open desk ({@link Unserved}), or null */
  record PauseDesk(Instant at, String desk, String staff, String reason, WaitingChoice waiting) implements AtDesk {
    public PauseDesk(Instant at, String desk, String staff, String reason) {
      this(at, desk, staff, reason, null);
    }

    public <R> R accept(Handler<R> h) {
      return h.pauseDesk(this);
    }
  }

  record ResumeDesk(Instant at, String desk, String staff) implements AtDesk {
    public <R> R accept(Handler<R> h) {
      return h.resumeDesk(this);
    }
  }

  /** @param waiting what becomes of citizens the closing leaves with no open desk ({@link Unserved}), or null */
  record CloseDesk(Instant at, String desk, String staff, WaitingChoice waiting) implements AtDesk {
    public CloseDesk(Instant at, String desk, String staff) {
      this(at, desk, staff, null);
    }

    public <R> R accept(Handler<R> h) {
      return h.closeDesk(this);
    }
  }

  record CallNext(Instant at, String desk, String staff) implements AtDesk {
    public <R> R accept(Handler<R> h) {
      return h.callNext(this);
    }
  }

  record Recall(Instant at, String desk, String staff) implements AtDesk {
    public <R> R accept(Handler<R> h) {
      return h.recall(this);
    }
  }

  record StartService(Instant at, String desk, String staff) implements AtDesk {
    public <R> R accept(Handler<R> h) {
      return h.startService(this);
    }
  }

  record FinishService(Instant at, String desk, String staff, String outcome) implements AtDesk {
    public <R> R accept(Handler<R> h) {
      return h.finishService(this);
    }
  }

  record NoShow(Instant at, String desk, String staff) implements AtDesk {
    public <R> R accept(Handler<R> h) {
      return h.noShow(this);
    }
  }

  record Transfer(Instant at, String desk, String staff, String service, Placement placement) implements AtDesk {
    public <R> R accept(Handler<R> h) {
      return h.transfer(this);
    }
  }

  /**
   * A new configuration of the branch, already validated: taken on without dropping the day's
   * queues; refused while a desk or service it removes is in use.
   */
  record ChangeConfig(Instant at, BranchDef def) implements Command {
    public <R> R accept(Handler<R> h) {
      return h.changeConfig(this);
    }
  }

  /** Time passed: roll the day over at local midnight and follow opening hours. */
  record Tick(Instant at) implements Command {
    public <R> R accept(Handler<R> h) {
      return h.tick(this);
    }
  }

  /**
   * The staff member at a desk signed out, or their session ended, without closing it: the desk
   * pauses now and closes by itself at {@code closesAt} unless someone takes it on before.
   */
  record SignOut(Instant at, String desk, String staff, Instant closesAt) implements AtDesk {
    public <R> R accept(Handler<R> h) {
      return h.signOut(this);
    }
  }

  /**
   * A supervisor of the branch acts on a desk whoever works it.
   *
   * @param reason the pause reason (for {@link Action#PAUSE}), or null
   * @param skills the supervisor's skills: a desk taken over keeps only the services among them
   * @param waiting for a pause or close: what becomes of citizens it leaves with no open desk, or null
   */
  record Supervise(Instant at, String desk, String staff, Action action, String reason, Set<String> skills,
                   WaitingChoice waiting) implements AtDesk {
    public enum Action { PAUSE, CLOSE, TAKE_OVER }

    public Supervise(Instant at, String desk, String staff, Action action, String reason, Set<String> skills) {
      this(at, desk, staff, action, reason, skills, null);
    }

    public Supervise {
      skills = Set.copyOf(skills);
    }

    public <R> R accept(Handler<R> h) {
      return h.supervise(this);
    }
  }

  /** The desk calls this waiting ticket (a citizen standing at the desk, one who came back). */
  record CallTicket(Instant at, String desk, String staff, String ticketId) implements AtDesk {
    public <R> R accept(Handler<R> h) {
      return h.callTicket(this);
    }
  }

  /**
   * Takes back the desk's last no-show or done, within {@link BranchMachine#UNDO_WITHIN}: the
   * ticket is at the desk again, called or served as it was.
   */
  record Undo(Instant at, String desk, String staff) implements AtDesk {
    public <R> R accept(Handler<R> h) {
      return h.undo(this);
    }
  }

  /** A request about the branch's bookings: run by the branch's single writer like any command. */
  record Appointment(Instant at, BookingRequest request) implements Command {
    public <R> R accept(Handler<R> h) {
      return h.appointment(this);
    }
  }

  /** Moving tickets between branches ({@link Moves}): run by the branch's single writer like any command. */
  record Move(Instant at, MoveRequest request) implements Command {
    public <R> R accept(Handler<R> h) {
      return h.move(this);
    }
  }
}
