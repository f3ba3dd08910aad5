package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    List<Recorded> outbox) implements Serializable {

  public static final int RECENT_CALLS = 12;
  public static final int FINISHED_KEPT = 500;

  public BranchState {
    lastNumber = Map.copyOf(lastNumber);
    tickets = Map.copyOf(tickets);
    Map<String, List<String>> q = new LinkedHashMap<>();
    queues.forEach((k, v) -> q.put(k, List.copyOf(v)));
    queues = Map.copyOf(q);
    desks = Map.copyOf(desks);
    recentCalls = List.copyOf(recentCalls);
    handling = Map.copyOf(handling);
    available = List.copyOf(available);
    finished = List.copyOf(finished);
    issuedByHour = Map.copyOf(issuedByHour);
    outbox = List.copyOf(outbox);
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
    return finished.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public HandlingStats handling(String service) {
    return handling.getOrDefault(service, HandlingStats.NONE);
  }

  /** The same branch under a new configuration, keeping the day's queues. */
  public BranchState withDef(BranchDef newDef) {
    Map<String, Desk> d = new HashMap<>(desks);
    newDef.desks().forEach(dd -> d.putIfAbsent(dd.id(), Desk.closed(dd)));
    return new BranchState(newDef, seq, day, lastNumber, tickets, queues, d, recentCalls, handling, available, finished,
        issuedByHour, outbox);
  }

  public BranchState withOutbox(List<Recorded> newOutbox) {
    return new BranchState(def, seq, day, lastNumber, tickets, queues, desks, recentCalls, handling, available,
        finished, issuedByHour, newOutbox);
  }

  /** Drops the outbox events up to and including {@code seq}: the store has them. */
  public BranchState acknowledged(long uptoSeq) {
    return withOutbox(outbox.stream().filter(r -> r.seq() > uptoSeq).toList());
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
    final Instant at;
    long seq;
    LocalDate day;
    final Map<String, Integer> lastNumber;
    final Map<String, Ticket> tickets;
    final Map<String, List<String>> queues;
    final Map<String, Desk> desks;
    final List<CallRecord> recentCalls;
    final Map<String, HandlingStats> handling;
    List<String> available;
    final List<Ticket> finished;
    final Map<Integer, Integer> issuedByHour;

    Change(BranchState s, Recorded r) {
      base = s;
      at = r.at();
      seq = r.seq();
      day = s.day;
      lastNumber = new HashMap<>(s.lastNumber);
      tickets = new HashMap<>(s.tickets);
      queues = new HashMap<>(s.queues);
      desks = new HashMap<>(s.desks);
      recentCalls = new ArrayList<>(s.recentCalls);
      handling = new HashMap<>(s.handling);
      available = s.available;
      finished = new ArrayList<>(s.finished);
      issuedByHour = new HashMap<>(s.issuedByHour);
    }

    @Override
    public Void dayStarted(Event.DayStarted e) {
      day = e.day();
      recentCalls.clear();
      lastNumber.clear();
      handling.clear();
      finished.clear();
      issuedByHour.clear();
      return null;
    }

    @Override
    public Void ticketIssued(Event.TicketIssued e) {
      lastNumber.merge(e.service(), 1, Integer::sum);
      tickets.put(e.ticket(), Ticket.issued(e.ticket(), e.number(), e.service(), e.channel(), e.language(), at));
      enqueue(e.service(), e.ticket(), Placement.LAST);
      issuedByHour.merge(at.atZone(base.def.zone()).getHour(), 1, Integer::sum);
      return null;
    }

    @Override
    public Void ticketCancelled(Event.TicketCancelled e) {
      end(e.ticket(), TicketState.CANCELLED, e.reason());
      return null;
    }

    @Override
    public Void deskOpened(Event.DeskOpened e) {
      desks.compute(e.desk(), (k, d) -> d.opened(e.staff(), e.services()));
      return null;
    }

    @Override
    public Void deskPaused(Event.DeskPaused e) {
      desks.compute(e.desk(), (k, d) -> d.paused(e.reason()));
      return null;
    }

    @Override
    public Void deskResumed(Event.DeskResumed e) {
      desks.compute(e.desk(), (k, d) -> d.resumed());
      return null;
    }

    @Override
    public Void deskClosed(Event.DeskClosed e) {
      desks.compute(e.desk(), (k, d) -> d.closed());
      return null;
    }

    @Override
    public Void ticketCalled(Event.TicketCalled e) {
      dequeue(e.ticket());
      tickets.compute(e.ticket(), (k, t) -> t.called(e.desk(), at));
      desks.compute(e.desk(), (k, d) -> d.withCurrent(e.ticket()));
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
      tickets.compute(e.ticket(), (k, t) -> t.serving(at));
      return null;
    }

    @Override
    public Void ticketDone(Event.TicketDone e) {
      Ticket t = tickets.get(e.ticket());
      long seconds = at.getEpochSecond() - t.startedAt().getEpochSecond();
      handling.put(t.service(), handling.getOrDefault(t.service(), HandlingStats.NONE).plus(seconds));
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
      desks.compute(e.desk(), (k, d) -> d.withCurrent(null));
      tickets.compute(e.ticket(), (k, t) -> t.requeued(e.toService(), at));
      enqueue(e.toService(), e.ticket(), e.placement());
      return null;
    }

    @Override
    public Void availabilityChanged(Event.AvailabilityChanged e) {
      available = e.available();
      return null;
    }

    void enqueue(String service, String ticketId, Placement placement) {
      List<String> q = new ArrayList<>(queues.getOrDefault(service, List.of()));
      switch (placement) {
        case FIRST -> q.add(0, ticketId);
        case LAST -> q.add(ticketId);
        case BY_ISSUE_TIME -> {
          Instant issued = tickets.get(ticketId).issuedAt();
          int i = 0;
          while (i < q.size() && !tickets.get(q.get(i)).issuedAt().isAfter(issued)) {
            i++;
          }
          q.add(i, ticketId);
        }
      }
      queues.put(service, q);
    }

    void dequeue(String ticketId) {
      Ticket t = tickets.get(ticketId);
      List<String> q = new ArrayList<>(queues.getOrDefault(t.service(), List.of()));
      q.remove(ticketId);
      queues.put(t.service(), q);
    }

    void announce(CallRecord call) {
      recentCalls.removeIf(c -> c.ticket().equals(call.ticket()));
      recentCalls.add(0, call);
      while (recentCalls.size() > RECENT_CALLS) {
        recentCalls.remove(recentCalls.size() - 1);
      }
    }

    void end(String ticketId, TicketState end, String outcome) {
      Ticket t = tickets.remove(ticketId);
      if (t.state() == TicketState.WAITING) {
        List<String> q = new ArrayList<>(queues.getOrDefault(t.service(), List.of()));
        q.remove(ticketId);
        queues.put(t.service(), q);
      }
      if (t.desk() != null) {
        desks.computeIfPresent(t.desk(), (k, d) -> ticketId.equals(d.current()) ? d.withCurrent(null) : d);
      }
      finished.add(0, t.ended(end, outcome, at));
      while (finished.size() > FINISHED_KEPT) {
        finished.remove(finished.size() - 1);
      }
    }

    BranchState build() {
      return new BranchState(base.def, seq, day, lastNumber, tickets, queues, desks, recentCalls, handling, available,
          finished, issuedByHour, base.outbox);
    }
  }
}
