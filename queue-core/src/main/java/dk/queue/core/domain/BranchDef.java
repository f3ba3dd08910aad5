package dk.queue.core.domain;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A branch (betjeningssted) as configured: its services with their hours, and its desks.
 *
 * @param maxWaitingPerService the most tickets that may wait for one service; past it a ticket is
 *                             refused ({@code queue_full})
 * @param closedDays           the branch's closed days and days of special hours; every service's
 *                             hours keep them
 */
public record BranchDef(String id, String name, ZoneId zone, List<ServiceDef> services, List<DeskDef> desks,
                        int maxWaitingPerService, ClosedDays closedDays) implements Serializable {
  /** The default of {@link #maxWaitingPerService}: as many as three-digit numbers go. */
  public static final int DEFAULT_MAX_WAITING = 999;

  public BranchDef {
    ClosedDays days = closedDays == null ? ClosedDays.NONE : closedDays;
    closedDays = days;
    services = services.stream()
        .map(s -> s.hours().closed().equals(days) ? s : s.withHours(s.hours().withClosedDays(days))).toList();
    desks = List.copyOf(desks);
    if (maxWaitingPerService < 1) {
      throw new IllegalArgumentException("maxWaitingPerService must be at least 1");
    }
  }

  /** A branch without closed days. */
  public BranchDef(String id, String name, ZoneId zone, List<ServiceDef> services, List<DeskDef> desks,
                   int maxWaitingPerService) {
    this(id, name, zone, services, desks, maxWaitingPerService, ClosedDays.NONE);
  }

  /** The same branch with other closed days and days of special hours. */
  public BranchDef withClosedDays(ClosedDays days) {
    return new BranchDef(id, name, zone, services, desks, maxWaitingPerService, days);
  }

  /** A branch with the default cap on the number waiting per service. */
  public BranchDef(String id, String name, ZoneId zone, List<ServiceDef> services, List<DeskDef> desks) {
    this(id, name, zone, services, desks, DEFAULT_MAX_WAITING);
  }

  public Optional<ServiceDef> service(String serviceId) {
    return services.stream().filter(s -> s.id().equals(serviceId)).findFirst();
  }

  public Optional<DeskDef> desk(String deskId) {
    return desks.stream().filter(d -> d.id().equals(deskId)).findFirst();
  }
}
