package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * A ticket moving to another branch; carried by {@link Event.Moved}. A move is two writes, one in
 * each branch's log: {@link Out} in the source (the ticket ends there and the move waits, with the
 * destination and the new ticket's id), {@link In} in the destination (the new ticket), and
 * {@link Confirmed} back in the source once the destination has it ({@link Moves}).
 */
public sealed interface MoveEvent extends Serializable {

  <R> R accept(Visitor<R> v);

  /** One method per move event. */
  interface Visitor<R> {
    R out(Out e);

    R in(In e);

    R confirmed(Confirmed e);
  }

  /**
   * The ticket leaves this branch for {@code toService} at {@code toBranch}, where it is to be
   * {@code newTicket}: its id is derived from this ticket's, so that every retry issues the same one.
   */
  record Out(String ticket, String fromService, String toBranch, String toService, String newTicket)
      implements MoveEvent {
    public <R> R accept(Visitor<R> v) {
      return v.out(this);
    }
  }

  /**
   * A ticket moved here from {@code fromBranch}: placed by the time its holder took the first
   * ticket ({@code issuedAt}), numbered in this branch's series.
   */
  record In(String ticket, String service, String number, String fromBranch, String fromTicket, Instant issuedAt,
            String language) implements MoveEvent {
    public <R> R accept(Visitor<R> v) {
      return v.in(this);
    }
  }

  /** The destination has the moved ticket, with {@code number}: the move is done. */
  record Confirmed(String ticket, String number) implements MoveEvent {
    public <R> R accept(Visitor<R> v) {
      return v.confirmed(this);
    }
  }
}
