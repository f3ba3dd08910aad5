package dk.queue.core.domain;

import dk.queue.core.domain.Rejection.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Citizens nobody serves: those waiting for a service that no open, un-paused desk serves now, and
 * those a desk would leave so if it closed or paused. A desk that would leave anybody so closes or
 * pauses only with a {@link WaitingChoice}; the machine emits what the choice makes of them.
 */
public final class Unserved {
  /** The ticket state code of a ticket ended by a {@link WaitingChoice.Kind#END}. */
  public static final String WITHDRAWN = "withdrawn";

  private Unserved() {}

  /** A service left with nobody to serve it, and how many wait for it. */
  public record Left(String service, int waiting) {}

  /** Whether citizens wait for the service and no open, un-paused desk serves it. */
  public static boolean nobodyServes(BranchState state, String service) {
    return !state.queue(service).isEmpty() && Availability.openDesksServing(state, service) == 0;
  }

  /**
   * The services with citizens waiting that only this desk serves now, in the branch's order: what
   * closing or pausing it would leave unserved. Empty when the desk is not open or serves no such service.
   */
  public static List<Left> leftBehind(BranchState state, String deskId) {
    Desk desk = state.desks().get(deskId);
    if (desk == null || !desk.staffedAndOpen()) {
      return List.of();
    }
    List<Left> left = new ArrayList<>();
    for (ServiceDef s : state.def().services()) {
      int waiting = state.queue(s.id()).size();
      if (waiting > 0 && desk.services().contains(s.id()) && Availability.openDesksServing(state, s.id()) == 1) {
        left.add(new Left(s.id(), waiting));
      }
    }
    return left;
  }

  /**
   * What closing or pausing the desk does to those it leaves unserved: the events to emit before
   * the desk closes or pauses, or why it may not.
   */
  static Decided decide(BranchState state, String deskId, WaitingChoice choice) {
    List<Left> left = leftBehind(state, deskId);
    if (left.isEmpty()) {
      return new Decided(List.of(), Optional.empty());
    }
    if (choice == null || choice.kind() == null) {
      return rejected(Reason.WOULD_LEAVE_WAITING, "Nobody else serves " + left.stream()
          .map(l -> l.service() + " (" + l.waiting() + " waiting)").collect(Collectors.joining(", "))
          + ": choose whether they keep waiting, move to another service or have their tickets ended");
    }
    List<Event> events = new ArrayList<>();
    switch (choice.kind()) {
      case KEEP:
        break;
      case MOVE:
        if (choice.toOtherBranch(state.def().id())) {
          if (choice.service() == null) {
            return rejected(Reason.UNKNOWN_SERVICE, "No service named at " + choice.branch());
          }
          // The other branch's caps and hours were checked before (Moves.refusal): this branch cannot see them.
          List<Ticket> waiting = new ArrayList<>();
          forEachWaiting(state, left, waiting::add);
          waiting.stream().sorted(java.util.Comparator.comparing(Ticket::issuedAt).thenComparing(Ticket::id))
              .forEach(t -> events.add(Moves.out(t, choice.branch(), choice.service())));
          break;
        }
        String to = choice.service();
        if (to == null || state.def().service(to).isEmpty()) {
          return rejected(Reason.UNKNOWN_SERVICE, "No service '" + to + "' at this branch");
        }
        if (left.stream().anyMatch(l -> l.service().equals(to)) || servedElsewhere(state, deskId, to) == 0) {
          return rejected(Reason.SERVICE_UNAVAILABLE, "No other open desk serves '" + to + "' now");
        }
        forEachWaiting(state, left, t ->
            events.add(new Event.TicketTransferred(t.id(), deskId, t.service(), to, Placement.BY_ISSUE_TIME)));
        break;
      default:
        String message = choice.message() == null ? "" : choice.message().strip();
        if (message.isEmpty() || message.length() > WaitingChoice.MESSAGE_MAX) {
          return rejected(Reason.INVALID, "message: 1 to " + WaitingChoice.MESSAGE_MAX + " characters for the citizens' phones");
        }
        forEachWaiting(state, left, t ->
            events.add(new Event.TicketCancelled(t.id(), WITHDRAWN, t.service(), message)));
        break;
    }
    return new Decided(events, Optional.empty());
  }

  /** The events, or the rejection. */
  record Decided(List<Event> events, Optional<Rejection> rejection) {}

  private static Decided rejected(Reason reason, String message) {
    return new Decided(List.of(), Optional.of(Rejection.of(reason, message)));
  }

  private static long servedElsewhere(BranchState state, String deskId, String service) {
    return state.desks().values().stream()
        .filter(d -> !d.id().equals(deskId) && d.staffedAndOpen() && d.services().contains(service)).count();
  }

  private static void forEachWaiting(BranchState state, List<Left> left, java.util.function.Consumer<Ticket> action) {
    for (Left l : left) {
      state.queue(l.service()).stream().map(state.tickets()::get).forEach(action);
    }
  }

  /** Whether a ticket waits and nobody serves its service now. */
  public static boolean nobodyServes(BranchState state, Ticket ticket) {
    return ticket.state() == TicketState.WAITING && Availability.openDesksServing(state, ticket.service()) == 0;
  }

}
