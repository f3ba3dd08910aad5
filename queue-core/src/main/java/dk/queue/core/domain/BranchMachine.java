package dk.queue.core.domain;

import dk.queue.core.domain.Command.CallNext;
import dk.queue.core.domain.Command.CallTicket;
import dk.queue.core.domain.Command.CancelTicket;
import dk.queue.core.domain.Command.ChangeConfig;
import dk.queue.core.domain.Command.CloseDesk;
import dk.queue.core.domain.Command.FinishService;
import dk.queue.core.domain.Command.IssueTicket;
import dk.queue.core.domain.Command.NoShow;
import dk.queue.core.domain.Command.OpenDesk;
import dk.queue.core.domain.Command.PauseDesk;
import dk.queue.core.domain.Command.Recall;
import dk.queue.core.domain.Command.ResumeDesk;
import dk.queue.core.domain.Command.SignOut;
import dk.queue.core.domain.Command.StartService;
import dk.queue.core.domain.Command.Supervise;
import dk.queue.core.domain.Command.Tick;
import dk.queue.core.domain.Command.Transfer;
import dk.queue.core.domain.Command.Undo;
import dk.queue.core.domain.Rejection.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The state machine of a branch: {@code state + command -> new state + events}, or a rejection.
 *
 * <p>Before any command, a branch whose local day has changed starts a new day: tickets left over
 * are cancelled as expired, desks close, numbering restarts. After any accepted command, the
 * services available now are recomputed, and a change is an event of its own.
 */
public final class BranchMachine {
  private BranchMachine() {}

  /**
   * The most events a branch's outbox holds: past it the store has been away so long that the
   * branch refuses commands rather than grow without bound (hours of a busy day's events).
   */
  public static final int OUTBOX_LIMIT = 100_000;

  /** How long after a no-show or done the desk may take it back. */
  public static final java.time.Duration UNDO_WITHIN = java.time.Duration.ofMinutes(2);

  public static Decision decide(BranchState state, Command command) {
    if (state.outbox().size() >= OUTBOX_LIMIT) {
      return new Decision.Rejected(Rejection.of(Reason.OUTBOX_FULL,
          "The event store has been unavailable too long: " + state.outbox().size() + " events wait to be stored"));
    }
    Draft draft = new Draft(state, command.at());
    draft.startDayIfNew();
    draft.closeSignedOutDesks();
    draft.bookingRules().markLate();
    Optional<Rejection> rejection = command.accept(new Rules(draft));
    if (rejection.isPresent()) {
      return new Decision.Rejected(rejection.get());
    }
    draft.followAvailability();
    return new Decision.Accepted(draft.state.withOutboxAdded(draft.events), draft.events, draft.told);
  }

  /** The state as events are added to it, one at a time. */
  private static final class Draft {
    BranchState state;
    final Instant at;
    final List<Recorded> events = new ArrayList<>();
    /** The estimate given to the ticket issued, if one was. */
    WaitEstimator.Estimate told;

    Draft(BranchState state, Instant at) {
      this.state = state;
      this.at = at;
    }

    void emit(Event event) {
      Recorded r = new Recorded(state.def().id(), state.seq() + 1, at, event);
      state = state.apply(r);
      events.add(r);
    }

    void startDayIfNew() {
      LocalDate today = at.atZone(state.def().zone()).toLocalDate();
      if (!today.isAfter(state.day())) {
        return;
      }
      for (Ticket t : sortedActive()) {
        emit(new Event.TicketCancelled(t.id(), "expired", t.service()));
      }
      for (DeskDef d : state.def().desks()) {
        if (state.desks().get(d.id()).mode() != Desk.Mode.CLOSED) {
          emit(new Event.DeskClosed(d.id()));
        }
      }
      emit(new Event.DayStarted(today));
      bookingRules().carryOver(today);
    }

    BookingRules bookingRules() {
      return new BookingRules(() -> state, at, this::emit);
    }

    /** Desks left signed out whose time is up close (one with a ticket at it waits for a supervisor). */
    void closeSignedOutDesks() {
      for (DeskDef d : state.def().desks()) {
        Desk desk = state.desks().get(d.id());
        if (DeskLifecycle.closesBy(desk, at)) {
          emit(new Event.DeskClosed(d.id()));
        }
      }
    }

