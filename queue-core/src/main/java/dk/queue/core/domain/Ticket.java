package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * A ticket. Carries no personal data.
 *
 * @param queuedAt  when it entered its current queue (issue time, or the time of its last transfer)
 * @param movedFrom the service it waited for before its last transfer, or null
 * @param message   for a ticket ended by staff ({@link Unserved#WITHDRAWN}), what its holder's phone shows
 */
public record Ticket(
    String id,
    String number,
    String service,
    Channel channel,
    String language,
    TicketState state,
    Instant issuedAt,
    Instant queuedAt,
    String desk,
    Instant calledAt,
    Instant startedAt,
    Instant endedAt,
    String outcome,
    String movedFrom,
    String message) implements Serializable {

  public Ticket(String id, String number, String service, Channel channel, String language, TicketState state,
                Instant issuedAt, Instant queuedAt, String desk, Instant calledAt, Instant startedAt, Instant endedAt,
                String outcome) {
    this(id, number, service, channel, language, state, issuedAt, queuedAt, desk, calledAt, startedAt, endedAt,
        outcome, null, null);
  }

  /** The characters of a ticket id's random part: base 32 without i, l, o, u. */
  public static final String ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

  /**
   * A ticket id derived from {@code seed}: the branch id, a hyphen and 16 base-32 characters of the
   * seed's SHA-256, so the same seed always gives the same id, as unguessable as the seed.
   */
  public static String derivedId(String branch, String seed) {
    byte[] hash;
    try {
      hash = java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    char[] token = new char[16];
    for (int i = 0; i < token.length; i++) {
      token[i] = ID_ALPHABET.charAt((hash[i] & 0xff) % ID_ALPHABET.length());
    }
    return branch + "-" + new String(token);
  }

  public static Ticket issued(String id, String number, String service, Channel channel, String language, Instant at) {
    return new Ticket(id, number, service, channel, language, TicketState.WAITING, at, at, null, null, null, null, null);
  }

  public Ticket called(String deskId, Instant at) {
    return new Ticket(id, number, service, channel, language, TicketState.CALLED, issuedAt, queuedAt, deskId, at, null, null, null,
        movedFrom, null);
  }

  public Ticket serving(Instant at) {
    return new Ticket(id, number, service, channel, language, TicketState.SERVING, issuedAt, queuedAt, desk, calledAt, at, null, null,
        movedFrom, null);
  }

  public Ticket ended(TicketState end, String outcomeCode, Instant at) {
    return ended(end, outcomeCode, null, at);
  }

  /** Ended, with a message for its holder (or null). */
  public Ticket ended(TicketState end, String outcomeCode, String endMessage, Instant at) {
    return new Ticket(id, number, service, channel, language, end, issuedAt, queuedAt, desk, calledAt, startedAt, at, outcomeCode,
        movedFrom, endMessage);
  }

  /** A no-show or done taken back: at its desk again, called or served as it was. */
  public Ticket reopened() {
    TicketState back = state == TicketState.DONE ? TicketState.SERVING : TicketState.CALLED;
    return new Ticket(id, number, service, channel, language, back, issuedAt, queuedAt, desk, calledAt,
        back == TicketState.SERVING ? startedAt : null, null, null, movedFrom, null);
  }

  public Ticket requeued(String toService, Instant at) {
    return new Ticket(id, number, toService, channel, language, TicketState.WAITING, issuedAt, at, null, null, null, null, null,
        service, null);
  }
}
