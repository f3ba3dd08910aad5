package dk.queue.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;

/**
 * Given these commands, when this command, then these events or this rejection: a branch with
 * passport ({@code pas}, P, target 10 min), library help ({@code lib}, L, target 5 min), pension
 * ({@code pen}, N, open weekdays 10-15 only) and weddings ({@code wed}, by appointment), and desks
 * d1..d3. Time starts on Wednesday 25 November 2026 at 12:00 in Copenhagen and moves only when a
 * test says so.
 */
public final class BranchFixture {
  public static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  public static final Instant NOON = LocalDate.of(2026, 11, 25).atTime(12, 0).atZone(CPH).toInstant();
  public static final Set<String> ALL = Set.of("pas", "lib", "pen", "wed");

  public static BranchDef def() {
    EnumMap<DayOfWeek, List<TimeRange>> weekdays = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
      weekdays.put(d, List.of(new TimeRange(LocalTime.of(10, 0), LocalTime.of(15, 0))));
    }
    return new BranchDef("main", "Hovedbiblioteket", CPH, List.of(
        new ServiceDef("pas", new LocalizedText("Pas", "Passport"), "P", "borgerservice", 600, 300, OpeningHours.always(), false),
        new ServiceDef("lib", new LocalizedText("Lånerhjælp", "Library help"), "L", "bibliotek", 300, 120, OpeningHours.always(), false),
        new ServiceDef("pen", new LocalizedText("Pension", "Pension"), "N", "borgerservice", 900, 600, new OpeningHours(weekdays), false),
        new ServiceDef("wed", new LocalizedText("Vielse", "Wedding"), "V", "borgerservice", 600, 1800, OpeningHours.always(), true)),
        List.of(new DeskDef("d1", "Skranke 1"), new DeskDef("d2", "Skranke 2"), new DeskDef("d3", "Skranke 3")));
  }

  BranchState state = BranchState.initial(def(), LocalDate.of(2026, 11, 25));
  Instant now = NOON;
  private int ids;
  List<Recorded> lastEvents = List.of();
  Rejection lastRejection;

  Instant at(int minutes) {
    return NOON.plusSeconds(minutes * 60L);
  }

  BranchFixture minutesLater(int minutes) {
    now = now.plusSeconds(minutes * 60L);
    return this;
  }

  String nextId() {
    return "main-t" + (++ids);
  }

  /** Runs a command that must be accepted; returns its events. */
  List<Recorded> given(Command c) {
    Decision d = BranchMachine.decide(state, c);
    if (d instanceof Decision.Rejected) {
      throw new AssertionError("given command was rejected: " + ((Decision.Rejected) d).rejection());
    }
    state = ((Decision.Accepted) d).state();
    lastEvents = ((Decision.Accepted) d).events();
    return lastEvents;
  }

  /** Runs a command; either way the fixture remembers what happened. */
  Decision when(Command c) {
    Decision d = BranchMachine.decide(state, c);
    if (d instanceof Decision.Accepted) {
      state = ((Decision.Accepted) d).state();
      lastEvents = ((Decision.Accepted) d).events();
      lastRejection = null;
    } else {
      lastEvents = List.of();
      lastRejection = ((Decision.Rejected) d).rejection();
    }
    return d;
  }

  /** The command is refused for this reason and the state is exactly as before. */
  void rejected(Command c, Rejection.Reason reason) {
    BranchState before = state;
    Decision d = BranchMachine.decide(state, c);
    assertThat(d).as("decision for " + c).isInstanceOf(Decision.Rejected.class);
    assertThat(((Decision.Rejected) d).rejection().reason()).as("reason for " + c).isEqualTo(reason);
    assertThat(((Decision.Rejected) d).rejection().message()).isNotBlank();
    assertThat(state).isSameAs(before);
  }

  /** The payloads of the last accepted command's events. */
  List<Event> events() {
    List<Event> e = new ArrayList<>();
    lastEvents.forEach(r -> e.add(r.event()));
    return e;
  }

  // Commands, with the fixture's clock and ids.

  String issue(String service) {
    String id = nextId();
    given(new Command.IssueTicket(now, id, service, Channel.KIOSK, "da"));
    return id;
  }

  Command.IssueTicket issueCommand(String service) {
    return new Command.IssueTicket(now, nextId(), service, Channel.KIOSK, "da");
  }

  void open(String desk, String staff, String... services) {
    given(new Command.OpenDesk(now, desk, staff, ALL, List.of(services)));
  }

  Command.CallNext call(String desk, String staff) {
    return new Command.CallNext(now, desk, staff);
  }

  String callNext(String desk, String staff) {
    given(call(desk, staff));
    return state.desks().get(desk).current();
  }

  Ticket ticket(String id) {
    return state.ticket(id).orElseThrow();
  }
}
