package dk.queue.core.domain;

import dk.queue.core.domain.Rejection.Reason;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moving tickets to another branch. Each branch has its own single writer, so a move is two
 * writes: the source records it ({@link MoveEvent.Out}: the ticket ends there, the move waits with
 * the destination and the new ticket's id, derived from the old one), its owner then has the
 * destination take the ticket in ({@link MoveRequest.In}, idempotent by that id) and records it done
 * ({@link MoveEvent.Confirmed}). A move waiting in the replicated state is finished by whichever
 * member owns the source branch, so a node that dies between the two writes loses no ticket.
 */
public final class Moves {
  /** The ticket state code of a ticket that moved to another branch. */
  public static final String MOVED = "moved";

  private Moves() {}

  /**
   * A ticket moved out of the branch today.
   *
   * @param newNumber its number at the destination, once the destination has it; null while the move waits
   */
  public record Move(String ticket, String number, String fromService, String toBranch, String toService,
                     String newTicket, Instant issuedAt, String language, String newNumber) implements java.io.Serializable {
    public boolean pending() {
      return newNumber == null;
    }

    Move confirmed(String number) {
      return new Move(ticket, this.number, fromService, toBranch, toService, newTicket, issuedAt, language, number);
    }
  }

  /** The moves still waiting for their destination, oldest ticket first: the order they are issued there. */
  public static List<Move> pending(BranchState state) {
    return state.moves().values().stream().filter(Move::pending)
        .sorted(Comparator.comparing(Move::issuedAt).thenComparing(Move::ticket)).toList();
  }

  /**
   * The id of the ticket at {@code toBranch} that {@code ticket} becomes: the same for every retry,
   * as unguessable as the old id (it is derived from it), and with the destination's prefix so any
   * node finds its branch.
   */
  public static String newId(String toBranch, String ticket) {
    return Ticket.derivedId(toBranch, "move\n" + toBranch + "\n" + ticket);
  }

  /**
   * Why the destination cannot take {@code count} tickets for the service now, or empty: unknown,
   * by appointment only, closed or served by no open desk, or as many waiting as it allows. Checked
   * before the source writes anything, so that a refusal changes nothing.
   */
  public static Optional<Rejection> refusal(BranchState destination, String service, int count, Instant at) {
    Optional<ServiceDef> def = destination.def().service(service);
    String where = destination.def().name();
    if (def.isEmpty()) {
      return Optional.of(Rejection.of(Reason.UNKNOWN_SERVICE, "No service '" + service + "' at " + where));
    }
    if (def.get().appointmentOnly()) {
      return Optional.of(Rejection.of(Reason.SERVICE_UNAVAILABLE, def.get().name().en() + " is by appointment only at " + where));
    }
    if (!Availability.isAvailable(destination, service, at)) {
      return Optional.of(Rejection.of(Reason.SERVICE_UNAVAILABLE, "No open desk serves " + def.get().name().en()
          + " at " + where + " now"));
    }
    int waiting = destination.queue(service).size();
    if (waiting + count > destination.def().maxWaitingPerService()) {
      return Optional.of(Rejection.of(Reason.QUEUE_FULL, where + " takes at most " + destination.def().maxWaitingPerService()
          + " waiting for " + def.get().name().en() + "; " + waiting + " wait, " + count + " would come"));
    }
    return Optional.empty();
  }

  /** The event that moves this ticket out to the other branch's service. */
  static Event out(Ticket t, String toBranch, String toService) {
    return new Event.Moved(new MoveEvent.Out(t.id(), t.service(), toBranch, toService, newId(toBranch, t.id())));
  }

  /** The next number of the service at the branch: its letter and at least three digits. */
  static String nextNumber(BranchState state, ServiceDef service) {
    String digits = Integer.toString(state.lastNumber().getOrDefault(service.id(), 0) + 1);
    return service.letter() + "000".substring(Math.min(3, digits.length())) + digits;
  }

  /** The rules of the move requests: check, then emit. */
  static Optional<Rejection> decide(BranchState state, MoveRequest request, Consumer<Event> emit) {
    return request.accept(new MoveRequest.Handler<>() {
      public Optional<Rejection> ticket(MoveRequest.OfTicket r) {
        if (r.toBranch() == null || r.toBranch().equals(state.def().id()) || r.toService() == null) {
          return reject(Reason.INVALID, "branch and service: another branch's (a move within the branch is a transfer)");
        }
        Ticket t = state.tickets().get(r.ticket());
        if (t == null) {
          return state.ticket(r.ticket()).isPresent() ? reject(Reason.TICKET_FINISHED, "The ticket has already ended")
              : reject(Reason.UNKNOWN_TICKET, "No ticket '" + r.ticket() + "'");
        }
        boolean atThisDesk = t.state() == TicketState.CALLED && r.desk().equals(t.desk());
        if (t.state() != TicketState.WAITING && !atThisDesk) {
          return reject(Reason.TICKET_NOT_WAITING, t.number() + " is neither waiting nor called at this desk");
        }
        emit.accept(out(t, r.toBranch(), r.toService()));
        return Optional.empty();
      }

      public Optional<Rejection> in(MoveRequest.In r) {
        if (state.ticket(r.ticket()).isPresent()) {
          return Optional.empty(); // taken in already: a retry after the source's owner died, or a repeat
        }
        Optional<ServiceDef> service = state.def().service(r.service());
        if (service.isEmpty()) {
          return reject(Reason.UNKNOWN_SERVICE, "No service '" + r.service() + "' at this branch");
        }
        // Taken in even past the queue's cap: the source has let the ticket go, and checked the cap before.
        emit.accept(new Event.Moved(new MoveEvent.In(r.ticket(), r.service(), nextNumber(state, service.get()),
            r.fromBranch(), r.fromTicket(), r.issuedAt(), r.language())));
        return Optional.empty();
      }

      public Optional<Rejection> confirm(MoveRequest.Confirm r) {
        Move m = state.moves().get(r.ticket());
        if (m == null) {
          return reject(Reason.UNKNOWN_TICKET, "No move of ticket '" + r.ticket() + "'");
        }
        if (m.pending()) {
          emit.accept(new Event.Moved(new MoveEvent.Confirmed(r.ticket(), r.number())));
        }
        return Optional.empty();
      }
    });
  }

  private static Optional<Rejection> reject(Reason reason, String message) {
    return Optional.of(Rejection.of(reason, message));
  }
}
