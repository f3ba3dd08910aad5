package dk.queue.core.domain;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Which services are available now. A service is available at a branch when it is within its
 * opening hours there and at least one open, un-paused desk serves it (a desk's services are
 * always within the skills of the staff member who opened it).
 */
public final class Availability {
  private Availability() {}

  public static List<String> compute(BranchState state, Instant now) {
    ZonedDateTime local = now.atZone(state.def().zone());
    return state.def().services().stream()
        .filter(s -> s.hours().isOpen(local) && openDesksServing(state, s.id()) > 0)
        .map(ServiceDef::id)
        .toList();
  }

  public static boolean isAvailable(BranchState state, String serviceId, Instant now) {
    return compute(state, now).contains(serviceId);
  }

  /** Desks open and not paused that serve the service. */
  public static long openDesksServing(BranchState state, String serviceId) {
    return state.desks().values().stream()
        .filter(d -> d.staffedAndOpen() && d.services().contains(serviceId))
        .count();
  }
}
