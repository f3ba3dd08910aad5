package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * One booked time. The only place that holds personal data (name, and a phone number or e-mail
 * address if given), for staff alone; dropped {@link BookingDef#keepDays} after the appointment.
 *
 * @param secret  the holder's secret: the private link to see, move or cancel it
 * @param code    the short code typed or scanned at the kiosk
 * @param ticket  the ticket it became at check-in, or null
 * @param remindedFor the booked time the holder was last sent a reminder of, or null
 */
public record Booking(String secret, String code, String service, Instant start, Contact contact, String language,
                      State state, Instant bookedAt, String ticket, Instant changedAt, Instant remindedFor)
    implements Serializable {

  /** A booking not reminded of yet. */
  public Booking(String secret, String code, String service, Instant start, Contact contact, String language,
                 State state, Instant bookedAt, String ticket, Instant changedAt) {
    this(secret, code, service, start, contact, language, state, bookedAt, ticket, changedAt, null);
  }

  /** The characters of a booking code: none that can be mistaken for another (no 0/O, 1/I, 2/Z, 5/S, 8/B). */
  public static final String CODE_ALPHABET = "ACDEFHJKLMNPRTUVWXY34679";
  public static final int CODE_LENGTH = 6;

  public enum State { BOOKED, CHECKED_IN, CANCELLED, NO_SHOW }

  /** The citizen's name and, if given, a phone number or e-mail address for a reminder. No CPR number. */
  public record Contact(String name, String phone, String email) implements Serializable {
    @Override
    public String toString() {
      return "Contact[personal data]";
    }
  }

  /** Whether it holds its place in its slot. */
  public boolean holdsPlace() {
    return state == State.BOOKED || state == State.CHECKED_IN;
  }

  Booking with(State next, String ticketId, Instant at) {
    return new Booking(secret, code, service, start, contact, language, next, bookedAt, ticketId, at, remindedFor);
  }

  Booking remindedOf(Instant time) {
    return new Booking(secret, code, service, start, contact, language, state, bookedAt, ticket, changedAt, time);
  }

  Booking movedTo(Instant newStart, Instant at) {
    return new Booking(secret, code, service, newStart, contact, language, state, bookedAt, ticket, at, remindedFor);
  }
}
