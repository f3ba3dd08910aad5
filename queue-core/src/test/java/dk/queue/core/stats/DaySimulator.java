package dk.queue.core.stats;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.Desk;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.domain.Ticket;
import dk.queue.core.domain.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A busy day at a branch, made by the state machine itself from random but repeatable commands:
 * every desk opens for every service, citizens take tickets for services available at the moment,
 * desks call, serve, and now and then mark a no-show, transfer, or a citizen leaves. For
 * statistics and recovery measurements.
 */
public final class DaySimulator {
  private final BranchDef def;
  private final Random random;
  private BranchState state;
  private final List<Recorded> events = new ArrayList<>();
  private int ids;

  public DaySimulator(BranchDef def, LocalDate day, long seed) {
    this.def = def;
    this.random = new Random(seed);
    this.state = BranchState.initial(def, day);
  }

  /**
   * Runs the day from {@code from} to {@code to} in even steps until about {@code target} events
   * have happened; returns all events, in seq order.
   */
  public List<Recorded> run(Instant from, Instant to, int target) {
    Set<String> all = def.services().stream().map(ServiceDef::id).collect(Collectors.toSet());
    List<String> services = def.services().stream().map(ServiceDef::id).toList();
    // Each desk puts a different service first, so that every queue moves.
    for (int i = 0; i < def.desks().size(); i++) {
      List<String> priority = new ArrayList<>(services);
      java.util.Collections.rotate(priority, -i * Math.max(1, services.size() / def.desks().size()));
      run(new Command.OpenDesk(from, def.desks().get(i).id(), "sim", all, priority));
    }
    long steps = Math.max(1, target * 2L);
    Duration step = Duration.between(from, to).dividedBy(steps);
    Instant at = from;
    while (events.size() < target && at.plus(step).isBefore(to)) {
      at = at.plus(step);
      if (random.nextInt(100) < 30) {
        List<String> open = state.available();
        if (!open.isEmpty()) {
          String service = open.get(random.nextInt(open.size()));
          run(new Command.IssueTicket(at, def.id() + "-sim" + (++ids), service, Channel.KIOSK, "da"));
        }
      } else {
        DeskDef d = def.desks().get(random.nextInt(def.desks().size()));
        deskStep(at, state.desks().get(d.id()));
      }
      if (random.nextInt(200) == 0 && !state.tickets().isEmpty()) {
        // The oldest waiting ticket: map order differs from one JVM to the next, the day must not.
        Ticket t = state.tickets().values().stream()
            .min(java.util.Comparator.comparing(Ticket::issuedAt).thenComparing(Ticket::id)).orElseThrow();
        if (t.state() == TicketState.WAITING) {
          run(new Command.CancelTicket(at, t.id()));
        }
      }
    }
    return List.copyOf(events);
  }

  private void deskStep(Instant at, Desk desk) {
    Ticket current = desk.current() == null ? null : state.tickets().get(desk.current());
    if (current == null) {
      run(new Command.CallNext(at, desk.id(), "sim"));
    } else if (current.state() == TicketState.CALLED) {
      if (random.nextInt(20) == 0) {
        run(new Command.NoShow(at, desk.id(), "sim"));
      } else {
        run(new Command.StartService(at, desk.id(), "sim"));
      }
    } else if (random.nextInt(25) == 0 && state.available().size() > 1) {
      String to = state.available().get(random.nextInt(state.available().size()));
      run(new Command.Transfer(at, desk.id(), "sim", to, dk.queue.core.domain.Placement.FIRST));
    } else {
      run(new Command.FinishService(at, desk.id(), "sim", "served"));
    }
  }

  private void run(Command c) {
    Decision d = BranchMachine.decide(state, c);
    if (d instanceof Decision.Accepted a) {
      state = a.state().acknowledged(Long.MAX_VALUE);
      events.addAll(a.events());
    }
  }

  /** The first command after midnight: the day's end expires what is left over. */
  public List<Recorded> nextMorning(Instant at) {
    int before = events.size();
    run(new Command.Tick(at));
    return List.copyOf(events.subList(before, events.size()));
  }

  /** The state after the day so far. */
  public BranchState state() {
    return state;
  }
}
