package dk.queue.core.domain;

import java.time.Duration;
import java.time.Instant;
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
 * Within a service the order is the queue's order: issue order, changed only by transfers placed
 * first or by issue time. The wait of a transferred ticket counts from its transfer.
 */
public final class CallPolicy {
  private CallPolicy() {}

  public static Optional<Ticket> next(BranchState state, List<String> deskServices, Instant now) {
    for (String service : deskServices) {
      Optional<Ticket> head = head(state, service);
      int target = state.def().service(service).map(ServiceDef::targetWaitSeconds).orElse(Integer.MAX_VALUE);
      if (head.isPresent() && Duration.between(head.get().queuedAt(), now).getSeconds() > target) {
        return head;
      }
    }
    return deskServices.stream().map(s -> head(state, s)).flatMap(Optional::stream).findFirst();
  }

  private static Optional<Ticket> head(BranchState state, String service) {
    List<String> queue = state.queue(service);
    return queue.isEmpty() ? Optional.empty() : Optional.of(state.tickets().get(queue.get(0)));
  }
}
