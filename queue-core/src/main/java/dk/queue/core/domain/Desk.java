package dk.queue.core.domain;

import java.io.Serializable;
import java.util.List;

/**
 * A desk during the day.
 *
 * @param services the services it serves, in priority order; empty when closed
 * @param current  the ticket called to or served at the desk, or null
 */
public record Desk(String id, String name, Mode mode, String staff, List<String> services, String current,
                   String pauseReason) implements Serializable {

  /** What staff set; calling/serving is derived from the current ticket. */
  public enum Mode { CLOSED, OPEN, PAUSED }

  public Desk {
    services = List.copyOf(services);
  }

  public static Desk closed(DeskDef def) {
    return new Desk(def.id(), def.name(), Mode.CLOSED, null, List.of(), null, null);
  }

  public Desk opened(String staffUser, List<String> serviceIds) {
    return new Desk(id, name, Mode.OPEN, staffUser, serviceIds, current, null);
  }

  public Desk paused(String reason) {
    return new Desk(id, name, Mode.PAUSED, staff, services, current, reason);
  }

  public Desk resumed() {
    return new Desk(id, name, Mode.OPEN, staff, services, current, null);
  }

  public Desk closed() {
    return new Desk(id, name, Mode.CLOSED, null, List.of(), null, null);
  }

  public Desk withCurrent(String ticketId) {
    return new Desk(id, name, mode, staff, services, ticketId, pauseReason);
  }

  /** Open and not paused: able to call and counted for "available now". */
  public boolean staffedAndOpen() {
    return mode == Mode.OPEN;
  }
}
