package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** What happened to a branch's bookings; carried by {@link Event.Appointment}. */
public sealed interface BookingEvent extends Serializable {

  <R> R accept(Visitor<R> v);

  /** One method per booking event. */
  interface Visitor<R> {
    R booked(Booked e);

    R moved(Moved e);

    R cancelled(Cancelled e);

    R checkedIn(CheckedIn e);

    R noShow(NoShow e);

    R carried(Carried e);

    /** A reminder went out; views that do not show reminders ignore it. */
    default R reminded(Reminded e) {
      return null;
    }
  }

  record Booked(Booking booking) implements BookingEvent {
    public <R> R accept(Visitor<R> v) {
      return v.booked(this);
    }
  }

  record Moved(String secret, Instant start) implements BookingEvent {
    public <R> R accept(Visitor<R> v) {
      return v.moved(this);
    }
  }

  record Cancelled(String secret) implements BookingEvent {
    public <R> R accept(Visitor<R> v) {
      return v.cancelled(this);
    }
  }

  /**
   * Checked in: the booking is now ticket {@code ticket} with {@code number}, of {@code service},
   * waiting for its booked time {@code start}.
   */
  record CheckedIn(String secret, String ticket, String number, String service, java.time.Instant start) implements BookingEvent {
    public <R> R accept(Visitor<R> v) {
      return v.checkedIn(this);
    }
  }

  record NoShow(String secret) implements BookingEvent {
    public <R> R accept(Visitor<R> v) {
      return v.noShow(this);
    }
  }

  /**
   * The holder was sent a reminder of the booked time {@code start} (by e-mail, SMS or both), so
   * that no member sends it again.
   */
  record Reminded(String secret, Instant start) implements BookingEvent {
    public <R> R accept(Visitor<R> v) {
      return v.reminded(this);
    }
  }

  /**
   * At the start of a day, the bookings kept from the days before: those still to come and those
   * within their keeping time. The day's log starts with them, so replaying today's log alone
   * restores every booking.
   */
  record Carried(List<Booking> bookings) implements BookingEvent {
    public <R> R accept(Visitor<R> v) {
      return v.carried(this);
    }

    public Carried {
      bookings = List.copyOf(bookings);
    }
  }
}
