package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;

/** A request about moving tickets between branches; carried by {@link Command.Move}. */
public sealed interface MoveRequest extends Serializable {

  <R> R accept(Handler<R> h);

  /** One method per request. */
  interface Handler<R> {
    R ticket(OfTicket r);

    R in(In r);

    R confirm(Confirm r);
  }

  /** At the source: the desk moves a waiting ticket, or the one it has called, to another branch's service. */
  record OfTicket(String desk, String staff, String ticket, String toBranch, String toService) implements MoveRequest {
    public <R> R accept(Handler<R> h) {
      return h.ticket(this);
    }
  }

  /** At the destination: take in the moved ticket (idempotent: the same {@code ticket} again does nothing). */
  record In(String ticket, String service, String fromBranch, String fromTicket, Instant issuedAt, String language)
      implements MoveRequest {
    public <R> R accept(Handler<R> h) {
      return h.in(this);
    }
  }

  /** At the source: the destination has the moved ticket as {@code number}. */
  record Confirm(String ticket, String number) implements MoveRequest {
    public <R> R accept(Handler<R> h) {
      return h.confirm(this);
    }
  }
}
