package dk.queue.core.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** What happened at a branch. Applied in {@code seq} order they rebuild the branch's state. */
public sealed interface Event extends Serializable {

  <R> R accept(Visitor<R> v);

  /** One method per event: the compiler checks that every handler covers every event. */
  interface Visitor<R> {
    R dayStarted(DayStarted e);

    R ticketIssued(TicketIssued e);

    R ticketCancelled(TicketCancelled e);

    R deskOpened(DeskOpened e);

    R deskPaused(DeskPaused e);

    R deskResumed(DeskResumed e);

    R deskClosed(DeskClosed e);

    R ticketCalled(TicketCalled e);

    R ticketRecalled(TicketRecalled e);

    R serviceStarted(ServiceStarted e);

    R ticketDone(TicketDone e);

    R ticketNoShow(TicketNoShow e);

    R ticketTransferred(TicketTransferred e);

    R availabilityChanged(AvailabilityChanged e);

    R configChanged(ConfigChanged e);

    R deskSignedOut(DeskSignedOut e);

    R deskTakenOver(DeskTakenOver e);

    R calledOutOfTurn(CalledOutOfTurn e);

    R ticketReopened(TicketReopened e);

    R appointment(Appointment e);

    R moved(Moved e);
  }

  /** The branch is configured anew from here on: services, their hours, desks. */
  record ConfigChanged(BranchDef def) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.configChanged(this);
    }
  }

  /** A new day at the branch: numbering restarts. */
  record DayStarted(LocalDate day) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.dayStarted(this);
    }
  }

  /**
   * @param estimatedWaitSeconds the wait the citizen was told at issue; null when no desk served the
   *                             service, and in events written before it was recorded
   */
  record TicketIssued(String ticket, String service, String number, Channel channel, String language,
                      Long estimatedWaitSeconds) implements Event {
    public TicketIssued(String ticket, String service, String number, Channel channel, String language) {
      this(ticket, service, number, channel, language, null);
    }

    public <R> R accept(Visitor<R> v) {
      return v.ticketIssued(this);
    }
  }

  /**
   * @param reason  {@code citizen} (left), {@code expired} (left over at the end of the day) or
   *                {@code withdrawn} (ended by staff closing the last desk of its service, {@link Unserved})
   * @param service the ticket's service when it was cancelled (absent in logs of older releases):
   *                an expired ticket is gone from the state once the new day has started
   * @param message for a withdrawn ticket, what its holder's phone shows; else null
   */
  record TicketCancelled(String ticket, String reason, String service, String message) implements Event {
    public TicketCancelled(String ticket, String reason) {
      this(ticket, reason, null, null);
    }

    public TicketCancelled(String ticket, String reason, String service) {
      this(ticket, reason, service, null);
    }

    public <R> R accept(Visitor<R> v) {
      return v.ticketCancelled(this);
    }
  }

  record DeskOpened(String desk, String staff, List<String> services) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.deskOpened(this);
    }

    public DeskOpened {
      services = List.copyOf(services);
    }
  }

  record DeskPaused(String desk, String reason) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.deskPaused(this);
    }
  }

  record DeskResumed(String desk) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.deskResumed(this);
    }
  }

  record DeskClosed(String desk) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.deskClosed(this);
    }
  }

  record TicketCalled(String ticket, String desk, String number, String service) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.ticketCalled(this);
    }
  }

  record TicketRecalled(String ticket, String desk, String number, String service) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.ticketRecalled(this);
    }
  }

  record ServiceStarted(String ticket, String desk) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.serviceStarted(this);
    }
  }

  record TicketDone(String ticket, String desk, String outcome) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.ticketDone(this);
    }
  }

  record TicketNoShow(String ticket, String desk) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.ticketNoShow(this);
    }
  }

  record TicketTransferred(String ticket, String desk, String fromService, String toService, Placement placement) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.ticketTransferred(this);
    }
  }

  /** The set of services available now changed; {@code available} is the whole new set. */
  record AvailabilityChanged(List<String> available) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.availabilityChanged(this);
    }

    public AvailabilityChanged {
      available = List.copyOf(available);
    }
  }

  /** The desk's staff signed out without closing it: paused, it closes by itself at {@code closesAt}. */
  record DeskSignedOut(String desk, java.time.Instant closesAt) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.deskSignedOut(this);
    }
  }

  /** A supervisor took the desk over: it is theirs now, with the services they can serve. */
  record DeskTakenOver(String desk, String staff, List<String> services) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.deskTakenOver(this);
    }

    public DeskTakenOver {
      services = List.copyOf(services);
    }
  }

  /**
   * The ticket just called ({@link TicketCalled} before this) was chosen at the desk, not the one
   * the desk was next to call: who chose it, for the statistics and the record of the day.
   */
  record CalledOutOfTurn(String ticket, String desk, String staff) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.calledOutOfTurn(this);
    }
  }

  /** A no-show or done taken back at the desk: the ticket is at the desk again, called or served. */
  record TicketReopened(String ticket, String desk) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.ticketReopened(this);
    }
  }

  /** Something happened to the branch's bookings. */
  record Appointment(BookingEvent change) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.appointment(this);
    }
  }

  /** A ticket moving to or from another branch ({@link Moves}). */
  record Moved(MoveEvent change) implements Event {
    public <R> R accept(Visitor<R> v) {
      return v.moved(this);
    }
  }
}
