package dk.queue.core.domain;

import java.io.Serializable;

/** Why a command was refused. A rejected command changes nothing. */
public record Rejection(Reason reason, String message) implements Serializable {

  /** Every reason the domain refuses a command for; the HTTP adapter maps each to a status once. */
  public enum Reason {
    UNKNOWN_SERVICE,
    UNKNOWN_DESK,
    UNKNOWN_TICKET,
    INVALID,
    NOT_SKILLED,
    NOT_YOUR_DESK,
    SERVICE_UNAVAILABLE,
    DESK_OCCUPIED,
    DESK_CLOSED,
    DESK_PAUSED,
    DESK_NOT_PAUSED,
    DESK_BUSY,
    NO_CURRENT_TICKET,
    ALREADY_SERVING,
    NOT_SERVING,
    TICKET_FINISHED,
    TICKET_IN_SERVICE,
    /** As many wait for the service as the branch allows ({@link BranchDef#maxWaitingPerService}). */
    QUEUE_FULL,
    /** The branch's outbox is full: the event store has been away too long. */
    OUTBOX_FULL,
    IN_USE,
    /** A ticket called by name is not waiting (called, served or ended already). */
    TICKET_NOT_WAITING,
    /** A ticket called by name waits for a service the desk does not serve. */
    NOT_DESK_SERVICE,
    /** Nothing of the desk's to take back: no no-show or done of its in the last two minutes. */
    NOTHING_TO_UNDO,
    /**
     * Closing or pausing the desk would leave citizens waiting with no open desk: the command must
     * say what becomes of them ({@link WaitingChoice}).
     */
    WOULD_LEAVE_WAITING,
    /** The service is not booked at this branch. */
    NOT_BOOKABLE,
    /** A booking's time has passed already. */
    SLOT_PAST,
    /** Not the start of a bookable time. */
    SLOT_OUTSIDE_HOURS,
    /** Further ahead than the service may be booked. */
    SLOT_TOO_FAR,
    /** The slot (or the day's places booked ahead) is taken. */
    SLOT_FULL,
    /** A new booking's code is in use: the node picks another. */
    CODE_TAKEN,
    UNKNOWN_BOOKING,
    BOOKING_CANCELLED,
    BOOKING_CHECKED_IN,
    /** The booking's time has passed: it was not checked in. */
    BOOKING_MISSED,
    /** Check-in is not open yet. */
    TOO_EARLY,
    /** Checked in after the booked time and its grace. */
    TOO_LATE;

    /** The machine-readable code of the API, for example {@code service_unavailable}. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static Rejection of(Reason reason, String message) {
    return new Rejection(reason, message);
  }
}