    void followAvailability() {
      List<String> now = Availability.compute(state, at);
      if (!now.equals(state.available())) {
        emit(new Event.AvailabilityChanged(now));
      }
    }

    private List<Ticket> sortedActive() {
      return state.tickets().values().stream()
          .sorted(java.util.Comparator.comparing(Ticket::issuedAt).thenComparing(Ticket::id))
          .toList();
    }
  }

  /** The rules of each command: check, then emit. Empty means accepted. */
  private static final class Rules implements Command.Handler<Optional<Rejection>> {
    private static final Optional<Rejection> OK = Optional.empty();
    private final Draft draft;

    Rules(Draft draft) {
      this.draft = draft;
    }

    private BranchState state() {
      return draft.state;
    }

    private static Optional<Rejection> reject(Reason reason, String message) {
      return Optional.of(Rejection.of(reason, message));
    }

    @Override
    public Optional<Rejection> issueTicket(IssueTicket c) {
      Optional<ServiceDef> service = state().def().service(c.service());
      if (service.isEmpty()) {
        return reject(Reason.UNKNOWN_SERVICE, "No service '" + c.service() + "' at this branch");
      }
      if (c.ticketId() == null || c.ticketId().isBlank()) {
        return reject(Reason.INVALID, "ticketId is required");
      }
      Optional<Ticket> existing = state().ticket(c.ticketId());
      if (existing.isPresent()) {
        // The same command again (a retry after its member died, or a client sending its request
        // again with the same idempotency key, at a later time): it has been done already.
        return existing.get().service().equals(c.service())
            ? OK : reject(Reason.INVALID, "ticketId must be new (an Idempotency-Key is used for one request only)");
      }
      if (service.get().appointmentOnly()) {
        return reject(Reason.SERVICE_UNAVAILABLE, service.get().name().en() + " is by appointment only");
      }
      if (!Availability.isAvailable(state(), c.service(), draft.at)) {
        return reject(Reason.SERVICE_UNAVAILABLE, service.get().name().en() + " is not available here now");
      }
      if (state().queue(c.service()).size() >= state().def().maxWaitingPerService()) {
        return reject(Reason.QUEUE_FULL, state().def().maxWaitingPerService() + " wait for "
            + service.get().name().en() + " already; no more tickets now");
      }
      String number = Moves.nextNumber(state(), service.get());
      Channel channel = c.channel() == null ? Channel.KIOSK : c.channel();
      draft.told = WaitEstimator.estimate(state(), c.service(), state().queue(c.service()).size() + 1, draft.at)
          .orElse(null);
      draft.emit(new Event.TicketIssued(c.ticketId(), c.service(), number, channel, c.language(),
          draft.told == null ? null : draft.told.seconds()));
      return OK;
    }

    @Override
    public Optional<Rejection> cancelTicket(CancelTicket c) {
      Optional<Ticket> ticket = state().ticket(c.ticketId());
      if (ticket.isEmpty()) {
        return reject(Reason.UNKNOWN_TICKET, "No ticket '" + c.ticketId() + "'");
      }
      switch (ticket.get().state()) {
        case SERVING:
          return reject(Reason.TICKET_IN_SERVICE, "The ticket is being served");
        case WAITING:
        case CALLED:
          draft.emit(new Event.TicketCancelled(c.ticketId(), "citizen", ticket.get().service()));
          return OK;
        default:
          return reject(Reason.TICKET_FINISHED, "The ticket has already ended");
      }
    }

    @Override
    public Optional<Rejection> openDesk(OpenDesk c) {
      Desk desk = state().desks().get(c.desk());
      if (desk == null) {
        return reject(Reason.UNKNOWN_DESK, "No desk '" + c.desk() + "' at this branch");
      }
      if (c.services().isEmpty() || new HashSet<>(c.services()).size() != c.services().size()) {
        return reject(Reason.INVALID, "services must name at least one service, each once");
      }
      for (String s : c.services()) {
        if (state().def().service(s).isEmpty()) {
          return reject(Reason.UNKNOWN_SERVICE, "No service '" + s + "' at this branch");
        }
        if (!c.skills().contains(s)) {
          return reject(Reason.NOT_SKILLED, c.staff() + " is not skilled for '" + s + "'");
        }
      }
      if (desk.mode() != Desk.Mode.CLOSED && !desk.staff().equals(c.staff())) {
        return reject(Reason.DESK_OCCUPIED, "The desk is open for " + desk.staff());
      }
      draft.emit(new Event.DeskOpened(c.desk(), c.staff(), c.services()));
      return OK;
    }

