package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A desk during the day.
 *
 * @param services the services it serves, in priority order; empty when closed
 * @param current  the ticket called to or served at the desk, or null
 * @param lastKey    the idempotency key of the last command that changed the desk, or null: a command
 *                   sent again with it is recognised as a repeat
 * @param lastTicket the ticket that command was about, or null
 * @param closesAt   when a desk whose staff signed out closes by itself (it is paused until then), or null
 */
public record Desk(String id, String name, Mode mode, String staff, List<String> services, String current,
                   String pauseReason, String lastKey, String lastTicket, Instant closesAt) implements Serializable {

  /** The pause reason of a desk whose staff signed out, or whose session ended, without closing it. */
  public static final String SIGNED_OUT = "signed-out";

  /** What staff set; calling/serving is derived from the current ticket. */
  public enum Mode { CLOSED, OPEN, PAUSED }

  public Desk {
    services = List.copyOf(services);
  }

  public Desk(String id, String name, Mode mode, String staff, List<String> services, String current,
              String pauseReason) {
    this(id, name, mode, staff, services, current, pauseReason, null, null, null);
  }

  public Desk(String id, String name, Mode mode, String staff, List<String> services, String current,
              String pauseReason, String lastKey, String lastTicket) {
    this(id, name, mode, staff, services, current, pauseReason, lastKey, lastTicket, null);
  }

  /** The same desk, remembering the command with this key that was about this ticket. */
  public Desk withLast(String key, String ticket) {
    return new Desk(id, name, mode, staff, services, current, pauseReason, key, ticket, closesAt);
  }

  public static Desk closed(DeskDef def) {
    return new Desk(def.id(), def.name(), Mode.CLOSED, null, List.of(), null, null);
  }

  public Desk opened(String staffUser, List<String> serviceIds) {
    return new Desk(id, name, Mode.OPEN, staffUser, serviceIds, current, null, lastKey, lastTicket);
  }

  public Desk paused(String reason) {
    return new Desk(id, name, Mode.PAUSED, staff, services, current, reason, lastKey, lastTicket);
  }

  public Desk resumed() {
    return new Desk(id, name, Mode.OPEN, staff, services, current, null, lastKey, lastTicket);
  }

  public Desk closed() {
    return new Desk(id, name, Mode.CLOSED, null, List.of(), null, null, lastKey, lastTicket);
  }

  public Desk withCurrent(String ticketId) {
    return new Desk(id, name, mode, staff, services, ticketId, pauseReason, lastKey, lastTicket, closesAt);
  }

  /** Paused because its staff signed out; closes by itself at {@code at} unless someone takes it on. */
  public Desk signedOut(Instant at) {
    return new Desk(id, name, Mode.PAUSED, staff, services, current, SIGNED_OUT, lastKey, lastTicket, at);
  }

  /**
   * The same desk, now worked by {@code staffUser} with these services and its ticket: open again if
   * it was left signed out, else in the mode it was.
   */
  public Desk takenOver(String staffUser, List<String> serviceIds) {
    boolean left = SIGNED_OUT.equals(pauseReason);
    return new Desk(id, name, left ? Mode.OPEN : mode, staffUser, serviceIds, current, left ? null : pauseReason,
        lastKey, lastTicket, null);
  }

  /** Open and not paused: able to call and counted for "available now". */
  public boolean staffedAndOpen() {
    return mode == Mode.OPEN;
  }
}
