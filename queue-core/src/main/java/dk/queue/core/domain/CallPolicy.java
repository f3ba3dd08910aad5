package dk.queue.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which ticket a desk calls next.
 *
 * <ol>
 *   <li>Overdue first: if the oldest ticket of any of the desk's services has waited longer than
 *       that service's target wait, the desk calls it; among several, the one whose service comes
 *       first in the desk's priority order.</li>
 *   <li>Otherwise the desk's services in its priority order: the oldest ticket of the first
 *       service that has anyone waiting.</li>
 * </ol>
 * Before both, the checked-in bookings whose time has come, earliest booked time first; bookings
 * checked in early are called after everyone else.
 * Within a service the order is the queue's order: issue order, changed only by transfers placed
 * first or by issue time. The wait of a transferred ticket counts from its transfer.
 */
public final class CallPolicy {
  private CallPolicy() {}

  public static Optional<Ticket> next(BranchState state, List<String> deskServices, Instant now) {
    return order(state, deskServices, now, 1).stream().findFirst();
  }

  /**
   * The tickets a desk serving {@code services} (in priority order) would call, in that order, at
   * most {@code limit}: at each step the overdue head of the first such service, else the head of
   * the first service with anyone waiting (as if nobody joined meanwhile).
   */
  public static List<Ticket> order(BranchState state, List<String> services, Instant now, int limit) {
    int[] taken = new int[services.size()];
    List<Ticket> booked = BookedTickets.waiting(state, services);
    List<Ticket> order = new ArrayList<>(BookedTickets.due(state, booked, now, limit));
    while (order.size() < limit) {
      int pick = -1;
      for (int i = 0; i < services.size() && pick < 0; i++) {
        Optional<Ticket> head = head(state, services.get(i), taken[i]);
        int target = state.def().service(services.get(i)).map(ServiceDef::targetWaitSeconds).orElse(Integer.MAX_VALUE);
        if (head.isPresent() && Duration.between(head.get().queuedAt(), now).getSeconds() > target) {
          pick = i;
        }
      }
      for (int i = 0; i < services.size() && pick < 0; i++) {
        if (head(state, services.get(i), taken[i]).isPresent()) {
          pick = i;
        }
      }
      if (pick < 0) {
        break;
      }
      order.add(head(state, services.get(pick), taken[pick]).orElseThrow());
      taken[pick]++;
    }
    // Walk-ins fill the gaps: with nobody else waiting, a booking checked in early is called early.
    for (Ticket t : booked) {
      if (order.size() < limit && !order.contains(t)) {
        order.add(t);
      }
    }
    return order;
  }

  private static Optional<Ticket> head(BranchState state, String service, int skip) {
    List<String> queue = state.queue(service);
    return skip < queue.size() ? Optional.of(state.tickets().get(queue.get(skip))) : Optional.empty();
  }
}