    @Override
    public Optional<Rejection> pauseDesk(PauseDesk c) {
      return atOwnDesk(c.desk(), c.staff()).or(() -> pause(c.desk(), c.reason(), c.waiting()));
    }

    private Optional<Rejection> pause(String deskId, String reason, WaitingChoice waiting) {
      Desk desk = state().desks().get(deskId);
      if (desk.mode() == Desk.Mode.PAUSED) {
        return reject(Reason.DESK_PAUSED, "The desk is already paused");
      }
      if (desk.current() != null) {
        return reject(Reason.DESK_BUSY, "Finish the current ticket first");
      }
      return leaving(deskId, waiting).or(() -> {
        draft.emit(new Event.DeskPaused(deskId, reason));
        return OK;
      });
    }

    /** Emits what the choice makes of the citizens the desk leaves with no open desk, or refuses. */
    private Optional<Rejection> leaving(String deskId, WaitingChoice waiting) {
      Unserved.Decided decided = Unserved.decide(state(), deskId, waiting);
      decided.events().forEach(draft::emit);
      return decided.rejection();
    }

    @Override
    public Optional<Rejection> resumeDesk(ResumeDesk c) {
      return atOwnDesk(c.desk(), c.staff()).or(() -> {
        if (state().desks().get(c.desk()).mode() != Desk.Mode.PAUSED) {
          return reject(Reason.DESK_NOT_PAUSED, "The desk is not paused");
        }
        draft.emit(new Event.DeskResumed(c.desk()));
        return OK;
      });
    }

    @Override
    public Optional<Rejection> closeDesk(CloseDesk c) {
      return atOwnDesk(c.desk(), c.staff()).or(() -> close(c.desk(), c.waiting()));
    }

    private Optional<Rejection> close(String deskId, WaitingChoice waiting) {
      if (state().desks().get(deskId).current() != null) {
        return reject(Reason.DESK_BUSY, "Finish the current ticket first");
      }
      return leaving(deskId, waiting).or(() -> {
        draft.emit(new Event.DeskClosed(deskId));
        return OK;
      });
    }

    @Override
    public Optional<Rejection> signOut(SignOut c) {
      return atOwnDesk(c.desk(), c.staff()).or(() -> {
        if (c.closesAt() == null) {
          return reject(Reason.INVALID, "closesAt is required");
        }
        draft.emit(new Event.DeskSignedOut(c.desk(), c.closesAt()));
        return OK;
      });
    }

    /** Whoever works the desk: the caller is a supervisor of the branch (the adapter checks the role). */
    @Override
    public Optional<Rejection> supervise(Supervise c) {
      Desk desk = state().desks().get(c.desk());
      if (desk == null) {
        return reject(Reason.UNKNOWN_DESK, "No desk '" + c.desk() + "' at this branch");
      }
      if (desk.mode() == Desk.Mode.CLOSED) {
        return reject(Reason.DESK_CLOSED, "The desk is closed");
      }
      switch (c.action()) {
        case PAUSE:
          return pause(c.desk(), c.reason(), c.waiting());
        case CLOSE:
          return close(c.desk(), c.waiting());
        default:
          List<String> services = desk.services().stream().filter(c.skills()::contains).toList();
          if (services.isEmpty()) {
            return reject(Reason.NOT_SKILLED, c.staff() + " is not skilled for any service of the desk");
          }
          draft.emit(new Event.DeskTakenOver(c.desk(), c.staff(), services));
          return OK;
      }
    }

