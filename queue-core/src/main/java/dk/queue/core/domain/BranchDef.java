package dk.queue.core.domain;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A branch (betjeningssted) as configured: its services with their hours, and its desks. */
public record BranchDef(String id, String name, ZoneId zone, List<ServiceDef> services, List<DeskDef> desks)
    implements Serializable {
  public BranchDef {
    services = List.copyOf(services);
    desks = List.copyOf(desks);
  }

  public Optional<ServiceDef> service(String serviceId) {
    return services.stream().filter(s -> s.id().equals(serviceId)).findFirst();
  }

  public Optional<DeskDef> desk(String deskId) {
    return desks.stream().filter(d -> d.id().equals(deskId)).findFirst();
  }
}
