package dk.queue.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of commands, over several days, against the invariants that must hold after
 * every step, and replay: applying the accepted events to the first state rebuilds the last one.
 */
public class BranchMachinePropertyTest {
  static final String[] STAFF = {"anna", "bo", "carl"};
  static final String[] DESKS = {"d1", "d2", "d3"};
  static final String[] SERVICES = {"pas", "lib", "pen", "wed", "moon"};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void invariantsHoldAndEventsReplayToTheSameState(long seed) {
    Random random = new Random(seed);
    BranchState initial = BranchState.initial(BranchFixture.def(), LocalDate.of(2026, 11, 25));
    BranchState state = initial;
    Instant now = BranchFixture.NOON;
    List<Recorded> log = new ArrayList<>();
    Set<String> everCalled = new HashSet<>();
    Map<String, Set<String>> numbersByDay = new HashMap<>();
    int ids = 0;
    int accepted = 0;
    int estimated = 0;
    for (int step = 0; step < 4000; step++) {
      now = now.plusSeconds(random.nextInt(random.nextInt(50) == 0 ? 6 * 3600 : 240));
      Command c = randomCommand(random, state, now, "main-" + (++ids));
      Decision d = BranchMachine.decide(state, c);
      if (d instanceof Decision.Rejected) {
        continue;
      }
      accepted++;
      Decision.Accepted a = (Decision.Accepted) d;
      long seq = state.seq();
      for (Recorded r : a.events()) {
        assertThat(r.seq()).isEqualTo(++seq);
        assertThat(r.at()).isEqualTo(now);
        if (r.event() instanceof Event.TicketCalled) {
          assertThat(everCalled.add(((Event.TicketCalled) r.event()).ticket())).as("called once per queue").isTrue();
        }
        if (r.event() instanceof Event.TicketTransferred) {
          everCalled.remove(((Event.TicketTransferred) r.event()).ticket());
        }
        if (r.event() instanceof Event.TicketIssued) {
          Event.TicketIssued e = (Event.TicketIssued) r.event();
          // The estimate given at issue is the ticket's estimate in the state after, range and all
          // (the reply takes it as is instead of estimating again).
          int position = a.state().queue(e.service()).indexOf(e.ticket()) + 1;
          if (position > 0) {
            assertThat(a.told()).as("estimate of %s", e.ticket())
                .isEqualTo(WaitEstimator.estimate(a.state(), e.service(), position, now).orElse(null));
            assertThat(e.estimatedWaitSeconds()).isEqualTo(a.told() == null ? null : a.told().seconds());
            estimated += a.told() == null ? 0 : 1;
          }
          String day = now.atZone(BranchFixture.CPH).toLocalDate().toString();
          assertThat(numbersByDay.computeIfAbsent(day, k -> new HashSet<>()).add(e.number()))
              .as("number %s issued twice on %s", e.number(), day).isTrue();
        }
      }
      log.addAll(a.events());
      state = a.state();
      checkInvariants(state, now);
    }
    assertThat(accepted).isGreaterThan(1000);
    assertThat(estimated).as("tickets issued with an estimate").isGreaterThan(50);
    BranchState replayed = initial;
    for (Recorded r : log) {
      replayed = replayed.apply(r);
    }
    assertThat(replayed).isEqualTo(state.withOutbox(List.of()));
    assertThat(state.outbox()).isEqualTo(log);
  }