    @Override
    public Optional<Rejection> callNext(CallNext c) {
      return freeToCall(c.desk(), c.staff()).or(() -> {
        Desk desk = state().desks().get(c.desk());
        CallPolicy.next(state(), desk.services(), draft.at).ifPresent(t ->
            draft.emit(new Event.TicketCalled(t.id(), c.desk(), t.number(), t.service())));
        return OK;
      });
    }

    /** The staff member's own desk, open and with nobody at it. */
    private Optional<Rejection> freeToCall(String deskId, String staff) {
      return atOwnDesk(deskId, staff).or(() -> {
        Desk desk = state().desks().get(deskId);
        if (desk.mode() == Desk.Mode.PAUSED) {
          return reject(Reason.DESK_PAUSED, "The desk is paused");
        }
        return desk.current() != null ? reject(Reason.DESK_BUSY, "Finish the current ticket first") : OK;
      });
    }

    @Override
    public Optional<Rejection> callTicket(CallTicket c) {
      return freeToCall(c.desk(), c.staff()).or(() -> {
        Desk desk = state().desks().get(c.desk());
        Ticket t = state().tickets().get(c.ticketId());
        if (t == null) {
          return state().ticket(c.ticketId()).isPresent()
              ? reject(Reason.TICKET_FINISHED, "The ticket has already ended")
              : reject(Reason.UNKNOWN_TICKET, "No ticket '" + c.ticketId() + "'");
        }
        if (t.state() != TicketState.WAITING) {
          return reject(Reason.TICKET_NOT_WAITING, t.number() + " is not waiting");
        }
        if (!desk.services().contains(t.service())) {
          return reject(Reason.NOT_DESK_SERVICE, t.number() + " waits for '" + t.service() + "', not served at this desk");
        }
        boolean inTurn = CallPolicy.next(state(), desk.services(), draft.at).map(n -> n.id().equals(t.id())).orElse(false);
        draft.emit(new Event.TicketCalled(t.id(), c.desk(), t.number(), t.service()));
        if (!inTurn) {
          draft.emit(new Event.CalledOutOfTurn(t.id(), c.desk(), c.staff()));
        }
        return OK;
      });
    }

    @Override
    public Optional<Rejection> undo(Undo c) {
      return freeToCall(c.desk(), c.staff()).or(() -> {
        Optional<Ticket> last = state().finished().stream().filter(t -> c.desk().equals(t.desk())).findFirst()
            .filter(t -> (t.state() == TicketState.NO_SHOW || t.state() == TicketState.DONE)
                && !t.endedAt().plus(UNDO_WITHIN).isBefore(draft.at));
        if (last.isEmpty()) {
          return reject(Reason.NOTHING_TO_UNDO, "No no-show or done of this desk in the last "
              + UNDO_WITHIN.toMinutes() + " minutes");
        }
        draft.emit(new Event.TicketReopened(last.get().id(), c.desk()));
        return OK;
      });
    }

    @Override
    public Optional<Rejection> recall(Recall c) {
      return withCalled(c.desk(), c.staff(), t ->
          draft.emit(new Event.TicketRecalled(t.id(), c.desk(), t.number(), t.service())));
    }

    @Override
    public Optional<Rejection> startService(StartService c) {
      return withCalled(c.desk(), c.staff(), t -> draft.emit(new Event.ServiceStarted(t.id(), c.desk())));
    }

    @Override
    public Optional<Rejection> noShow(NoShow c) {
      return withCalled(c.desk(), c.staff(), t -> draft.emit(new Event.TicketNoShow(t.id(), c.desk())));
    }

    @Override
    public Optional<Rejection> finishService(FinishService c) {
      return withCurrent(c.desk(), c.staff()).or(() -> {
        Ticket t = currentOf(c.desk());
        if (t.state() != TicketState.SERVING) {
          return reject(Reason.NOT_SERVING, "Start serving the ticket first");
        }
        draft.emit(new Event.TicketDone(t.id(), c.desk(), c.outcome()));
        return OK;
      });
    }

