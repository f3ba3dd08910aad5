package dk.queue.core.domain;

/** The life of a ticket. {@code WAITING}, {@code CALLED} and {@code SERVING} are active. */
public enum TicketState {
  WAITING, CALLED, SERVING, DONE, NO_SHOW, CANCELLED;

  public boolean active() {
    return this == WAITING || this == CALLED || this == SERVING;
  }
}