  private static void checkInvariants(BranchState s, Instant now) {
    Set<String> queued = new HashSet<>();
    s.queues().forEach((service, queue) -> {
      for (String id : queue) {
        assertThat(queued.add(id)).as("ticket %s in two queues", id).isTrue();
        Ticket t = s.tickets().get(id);
        assertThat(t.state()).isEqualTo(TicketState.WAITING);
        assertThat(t.service()).isEqualTo(service);
      }
    });
    Set<String> atDesks = new HashSet<>();
    for (Desk d : s.desks().values()) {
      if (d.current() != null) {
        Ticket t = s.tickets().get(d.current());
        assertThat(t.state()).isIn(TicketState.CALLED, TicketState.SERVING);
        assertThat(t.desk()).isEqualTo(d.id());
        assertThat(atDesks.add(t.id())).isTrue();
        // A desk its staff left keeps its citizen until a supervisor takes it over.
        assertThat(d.mode() == Desk.Mode.OPEN || Desk.SIGNED_OUT.equals(d.pauseReason())).isTrue();
      }
      if (d.mode() == Desk.Mode.CLOSED) {
        assertThat(d.services()).isEmpty();
        assertThat(d.staff()).isNull();
      }
    }
    assertThat(java.util.Collections.disjoint(queued, atDesks)).as("queued and at a desk").isTrue();
    for (Ticket t : s.tickets().values()) {
      assertThat(t.state().active()).isTrue();
      assertThat(queued.contains(t.id()) || atDesks.contains(t.id())).as("ticket %s is somewhere", t.id()).isTrue();
    }
    assertThat(s.available()).isEqualTo(Availability.compute(s, now));
    assertThat(s.day()).isEqualTo(now.atZone(BranchFixture.CPH).toLocalDate());
  }

  /** A command of any kind, mostly plausible, sometimes not (a stranger at a desk, an unknown ticket). */
  public static Command randomCommand(Random r, BranchState s, Instant now, String newId) {
    String desk = DESKS[r.nextInt(DESKS.length)];
    // Mostly the staff member at the desk, sometimes someone else.
    String owner = s.desks().get(desk).staff();
    String staff = owner != null && r.nextInt(8) != 0 ? owner : STAFF[r.nextInt(STAFF.length)];
    String service = SERVICES[r.nextInt(SERVICES.length)];
    switch (r.nextInt(13)) {
      case 0:
      case 1:
      case 2:
        return new Command.IssueTicket(now, newId, service, Channel.KIOSK, "da");
      case 3:
        List<String> ids = new ArrayList<>(s.tickets().keySet());
        ids.sort(null);
        String id = ids.isEmpty() || r.nextInt(5) == 0 ? "main-unknown" : ids.get(r.nextInt(ids.size()));
        return new Command.CancelTicket(now, id);
      case 4:
        List<String> services = new ArrayList<>(List.of("pas", "lib", "pen", "wed"));
        java.util.Collections.shuffle(services, r);
        return new Command.OpenDesk(now, desk, staff, BranchFixture.ALL, services.subList(0, 1 + r.nextInt(services.size())));
      case 5:
        return r.nextBoolean() ? new Command.PauseDesk(now, desk, staff, "pause") : new Command.ResumeDesk(now, desk, staff);
      case 6:
        switch (r.nextInt(4)) {
          case 0:
            return new Command.SignOut(now, desk, staff, now.plusSeconds(60L * r.nextInt(20)));
          case 1:
            return new Command.Supervise(now, desk, staff,
                Command.Supervise.Action.values()[r.nextInt(Command.Supervise.Action.values().length)], null,
                BranchFixture.ALL);
          default:
            WaitingChoice[] choices = {null, WaitingChoice.keep(), WaitingChoice.moveTo("lib"), WaitingChoice.end("Lukket")};
            return new Command.CloseDesk(now, desk, staff, choices[r.nextInt(choices.length)]);
        }
      case 7:
      case 8:
        return new Command.CallNext(now, desk, staff);
      case 9:
        return r.nextBoolean() ? new Command.Recall(now, desk, staff) : new Command.StartService(now, desk, staff);
      case 10:
        return new Command.FinishService(now, desk, staff, "served");
      case 11:
        switch (r.nextInt(4)) {
          case 0:
            return new Command.Undo(now, desk, staff);
          case 1:
            List<String> waiting = new ArrayList<>(s.tickets().keySet());
            waiting.sort(null);
            return new Command.CallTicket(now, desk, staff, waiting.isEmpty() ? "main-unknown" : waiting.get(r.nextInt(waiting.size())));
          default:
            return r.nextBoolean() ? new Command.NoShow(now, desk, staff)
                : new Command.Transfer(now, desk, staff, service, Placement.values()[r.nextInt(3)]);
        }
      default:
        return new Command.Tick(now);
    }
  }
}