    @Override
    public Optional<Rejection> transfer(Transfer c) {
      return withCurrent(c.desk(), c.staff()).or(() -> {
        if (state().def().service(c.service()).isEmpty()) {
          return reject(Reason.UNKNOWN_SERVICE, "No service '" + c.service() + "' at this branch");
        }
        if (c.placement() == null) {
          return reject(Reason.INVALID, "placement must be first, last or by-issue-time");
        }
        if (!Availability.isAvailable(state(), c.service(), draft.at)) {
          return reject(Reason.SERVICE_UNAVAILABLE, "Nobody serves '" + c.service() + "' here now");
        }
        Ticket t = currentOf(c.desk());
        draft.emit(new Event.TicketTransferred(t.id(), c.desk(), t.service(), c.service(), c.placement()));
        return OK;
      });
    }

    @Override
    public Optional<Rejection> appointment(Command.Appointment c) {
      return draft.bookingRules().decide(c.request());
    }

    @Override
    public Optional<Rejection> move(Command.Move c) {
      Optional<Rejection> desk = c.request() instanceof MoveRequest.OfTicket r ? atOwnDesk(r.desk(), r.staff()) : OK;
      return desk.or(() -> Moves.decide(state(), c.request(), draft::emit));
    }

    @Override
    public Optional<Rejection> tick(Tick c) {
      return OK;
    }

    @Override
    public Optional<Rejection> changeConfig(ChangeConfig c) {
      BranchDef now = state().def();
      BranchDef next = c.def();
      if (!next.id().equals(now.id())) {
        return reject(Reason.INVALID, "The configuration is of branch '" + next.id() + "', not '" + now.id() + "'");
      }
      if (next.equals(now)) {
        return OK;
      }
      List<String> inUse = new ArrayList<>();
      for (DeskDef d : now.desks()) {
        Desk desk = state().desks().get(d.id());
        if (next.desk(d.id()).isEmpty() && desk != null && desk.mode() != Desk.Mode.CLOSED) {
          inUse.add("desk '" + d.id() + "' is open");
        }
      }
      for (ServiceDef s : now.services()) {
        if (next.service(s.id()).isPresent()) {
          continue;
        }
        long tickets = state().tickets().values().stream().filter(t -> t.service().equals(s.id())).count();
        if (tickets > 0) {
          inUse.add("service '" + s.id() + "' has " + tickets + " ticket(s) in progress");
        }
        state().desks().values().stream().filter(d -> d.mode() != Desk.Mode.CLOSED && d.services().contains(s.id()))
            .forEach(d -> inUse.add("service '" + s.id() + "' is served at desk '" + d.id() + "'"));
      }
      if (!inUse.isEmpty()) {
        return reject(Reason.IN_USE, "The new configuration removes what is in use: " + String.join("; ", inUse)
            + ". Close the desk or wait until the service's tickets are finished, then apply it again.");
      }
      draft.emit(new Event.ConfigChanged(next));
      return OK;
    }

    /** The desk exists, is open or paused, and belongs to this staff member. */
    private Optional<Rejection> atOwnDesk(String deskId, String staff) {
      Desk desk = state().desks().get(deskId);
      if (desk == null) {
        return reject(Reason.UNKNOWN_DESK, "No desk '" + deskId + "' at this branch");
      }
      if (desk.mode() == Desk.Mode.CLOSED) {
        return reject(Reason.DESK_CLOSED, "The desk is closed");
      }
      if (!desk.staff().equals(staff)) {
        return reject(Reason.NOT_YOUR_DESK, "The desk is open for " + desk.staff());
      }
      return OK;
    }

    private Optional<Rejection> withCurrent(String deskId, String staff) {
      return atOwnDesk(deskId, staff).or(() -> state().desks().get(deskId).current() == null
          ? reject(Reason.NO_CURRENT_TICKET, "The desk has no current ticket")
          : OK);
    }

    /** The desk's current ticket is called and not yet served. */
    private Optional<Rejection> withCalled(String deskId, String staff, java.util.function.Consumer<Ticket> then) {
      return withCurrent(deskId, staff).or(() -> {
        Ticket t = currentOf(deskId);
        if (t.state() == TicketState.SERVING) {
          return reject(Reason.ALREADY_SERVING, "The ticket is already being served");
        }
        then.accept(t);
        return OK;
      });
    }

    private Ticket currentOf(String deskId) {
      return state().tickets().get(state().desks().get(deskId).current());
    }
  }
}
