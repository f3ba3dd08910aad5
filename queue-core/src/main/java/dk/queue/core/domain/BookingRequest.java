package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;

/** What a citizen or staff member asks of a branch's bookings; carried by {@link Command.Appointment}. */
public sealed interface BookingRequest extends Serializable {

  <R> R accept(Handler<R> h);

  /** One method per request. */
  interface Handler<R> {
    R book(Book b);

    R move(Move m);

    R cancel(Cancel c);

    R checkIn(CheckIn c);

    R markNoShow(MarkNoShow n);

    R remind(Remind r);

    R importBookings(Import i);
  }

  /** Book a slot. {@code secret} and {@code code} are new, chosen by the node that took the request. */
  record Book(String secret, String code, String service, Instant start, Booking.Contact contact, String language)
      implements BookingRequest {
    public <R> R accept(Handler<R> h) {
      return h.book(this);
    }
  }

  record Move(String secret, Instant start) implements BookingRequest {
    public <R> R accept(Handler<R> h) {
      return h.move(this);
    }
  }

  record Cancel(String secret) implements BookingRequest {
    public <R> R accept(Handler<R> h) {
      return h.cancel(this);
    }
  }

  /** At the kiosk: the booking with this code becomes ticket {@code ticketId}. */
  record CheckIn(String code, String ticketId) implements BookingRequest {
    public <R> R accept(Handler<R> h) {
      return h.checkIn(this);
    }
  }

  /** Staff mark a booking not checked in after its time as a no-show. */
  record MarkNoShow(String code) implements BookingRequest {
    public <R> R accept(Handler<R> h) {
      return h.markNoShow(this);
    }
  }

  /** A reminder of the booked time {@code start} was sent: record it, so that it is sent once. */
  record Remind(String secret, Instant start) implements BookingRequest {
    public <R> R accept(Handler<R> h) {
      return h.remind(this);
    }
  }

  /**
   * Bookings made in another system, taken all or none: each row is booked as {@link Book} is,
   * in order, so that capacity counts the rows before it; a row whose secret is booked already
   * (imported before) is left as it is.
   */
  record Import(java.util.List<Book> rows) implements BookingRequest {
    public Import {
      rows = java.util.List.copyOf(rows);
    }

    public <R> R accept(Handler<R> h) {
      return h.importBookings(this);
    }
  }
}
