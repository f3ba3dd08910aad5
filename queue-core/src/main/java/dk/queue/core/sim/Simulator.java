package dk.queue.core.sim;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.Desk;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.WaitingChoice;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs a branch's real state machine ({@link BranchMachine#decide}) on a virtual clock: citizens
 * take tickets at the given times, desks open and close by the staffing plan, call as soon as they
 * are free and someone waits, start at once and finish after the arrival's service time. Each
 * ticket's estimate at issue is what the machine told the citizen (in its {@link Event.TicketIssued});
 * the textbook predictors QL, HOL and LES are computed on the same path.
 */
public final class Simulator {
  /** A shift's end closes its desk; those waiting stay for the next shift, as staff would choose. */
  private static final WaitingChoice KEEP = WaitingChoice.keep();
  private final BranchDef def;
  private final Instant start;
  private final List<Shift> staffing;
  private final List<Arrival> arrivals;
  private final PriorityQueue<Step> steps = new PriorityQueue<>();
  private final Map<String, DeskRun> desks = new LinkedHashMap<>();
  /** QL's mean service time per service. */
  private final Map<String, Double> qlMean = new HashMap<>();
  private final Map<String, Double> lastCalledWait = new HashMap<>();
  private final Outcome[] outcomes;
  private BranchState state;
  private long sequence;

  private Simulator(BranchDef def, Instant start, List<Shift> staffing, List<Arrival> arrivals,
                    Map<String, Double> modelMeans) {
    this.def = def;
    this.start = start;
    this.staffing = staffing;
    this.arrivals = arrivals;
    this.outcomes = new Outcome[arrivals.size()];
    qlMean.putAll(modelMeans);
  }

  /**
   * Simulates the arrivals under the staffing plan from {@code start}.
   *
   * @throws IllegalArgumentException when the plan or the arrivals name a desk or service the
   *                                  branch does not have
   */
  public static List<Outcome> run(BranchDef def, Instant start, List<Shift> staffing, List<Arrival> arrivals) {
    return run(def, start, staffing, arrivals, Map.of());
  }

  /**
   * As {@link #run(BranchDef, Instant, List, List)}, with the mean service times of the model the
   * arrivals were drawn from: QL is then given those, as Ibrahim &amp; Whitt's QL is given the known
   * mean. A service not in {@code modelMeans} gives QL the mean of its arrivals' service times,
   * which include those still to be drawn when a ticket is issued.
   */
  public static List<Outcome> run(BranchDef def, Instant start, List<Shift> staffing, List<Arrival> arrivals,
                                  Map<String, Double> modelMeans) {
    check(def, staffing, arrivals);
    return new Simulator(def, start, staffing, arrivals, modelMeans).simulate();
  }

  private static void check(BranchDef def, List<Shift> staffing, List<Arrival> arrivals) {
    for (Shift s : staffing) {
      if (def.desk(s.desk()).isEmpty()) {
        throw new IllegalArgumentException("staffing: branch " + def.id() + " has no desk '" + s.desk() + "'");
      }
      s.services().forEach(service -> checkService(def, service, "staffing"));
      if (s.services().isEmpty() || new HashSet<>(s.services()).size() != s.services().size()) {
        throw new IllegalArgumentException("staffing: desk " + s.desk() + " must list at least one service, each once");
      }
      if (!(s.close() > s.open())) {
        throw new IllegalArgumentException("staffing: desk " + s.desk() + " must close after it opens");
      }
    }
    arrivals.stream().map(Arrival::service).distinct().forEach(service -> checkService(def, service, "arrivals"));
  }

  private static void checkService(BranchDef def, String service, String file) {
    if (def.service(service).isEmpty()) {
      throw new IllegalArgumentException(file + ": branch " + def.id() + " has no service '" + service + "'");
    }
  }

  private List<Outcome> simulate() {
    state = BranchState.initial(def, start.atZone(def.zone()).toLocalDate());
    Map<String, double[]> sums = new HashMap<>();
    for (int i = 0; i < arrivals.size(); i++) {
      Arrival a = arrivals.get(i);
      double[] sum = sums.computeIfAbsent(a.service(), k -> new double[2]);
      sum[0] += a.serviceSeconds();
      sum[1]++;
      schedule(a.at(), Kind.ARRIVE, i, null);
    }
    sums.forEach((service, sum) -> qlMean.putIfAbsent(service, sum[0] / sum[1]));
    for (Shift s : staffing) {
      desks.computeIfAbsent(s.desk(), DeskRun::new);
      schedule(s.open(), Kind.OPEN, 0, s);
      schedule(s.close(), Kind.CLOSE, 0, s);
    }
    while (!steps.isEmpty()) {
      Step step = steps.poll();
      switch (step.kind) {
        case ARRIVE -> arrive(step.at, step.index);
        case OPEN -> open(step.at, step.shift);
        case CLOSE -> close(step.at, step.shift);
        case FINISH -> finish(step.at, step.shift.desk());
      }
    }
    return Arrays.asList(outcomes);
  }

