package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PVector;
import org.pcollections.TreePVector;

/**
 * The whole queue state of one branch: one value, changed only by applying its events in order.
 *
 * @param seq         the seq of the last event applied
 * @param day         the branch-local day that ticket numbers count in
 * @param lastNumber  per service, the last number issued today
 * @param tickets     active tickets (waiting, called, serving) by id
 * @param queues      per service, the waiting tickets in calling order
 * @param desks       desks by id
 * @param recentCalls newest first, at most {@link #RECENT_CALLS}
 * @param handling    per service, today's measured service times
 * @param available   the services available now, as last computed
 * @param finished    today's tickets that ended, newest first, at most {@link #FINISHED_KEPT}
 * @param issuedByHour today's tickets issued per local hour (0-23)
 * @param outbox      events not yet acknowledged by the store, oldest first
 * @param bookings    the booked times of today and the days ahead, kept across days
 * @param moves       today's tickets moved to other branches by id, and those moves still waiting from before
 */
public record BranchState(
    BranchDef def,
    long seq,
    LocalDate day,
    Map<String, Integer> lastNumber,
    Map<String, Ticket> tickets,
    Map<String, List<String>> queues,
    Map<String, Desk> desks,
    List<CallRecord> recentCalls,
    Map<String, HandlingStats> handling,
    List<String> available,
    List<Ticket> finished,
    Map<Integer, Integer> issuedByHour,
    List<Recorded> outbox,
    Bookings bookings,
    Map<String, Moves.Move> moves) implements Serializable {

  public static final int RECENT_CALLS = 12;
  public static final int FINISHED_KEPT = 500;

  /**
   * Persistent collections throughout: a command changes a few entries and shares the rest with
   * the state before it, so its cost does not grow with the number waiting or the outbox.
   * Collections that are persistent already are taken as they are (they are immutable).
   */
  public BranchState {
    lastNumber = Persistent.map(lastNumber);
    tickets = Persistent.map(tickets);
    queues = Persistent.queues(queues);
    desks = Persistent.map(desks);
    recentCalls = Persistent.list(recentCalls);
    handling = Persistent.map(handling);
    available = Persistent.list(available);
    finished = Persistent.list(finished);
    issuedByHour = Persistent.map(issuedByHour);
    outbox = Persistent.list(outbox);
    bookings = bookings == null ? Bookings.NONE : bookings;
    moves = moves == null ? HashTreePMap.empty() : Persistent.map(moves);
  }

  /** A branch with no moves to other branches. */
  public BranchState(BranchDef def, long seq, LocalDate day, Map<String, Integer> lastNumber,
                     Map<String, Ticket> tickets, Map<String, List<String>> queues, Map<String, Desk> desks,
                     List<CallRecord> recentCalls, Map<String, HandlingStats> handling, List<String> available,
                     List<Ticket> finished, Map<Integer, Integer> issuedByHour, List<Recorded> outbox, Bookings bookings) {
    this(def, seq, day, lastNumber, tickets, queues, desks, recentCalls, handling, available, finished, issuedByHour,
        outbox, bookings, null);
  }

  /** A branch with no bookings. */
  public BranchState(BranchDef def, long seq, LocalDate day, Map<String, Integer> lastNumber,
                     Map<String, Ticket> tickets, Map<String, List<String>> queues, Map<String, Desk> desks,
                     List<CallRecord> recentCalls, Map<String, HandlingStats> handling, List<String> available,
                     List<Ticket> finished, Map<Integer, Integer> issuedByHour, List<Recorded> outbox) {
    this(def, seq, day, lastNumber, tickets, queues, desks, recentCalls, handling, available, finished, issuedByHour,
        outbox, Bookings.NONE);
  }

  /** A branch before its first event: desks closed, no tickets, nothing available. */
  public static BranchState initial(BranchDef def, LocalDate day) {
    Map<String, Desk> desks = new HashMap<>();
    def.desks().forEach(d -> desks.put(d.id(), Desk.closed(d)));
    return new BranchState(def, 0, day, Map.of(), Map.of(), Map.of(), desks, List.of(), Map.of(), List.of(),
        List.of(), Map.of(), List.of());
  }

  public List<String> queue(String service) {
    return queues.getOrDefault(service, List.of());
  }

  public Optional<Ticket> ticket(String id) {
    Ticket active = tickets.get(id);
    if (active != null) {
      return Optional.of(active);
    }
    for (Ticket t : finished) {
      if (t.id().equals(id)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public HandlingStats handling(String service) {
    return handling.getOrDefault(service, HandlingStats.NONE);
  }

  /** The same branch under a new configuration, keeping the day's queues. */
  public BranchState withDef(BranchDef newDef) {
    Map<String, Desk> d = new HashMap<>(desks);
    newDef.desks().forEach(dd -> d.putIfAbsent(dd.id(), Desk.closed(dd)));
    return new BranchState(newDef, seq, day, lastNumber, tickets, queues, d, recentCalls, handling, available, finished,
        issuedByHour, outbox, bookings, moves);
  }

  /** The same branch with this desk in place of the one with its id. */
  public BranchState withDesk(Desk desk) {
    Map<String, Desk> d = new HashMap<>(desks);
    d.put(desk.id(), desk);
    return new BranchState(def, seq, day, lastNumber, tickets, queues, d, recentCalls, handling, available, finished,
        issuedByHour, outbox, bookings, moves);
  }

  public BranchState withOutbox(List<Recorded> newOutbox) {
    return new BranchState(def, seq, day, lastNumber, tickets, queues, desks, recentCalls, handling, available,
        finished, issuedByHour, newOutbox, bookings, moves);
  }

  /** Drops the outbox events up to and including {@code seq}: the store has them. */
  public BranchState acknowledged(long uptoSeq) {
    return withOutbox(Persistent.dropWhile(outbox, r -> r.seq() <= uptoSeq));
  }

  /** The same branch with these events added at the end of its outbox. */
  public BranchState withOutboxAdded(List<Recorded> events) {
    return withOutbox(Persistent.list(outbox).plusAll(events));
  }

  /** The state after one more event. Pure: replaying a day's events rebuilds the day. */
  public BranchState apply(Recorded r) {
    Change c = new Change(this, r);
    r.event().accept(c);
    return c.build();
  }

  /** A mutable working copy used only inside {@link #apply}. */
  private static final class Change implements Event.Visitor<Void> {
    final BranchState base;
    BranchDef def;
    final Instant at;
    long seq;
    LocalDate day;
    PMap<String, Integer> lastNumber;
    PMap<String, Ticket> tickets;
    PMap<String, List<String>> queues;
    PMap<String, Desk> desks;
    PVector<CallRecord> recentCalls;
    PMap<String, HandlingStats> handling;
    List<String> available;
    PVector<Ticket> finished;
    PMap<Integer, Integer> issuedByHour;
    Bookings bookings;
    PMap<String, Moves.Move> moves;

    Change(BranchState s, Recorded r) {
      base = s;
      def = s.def;
      at = r.at();
      seq = r.seq();
      day = s.day;
      lastNumber = Persistent.map(s.lastNumber);
      tickets = Persistent.map(s.tickets);
      queues = Persistent.map(s.queues);
      desks = Persistent.map(s.desks);
      recentCalls = Persistent.list(s.recentCalls);
      handling = Persistent.map(s.handling);
      available = s.available;
      finished = Persistent.list(s.finished);
      issuedByHour = Persistent.map(s.issuedByHour);
      bookings = s.bookings;
      moves = Persistent.map(s.moves);
    }

    @Override
    public Void dayStarted(Event.DayStarted e) {
      day = e.day();
      recentCalls = TreePVector.empty();
      lastNumber = HashTreePMap.empty();
      PMap<String, HandlingStats> earlier = HashTreePMap.empty();
      for (Map.Entry<String, HandlingStats> h : handling.entrySet()) {
        if (def.service(h.getKey()).isPresent()) {
          earlier = earlier.plus(h.getKey(), h.getValue().newDay());
        }
      }
      handling = earlier;
      finished = TreePVector.empty();
      issuedByHour = HashTreePMap.empty();
      for (Moves.Move m : List.copyOf(moves.values())) {
        if (!m.pending()) {
          moves = moves.minus(m.ticket());
        }
      }
      return null;
    }

    private static int digits(String number) {
      int i = number.length();
      while (i > 0 && Character.isDigit(number.charAt(i - 1))) {
        i--;
      }
      return i == number.length() || number.length() - i > 9 ? 0 : Integer.parseInt(number.substring(i));
    }

    @Override
    public Void ticketIssued(Event.TicketIssued e) {
      // The number's own digits, so that numbering goes on past an event that was set aside unread.
      lastNumber = lastNumber.plus(e.service(),
          Math.max(lastNumber.getOrDefault(e.service(), 0) + 1, digits(e.number())));
      tickets = tickets.plus(e.ticket(),
          Ticket.issued(e.ticket(), e.number(), e.service(), e.channel(), e.language(), at));
      enqueue(e.service(), e.ticket(), Placement.LAST);
      int hour = at.atZone(base.def.zone()).getHour();
      issuedByHour = issuedByHour.plus(hour, issuedByHour.getOrDefault(hour, 0) + 1);
      return null;
    }

    @Override
    public Void ticketCancelled(Event.TicketCancelled e) {
      end(e.ticket(), TicketState.CANCELLED, e.reason(), e.message());
      return null;
    }

    @Override
    public Void deskOpened(Event.DeskOpened e) {
      desk(e.desk(), d -> d.opened(e.staff(), e.services()));
      return null;
    }

    @Override
    public Void deskPaused(Event.DeskPaused e) {
      desk(e.desk(), d -> d.paused(e.reason()));
      return null;
    }

    @Override
    public Void deskResumed(Event.DeskResumed e) {
      desk(e.desk(), d -> d.resumed());
      return null;
    }

    @Override
    public Void deskClosed(Event.DeskClosed e) {
      desk(e.desk(), d -> d.closed());
      return null;
    }

    @Override
    public Void deskSignedOut(Event.DeskSignedOut e) {
      desk(e.desk(), d -> d.signedOut(e.closesAt()));
      return null;
    }

    @Override
    public Void calledOutOfTurn(Event.CalledOutOfTurn e) {
      return null;
    }

    @Override
    public Void ticketReopened(Event.TicketReopened e) {
      int i = 0;
      while (!finished.get(i).id().equals(e.ticket())) {
        i++;
      }
      Ticket t = finished.get(i);
      finished = finished.minus(i);
      if (t.state() == TicketState.DONE) {
        long seconds = t.endedAt().getEpochSecond() - t.startedAt().getEpochSecond();
        handling = handling.plus(t.service(), handling.getOrDefault(t.service(), HandlingStats.NONE).minus(seconds));
      }
      tickets = tickets.plus(t.id(), t.reopened());
      desk(e.desk(), d -> d.withCurrent(t.id()));
      return null;
    }

    @Override
    public Void deskTakenOver(Event.DeskTakenOver e) {
      desk(e.desk(), d -> d.takenOver(e.staff(), e.services()));
      return null;
    }

    @Override
    public Void ticketCalled(Event.TicketCalled e) {
      dequeue(e.ticket());
      ticket(e.ticket(), t -> t.called(e.desk(), at));
      desk(e.desk(), d -> d.withCurrent(e.ticket()));
      announce(new CallRecord(e.ticket(), e.number(), e.service(), e.desk(), at));
      return null;
    }

    @Override
    public Void ticketRecalled(Event.TicketRecalled e) {
      announce(new CallRecord(e.ticket(), e.number(), e.service(), e.desk(), at));
      return null;
    }

    @Override
    public Void serviceStarted(Event.ServiceStarted e) {
      ticket(e.ticket(), t -> t.serving(at));
      return null;
    }

    @Override
    public Void ticketDone(Event.TicketDone e) {
      Ticket t = tickets.get(e.ticket());
      long seconds = at.getEpochSecond() - t.startedAt().getEpochSecond();
      handling = handling.plus(t.service(), handling.getOrDefault(t.service(), HandlingStats.NONE).plus(seconds));
      end(e.ticket(), TicketState.DONE, e.outcome());
      return null;
    }

    @Override
    public Void ticketNoShow(Event.TicketNoShow e) {
      end(e.ticket(), TicketState.NO_SHOW, null);
      return null;
    }

    @Override
    public Void ticketTransferred(Event.TicketTransferred e) {
      if (tickets.get(e.ticket()).state() == TicketState.WAITING) {
        dequeue(e.ticket()); // moved while waiting: the last desk of its service closed (Unserved)
      }
      desk(e.desk(), d -> e.ticket().equals(d.current()) ? d.withCurrent(null) : d);
      ticket(e.ticket(), t -> t.requeued(e.toService(), at));
      enqueue(e.toService(), e.ticket(), e.placement());
      return null;
    }

    @Override
    public Void availabilityChanged(Event.AvailabilityChanged e) {
      available = e.available();
      return null;
    }

    @Override
    public Void appointment(Event.Appointment e) {
      e.change().accept(new BookingChange(this));
      return null;
    }

    /** A booking event: the bookings change, and a check-in adds its ticket (waiting for its time, in no queue). */
    private record BookingChange(Change c) implements BookingEvent.Visitor<Void> {
      public Void booked(BookingEvent.Booked e) {
        c.bookings = c.bookings.with(e.booking());
        return null;
      }

      public Void moved(BookingEvent.Moved e) {
        Booking b = c.bookings.bySecret().get(e.secret());
        c.bookings = c.bookings.with(b.movedTo(e.start(), c.at));
        return null;
      }

      public Void cancelled(BookingEvent.Cancelled e) {
        return end(e.secret(), Booking.State.CANCELLED);
      }

      public Void noShow(BookingEvent.NoShow e) {
        return end(e.secret(), Booking.State.NO_SHOW);
      }

      private Void end(String secret, Booking.State state) {
        Booking b = c.bookings.bySecret().get(secret);
        c.bookings = c.bookings.with(b.with(state, b.ticket(), c.at));
        return null;
      }

      public Void checkedIn(BookingEvent.CheckedIn e) {
        Booking b = c.bookings.bySecret().get(e.secret());
        c.bookings = c.bookings.with(b.with(Booking.State.CHECKED_IN, e.ticket(), c.at));
        c.lastNumber = c.lastNumber.plus(b.service(),
            Math.max(c.lastNumber.getOrDefault(b.service(), 0) + 1, digits(e.number())));
        c.tickets = c.tickets.plus(e.ticket(), Ticket.issued(e.ticket(), e.number(), b.service(), Channel.KIOSK,
            b.language(), c.at));
        return null;
      }

      public Void carried(BookingEvent.Carried e) {
        c.bookings = Bookings.of(e.bookings());
        return null;
      }

      @Override
      public Void reminded(BookingEvent.Reminded e) {
        Booking b = c.bookings.bySecret().get(e.secret());
        c.bookings = c.bookings.with(b.remindedOf(e.start()));
        return null;
      }
    }

    @Override
    public Void moved(Event.Moved e) {
      e.change().accept(new MoveChange(this));
      return null;
    }

    /** Out: the ticket ends here and the move waits; In: the moved ticket waits here by the time it was first issued. */
    private record MoveChange(Change c) implements MoveEvent.Visitor<Void> {
      public Void out(MoveEvent.Out e) {
        Ticket t = c.tickets.get(e.ticket());
        c.moves = c.moves.plus(t.id(), new Moves.Move(t.id(), t.number(), t.service(), e.toBranch(), e.toService(),
            e.newTicket(), t.issuedAt(), t.language(), null));
        c.end(t.id(), TicketState.CANCELLED, Moves.MOVED);
        return null;
      }

      public Void in(MoveEvent.In e) {
        c.lastNumber = c.lastNumber.plus(e.service(),
            Math.max(c.lastNumber.getOrDefault(e.service(), 0) + 1, digits(e.number())));
        c.tickets = c.tickets.plus(e.ticket(), new Ticket(e.ticket(), e.number(), e.service(), Channel.DESK, e.language(),
            TicketState.WAITING, e.issuedAt(), c.at, null, null, null, null, null));
        c.enqueue(e.service(), e.ticket(), Placement.BY_ISSUE_TIME);
        return null;
      }

      public Void confirmed(MoveEvent.Confirmed e) {
        c.moves = c.moves.plus(e.ticket(), c.moves.get(e.ticket()).confirmed(e.number()));
        return null;
      }
    }

    void desk(String id, java.util.function.UnaryOperator<Desk> change) {
      desks = desks.plus(id, change.apply(desks.get(id)));
    }

    void ticket(String id, java.util.function.UnaryOperator<Ticket> change) {
      tickets = tickets.plus(id, change.apply(tickets.get(id)));
    }

    /** New desks start closed; removed desks and services were free (the machine checks). */
    @Override
    public Void configChanged(Event.ConfigChanged e) {
      def = e.def();
      for (String id : List.copyOf(desks.keySet())) {
        if (def.desk(id).isEmpty()) {
          desks = desks.minus(id);
        }
      }
      for (DeskDef dd : def.desks()) {
        if (!desks.containsKey(dd.id())) {
          desks = desks.plus(dd.id(), Desk.closed(dd));
        }
      }
      for (String service : List.copyOf(queues.keySet())) {
        if (def.service(service).isEmpty()) {
          queues = queues.minus(service);
        }
      }
      return null;
    }

    void enqueue(String service, String ticketId, Placement placement) {
      PVector<String> q = queueOf(service);
      switch (placement) {
        case FIRST -> q = q.plus(0, ticketId);
        case LAST -> q = q.plus(ticketId);
        case BY_ISSUE_TIME -> {
          Instant issued = tickets.get(ticketId).issuedAt();
          int i = 0;
          while (i < q.size() && !tickets.get(q.get(i)).issuedAt().isAfter(issued)) {
            i++;
          }
          q = q.plus(i, ticketId);
        }
      }
      queues = queues.plus(service, q);
    }

    void dequeue(String ticketId) {
      String service = tickets.get(ticketId).service();
      queues = queues.plus(service, queueOf(service).minus(ticketId));
    }

    PVector<String> queueOf(String service) {
      return Persistent.list(queues.getOrDefault(service, TreePVector.empty()));
    }

    void announce(CallRecord call) {
      PVector<CallRecord> calls = recentCalls;
      for (int i = calls.size() - 1; i >= 0; i--) {
        if (calls.get(i).ticket().equals(call.ticket())) {
          calls = calls.minus(i);
        }
      }
      calls = calls.plus(0, call);
      while (calls.size() > RECENT_CALLS) {
        calls = calls.minus(calls.size() - 1);
      }
      recentCalls = calls;
    }

    void end(String ticketId, TicketState end, String outcome) {
      end(ticketId, end, outcome, null);
    }

    void end(String ticketId, TicketState end, String outcome, String message) {
      Ticket t = tickets.get(ticketId);
      tickets = tickets.minus(ticketId);
      if (t.state() == TicketState.WAITING) {
        queues = queues.plus(t.service(), queueOf(t.service()).minus(ticketId));
      }
      if (t.desk() != null && desks.containsKey(t.desk())) {
        desk(t.desk(), d -> ticketId.equals(d.current()) ? d.withCurrent(null) : d);
      }
      finished = finished.plus(0, t.ended(end, outcome, message, at));
      while (finished.size() > FINISHED_KEPT) {
        finished = finished.minus(finished.size() - 1);
      }
    }

    BranchState build() {
      return new BranchState(def, seq, day, lastNumber, tickets, queues, desks, recentCalls, handling, available,
          finished, issuedByHour, base.outbox, bookings, moves);
    }
  }
}
