package dk.queue.core.domain;

import java.util.OptionalLong;

/**
 * The expected wait for a place in a service's queue.
 *
 * <p>With {@code n} open desks serving the service, {@code idle} of them without a current ticket,
 * and a mean service time {@code m} (today's measured mean, or the configured expected time
 * before any is measured), the ticket at position {@code p} (1 = next) waits about
 * {@code ceil(max(0, p - idle) / n) * m}. Nothing is estimated when no desk serves the service.
 */
public final class WaitEstimator {
  private WaitEstimator() {}

  public static OptionalLong seconds(BranchState state, String serviceId, int position) {
    long desks = Availability.openDesksServing(state, serviceId);
    if (desks == 0) {
      return OptionalLong.empty();
    }
    long idle = state.desks().values().stream()
        .filter(d -> d.staffedAndOpen() && d.services().contains(serviceId) && d.current() == null)
        .count();
    long ahead = Math.max(0, position - idle);
    long rounds = (ahead + desks - 1) / desks;
    return OptionalLong.of(rounds * meanServiceSeconds(state, serviceId));
  }

  public static long meanServiceSeconds(BranchState state, String serviceId) {
    HandlingStats h = state.handling(serviceId);
    if (h.served() > 0) {
      return h.totalSeconds() / h.served();
    }
    return state.def().service(serviceId).map(ServiceDef::serviceSeconds).orElse(300);
  }
}
