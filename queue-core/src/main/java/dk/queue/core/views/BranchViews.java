package dk.queue.core.views;

import dk.queue.core.domain.Availability;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.CallPolicy;
import dk.queue.core.domain.Desk;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.DeskStatus;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.domain.Ticket;
import dk.queue.core.domain.TicketState;
import dk.queue.core.domain.Unserved;
import dk.queue.core.domain.WaitEstimator;
import dk.queue.core.views.BranchView.CallView;
import dk.queue.core.views.BranchView.CurrentTicket;
import dk.queue.core.views.BranchView.DeskView;
import dk.queue.core.views.BranchView.ServiceView;
import dk.queue.core.views.BranchView.WaitingView;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Builds each audience's view from a branch state and the time. Times are in the branch's zone,
 * durations in seconds, states in the API's lower case. Every view is bounded in size whatever the
 * length of the queues: the public one carries counts only, the staff one at most
 * {@link #STAFF_WAITING} waiting tickets per service (or for one desk).
 */
public final class BranchViews {
  /** How many waiting tickets a staff view lists per service, or for one desk. */
  public static final int STAFF_WAITING = 20;
  /** How many recent calls the public view lists: as many as a waiting-room screen shows. */
  public static final int PUBLIC_CALLS = 6;

  private BranchViews() {}

  public static BranchView of(BranchState s, Instant now, Audience audience) {
    return audience == Audience.STAFF ? staff(s, now, null) : publicView(s, now);
  }

  /** What anyone may see: no ticket ids, no staff, no waiting list; the newest {@link #PUBLIC_CALLS} calls. */
  public static BranchView publicView(BranchState s, Instant now) {
    return publicView(s, now, PUBLIC_CALLS);
  }

  /** The public view with up to {@code calls} recent calls, for a page that picks its own among them. */
  public static BranchView publicView(BranchState s, Instant now, int calls) {
    return branch(s, now, Audience.PUBLIC, null, calls);
  }

  /**
   * What staff see. With a {@code desk} that is open, the waiting list is the order in which that
   * desk would call ({@link CallPolicy#order}, as call-next decides); otherwise the
   * first {@link #STAFF_WAITING} of each service, oldest first.
   */
  public static BranchView staff(BranchState s, Instant now, String desk) {
    Desk d = desk == null ? null : s.desks().get(desk);
    List<Ticket> waiting = d != null && !d.services().isEmpty()
        ? CallPolicy.order(s, d.services(), now, STAFF_WAITING)
        : s.def().services().stream()
            .flatMap(def -> s.queue(def.id()).stream().limit(STAFF_WAITING).map(id -> s.tickets().get(id)))
            .sorted(Comparator.comparing(Ticket::queuedAt)).toList();
    return branch(s, now, Audience.STAFF, waiting.stream()
        .map(t -> new WaitingView(t.id(), t.number(), t.service(), time(s, t.issuedAt()),
            Duration.between(t.queuedAt(), now).getSeconds()))
        .toList(), Integer.MAX_VALUE);
  }

  private static BranchView branch(BranchState s, Instant now, Audience audience, List<WaitingView> waiting,
                                   int calls) {
    return new BranchView(s.def().id(), s.def().name(), s.seq(),
        s.def().services().stream().map(d -> service(s, d, now)).toList(),
        s.def().desks().stream().map(d -> desk(s, s.desks().get(d.id()), audience)).toList(),
        s.recentCalls().stream().limit(calls).map(c -> new CallView(c.number(), c.service(), c.desk(), deskName(s, c.desk()),
            time(s, c.calledAt()))).toList(),
        IntStream.range(0, 24).mapToObj(h -> s.issuedByHour().getOrDefault(h, 0)).toList(),
        waiting, today(s.def(), now));
  }

  /** Today's closed day or special hours, if today is one; when closed, the branch's next opening. */
  public static BranchView.TodayView today(BranchDef def, Instant now) {
    ZonedDateTime local = now.atZone(def.zone());
    return def.closedDays().on(local.toLocalDate()).map(off -> new BranchView.TodayView(off.closed(), off.reason(),
        off.closed() ? nextOpening(def, local).map(ZonedDateTime::toOffsetDateTime).orElse(null) : null))
        .orElse(null);
  }

  /** The first moment after {@code local} at which any walk-in service of the branch opens. */
  public static Optional<ZonedDateTime> nextOpening(BranchDef def, ZonedDateTime local) {
    return def.services().stream().filter(d -> !d.appointmentOnly())
        .flatMap(d -> d.hours().nextOpening(local).stream()).min(Comparator.naturalOrder());
  }

  public static ServiceView service(BranchState s, ServiceDef d, Instant now) {
    ZonedDateTime local = now.atZone(s.def().zone());
    List<String> queue = s.queue(d.id());
    boolean available = Availability.isAvailable(s, d.id(), now);
    boolean open = d.hours().isOpen(local);
    long longest = queue.isEmpty() ? 0 : Duration.between(s.tickets().get(queue.get(0)).queuedAt(), now).getSeconds();
    Optional<WaitEstimator.Estimate> estimate = WaitEstimator.estimate(s, d.id(), queue.size() + 1, now);
    return new ServiceView(d.id(), d.name(), d.letter(), d.group(), available, d.appointmentOnly(), queue.size(),
        estimate.map(WaitEstimator.Estimate::seconds).orElse(null), d.targetWaitSeconds(), Math.max(0, longest),
        open ? null : d.hours().nextOpening(local).map(ZonedDateTime::toOffsetDateTime).orElse(null),
        open ? d.hours().closesAt(local).map(ZonedDateTime::toOffsetDateTime).orElse(null) : null,
        estimate.map(BranchViews::range).orElse(null), Unserved.nobodyServes(s, d.id()));
  }

  public static DeskView desk(BranchState s, Desk d, Audience audience) {
    boolean staff = audience == Audience.STAFF;
    Ticket t = d.current() == null ? null : s.tickets().get(d.current());
    CurrentTicket current = t == null ? null : staff
        ? new CurrentTicket(t.id(), t.number(), t.service(), code(t.state()), time(s, t.calledAt()), time(s, t.startedAt()))
        : new CurrentTicket(null, t.number(), t.service(), code(t.state()), null, null);
    return new DeskView(d.id(), d.name(), code(status(s, d)), d.services(), current,
        staff ? d.pauseReason() : null, staff ? d.staff() : null, staff ? time(s, d.closesAt()) : null);
  }

  public static DeskStatus status(BranchState s, Desk d) {
    switch (d.mode()) {
      case CLOSED:
        return DeskStatus.CLOSED;
      case PAUSED:
        return DeskStatus.PAUSED;
      default:
        if (d.current() == null) {
          return DeskStatus.OPEN;
        }
        return s.tickets().get(d.current()).state() == TicketState.SERVING ? DeskStatus.SERVING : DeskStatus.CALLING;
    }
  }

  /** One ticket, for its holder (and staff). */
  public static Optional<TicketView> ticket(BranchState s, String ticketId, Instant now) {
    return ticket(s, ticketId, now, null);
  }

  /**
   * One ticket, for its holder (and staff); {@code issuedWith}, when not null, is the estimate the
   * ticket was issued with at {@code now}, taken as is while the ticket is last in its queue.
   */
  public static Optional<TicketView> ticket(BranchState s, String ticketId, Instant now,
                                            WaitEstimator.Estimate issuedWith) {
    return s.ticket(ticketId).map(t -> {
      Integer position = null;
      Optional<WaitEstimator.Estimate> estimate = Optional.empty();
      int inQueue = t.state() == TicketState.WAITING ? s.queue(t.service()).indexOf(t.id()) + 1 : 0;
      // A booked ticket waits in no queue: it is called at its booked time.
      if (inQueue > 0) {
        position = inQueue;
        estimate = issuedWith != null && inQueue == s.queue(t.service()).size() ? Optional.of(issuedWith)
            : WaitEstimator.estimate(s, t.service(), position, now);
      }
      LocalizedText serviceName = name(s, t.service());
      return new TicketView(t.id(), t.number(), t.service(), serviceName, s.def().id(), code(t.state()),
          time(s, t.issuedAt()), position, estimate.map(WaitEstimator.Estimate::seconds).orElse(null), t.desk(),
          t.desk() == null ? null : deskName(s, t.desk()), time(s, t.calledAt()), t.language(),
          estimate.map(BranchViews::range).orElse(null), Unserved.nobodyServes(s, t) ? Boolean.TRUE : null,
          t.movedFrom() == null ? null : name(s, t.movedFrom()), t.message(), movedTo(s, t.id()));
    });
  }

  private static TicketView.MovedTo movedTo(BranchState s, String ticketId) {
    dk.queue.core.domain.Moves.Move m = s.moves().get(ticketId);
    return m == null ? null : new TicketView.MovedTo(m.toBranch(), null, m.toService(), null, m.newNumber(),
        m.pending() ? null : m.newTicket());
  }

  private static LocalizedText name(BranchState s, String service) {
    return s.def().service(service).map(ServiceDef::name).orElse(new LocalizedText(service, null));
  }

  public static String deskName(BranchState s, String deskId) {
    return s.def().desk(deskId).map(DeskDef::name).orElse(deskId);
  }

  public static String code(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static OffsetDateTime time(BranchState s, Instant t) {
    return t == null ? null : t.atZone(s.def().zone()).toOffsetDateTime();
  }

  /**
   * The likely range of a wait, [from, to] in whole minutes (as seconds), where it helps: for waits
   * of 5 minutes or more whose range spans 2 minutes or more; else null.
   */
  static List<Long> range(WaitEstimator.Estimate e) {
    long from = e.low() / 60 * 60;
    long to = (e.high() + 59) / 60 * 60;
    return e.seconds() >= 300 && to - from >= 120 ? List.of(from, to) : null;
  }
}