  private void arrive(double t, int index) {
    Arrival a = arrivals.get(index);
    Instant at = instant(t);
    rollOver(t);
    String service = a.service();
    int position = state.queue(service).size() + 1;
    int idle = 0;
    int serving = 0;
    for (Desk d : state.desks().values()) {
      if (d.staffedAndOpen() && d.services().contains(service)) {
        serving++;
        idle += d.current() == null ? 1 : 0;
      }
    }
    double ql = serving == 0 ? Double.NaN : Math.max(0, position - idle) * qlMean.get(service) / serving;
    double les = position <= idle ? 0 : lastCalledWait.getOrDefault(service, 0.0);
    double hol = position <= idle ? 0 : state.queue(service).isEmpty() ? les
        : seconds(state.tickets().get(state.queue(service).get(0)).queuedAt(), at);
    String id = "sim-" + (index + 1);
    List<Recorded> events = decide(new Command.IssueTicket(at, id, service, Channel.KIOSK, "da"));
    boolean issued = events != null;
    // What the citizen was told is in the event: the machine asked the estimator once already.
    double ours = issued ? events.stream().map(Recorded::event).filter(Event.TicketIssued.class::isInstance)
        .map(e -> ((Event.TicketIssued) e).estimatedWaitSeconds()).filter(java.util.Objects::nonNull)
        .mapToDouble(Long::doubleValue).findFirst().orElse(Double.NaN) : Double.NaN;
    outcomes[index] = new Outcome(index + 1, service, issued, t, ours, Double.NaN, null,
        ql, hol, les);
    if (issued) {
      for (DeskRun d : desks.values()) {
        if (state.queue(service).isEmpty()) {
          break;
        }
        if (d.idleAndOpen() && d.shift.services().contains(service)) {
          callNext(t, d);
        }
      }
    }
  }

  private void open(double t, Shift shift) {
    rollOver(t);
    DeskRun d = desks.get(shift.desk());
    d.shift = shift;
    d.closing = false;
    if (d.open) {
      return;
    }
    decide(new Command.OpenDesk(instant(t), shift.desk(), d.staff, new HashSet<>(shift.services()), shift.services()));
    d.open = true;
    callNext(t, d);
  }

  private void close(double t, Shift shift) {
    rollOver(t);
    DeskRun d = desks.get(shift.desk());
    if (d.shift != shift || !d.open) {
      return;
    }
    if (d.current != null) {
      d.closing = true;
      return;
    }
    decide(new Command.CloseDesk(instant(t), shift.desk(), d.staff, KEEP));
    d.open = false;
  }

  private void finish(double t, String deskId) {
    rollOver(t);
    DeskRun d = desks.get(deskId);
    if (d.current == null) {
      return;
    }
    decide(new Command.FinishService(instant(t), deskId, d.staff, null));
    d.current = null;
    if (d.closing) {
      d.closing = false;
      d.open = false;
      decide(new Command.CloseDesk(instant(t), deskId, d.staff, KEEP));
    } else {
      callNext(t, d);
    }
  }

  private void callNext(double t, DeskRun d) {
    boolean anyone = d.shift.services().stream().anyMatch(s -> !state.queue(s).isEmpty());
    if (!anyone) {
      return;
    }
    List<Recorded> events = decide(new Command.CallNext(instant(t), d.id, d.staff));
    for (Recorded r : events) {
      if (r.event() instanceof Event.TicketCalled c) {
        int index = Integer.parseInt(c.ticket().substring(4)) - 1;
        Outcome o = outcomes[index];
        outcomes[index] = new Outcome(o.ticket(), o.service(), true, o.at(), o.estimate(), t, d.id, o.ql(), o.hol(),
            o.les());
        lastCalledWait.put(c.service(), t - o.at());
        d.current = c.ticket();
        decide(new Command.StartService(instant(t), d.id, d.staff));
        schedule(t + arrivals.get(index).serviceSeconds(), Kind.FINISH, index, d.shift);
      }
    }
  }

  /**
   * At local midnight the branch starts a new day: left-over tickets expire and desks close. Desks
   * the plan has open then open again at once.
   */
  private void rollOver(double t) {
    Instant at = instant(t);
    if (!at.atZone(def.zone()).toLocalDate().isAfter(state.day())) {
      return;
    }
    decide(new Command.Tick(at));
    for (DeskRun d : desks.values()) {
      if (d.current != null) {
        // Its ticket expired with the day; the finish that was due finds nothing to finish.
        d.current = null;
        steps.removeIf(s -> s.kind == Kind.FINISH && s.shift.desk().equals(d.id));
      }
      if (d.open && d.closing) {
        d.open = false;
        d.closing = false;
      }
      if (d.open) {
        d.open = false;
        open(t, d.shift);
      }
    }
  }

  /** Applies a command; its events, or null when it was refused. */
  private List<Recorded> decide(Command command) {
    Decision decision = BranchMachine.decide(state, command);
    if (decision instanceof Decision.Accepted a) {
      state = a.state().acknowledged(a.state().seq());
      return a.events();
    }
    return null;
  }

  private Instant instant(double t) {
    return start.plusNanos(Math.round(t * 1e9));
  }

  private double seconds(Instant from, Instant to) {
    return (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
  }

  private void schedule(double at, Kind kind, int index, Shift shift) {
    steps.add(new Step(at, sequence++, kind, index, shift));
  }

  private enum Kind { FINISH, CLOSE, OPEN, ARRIVE }

  /** Something due at a time; at the same time finishes come first, then closings, openings and arrivals. */
  private record Step(double at, long seq, Kind kind, int index, Shift shift) implements Comparable<Step> {
    public int compareTo(Step o) {
      int c = Double.compare(at, o.at);
      if (c == 0) {
        c = kind.compareTo(o.kind);
      }
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** A desk as the simulation runs it. */
  private static final class DeskRun {
    final String id;
    final String staff;
    Shift shift;
    boolean open;
    boolean closing;
    String current;

    DeskRun(String id) {
      this.id = id;
      this.staff = "sim-" + id;
    }

    boolean idleAndOpen() {
      return open && current == null;
    }
  }
}
