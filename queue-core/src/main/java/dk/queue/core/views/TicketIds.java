package dk.queue.core.views;

import dk.queue.core.domain.Event;

/** The ticket an event is about, or null for events about no ticket. */
public final class TicketIds implements Event.Visitor<String> {
  public static final TicketIds INSTANCE = new TicketIds();

  public String dayStarted(Event.DayStarted e) {
    return null;
  }

  public String ticketIssued(Event.TicketIssued e) {
    return e.ticket();
  }

  public String ticketCancelled(Event.TicketCancelled e) {
    return e.ticket();
  }

  public String deskOpened(Event.DeskOpened e) {
    return null;
  }

  public String deskPaused(Event.DeskPaused e) {
    return null;
  }

  public String deskResumed(Event.DeskResumed e) {
    return null;
  }

  public String deskClosed(Event.DeskClosed e) {
    return null;
  }

  public String deskSignedOut(Event.DeskSignedOut e) {
    return null;
  }

  public String deskTakenOver(Event.DeskTakenOver e) {
    return null;
  }

  public String calledOutOfTurn(Event.CalledOutOfTurn e) {
    return e.ticket();
  }

  public String ticketReopened(Event.TicketReopened e) {
    return e.ticket();
  }

  public String ticketCalled(Event.TicketCalled e) {
    return e.ticket();
  }

  public String ticketRecalled(Event.TicketRecalled e) {
    return e.ticket();
  }

  public String serviceStarted(Event.ServiceStarted e) {
    return e.ticket();
  }

  public String ticketDone(Event.TicketDone e) {
    return e.ticket();
  }

  public String ticketNoShow(Event.TicketNoShow e) {
    return e.ticket();
  }

  public String ticketTransferred(Event.TicketTransferred e) {
    return e.ticket();
  }

  public String availabilityChanged(Event.AvailabilityChanged e) {
    return null;
  }

  public String configChanged(Event.ConfigChanged e) {
    return null;
  }

  /** A check-in is about the ticket it made; the other booking events are about no ticket. */
  public String appointment(Event.Appointment e) {
    return e.change() instanceof dk.queue.core.domain.BookingEvent.CheckedIn c ? c.ticket() : null;
  }

  public String moved(Event.Moved e) {
    return e.change() instanceof dk.queue.core.domain.MoveEvent.In i ? i.ticket()
        : e.change() instanceof dk.queue.core.domain.MoveEvent.Out o ? o.ticket()
        : ((dk.queue.core.domain.MoveEvent.Confirmed) e.change()).ticket();
  }
}
