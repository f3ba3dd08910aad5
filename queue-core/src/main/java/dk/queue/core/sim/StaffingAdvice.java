package dk.queue.core.sim;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.OpeningHours;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.stats.BranchStatistics;
import dk.queue.core.stats.Figures;
import dk.queue.core.stats.StatsRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Staffing advice per hour: the fewest desks that call at least a target share of an hour's tickets
 * within a target wait. Each hour is tried on the branch's real state machine ({@link Simulator}):
 * the hour's mean arrivals of each service, as a Poisson stream kept up for many hours (so the
 * queue reaches the hour's steady state; queues carried over from an earlier hour are not counted),
 * each citizen served for an exponential time with the service's mean, by desks that all serve
 * every service of the hour in the branch's order of services. The search starts at the textbook
 * answer for one pooled queue (Erlang C) and moves a desk at a time. The work per hour is bounded:
 * at most {@link #MAX_DESKS} desks and about {@link #TICKETS_PER_TRY} tickets per try; an hour
 * whose load needs more desks than that is not simulated.
 */
public final class StaffingAdvice {
  /** The most desks advised for one hour. */
  public static final int MAX_DESKS = 30;
  /** About how many tickets each try judges. */
  static final int TICKETS_PER_TRY = 1000;
  private static final int MAX_DAYS = 20;
  /** Each simulated day's tickets come from 01:00 for at most 22 hours, and are done by midnight. */
  private static final double FIRST = 3600;
  private static final double LONGEST = 22 * 3600;
  /** The tickets of a day's first hour (or fifth of its span) are not judged: the queue forms then. */
  private static final double WARM_UP = 3600;
  private static final double DAY = 24 * 3600;
  private static final long SEED = 20261130L;
  /** A Monday in winter: no daylight-saving change in the simulated days. */
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

  private StaffingAdvice() {}

  /**
   * What to aim for.
   *
   * @param waitSeconds called within this long after taking a ticket
   * @param share       the share of tickets (0-1] that must be called within {@code waitSeconds}
   */
  public record Target(int waitSeconds, double share) {
    /** Four in five called within 15 minutes. */
    public static final Target DEFAULT = new Target(15 * 60, 0.8);

    public Target {
      if (waitSeconds < 1 || !(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("a target needs a wait of at least 1 s and a share in (0, 1]");
      }
    }
  }

  /** One local hour's mean arrivals per service (tickets in the hour). */
  public record Demand(int hour, Map<String, Double> arrivals) {
    public Demand {
      arrivals = Map.copyOf(arrivals);
    }

    public double total() {
      return arrivals.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }

  /**
   * What recent days say of a weekday.
   *
   * @param days           how many of the days given had tickets (the others are not counted:
   *                       the branch was closed)
   * @param hours          each local hour that had tickets on any of them, in order, with the
   *                       mean over {@code days}
   * @param serviceSeconds each service's mean time at the desk over those days, where any was measured
   */
  public record History(int days, List<Demand> hours, Map<String, Double> serviceSeconds) {}

  /** The demand of the days' statistics (one {@link BranchStatistics} per day). */
  public static History history(List<BranchStatistics> days) {
    int counted = 0;
    Map<Integer, Map<String, Double>> issued = new TreeMap<>();
    Map<String, double[]> service = new HashMap<>();
    for (BranchStatistics day : days) {
      if (day.totals().stream().mapToInt(StatsRow::issued).sum() == 0) {
        continue;
      }
      counted++;
      for (StatsRow row : day.hours()) {
        if (row.issued() > 0) {
          issued.computeIfAbsent(row.hour(), h -> new HashMap<>()).merge(row.service(), (double) row.issued(), Double::sum);
        }
      }
      for (StatsRow row : day.totals()) {
        Figures f = row.serviceSeconds();
        if (f.count() > 0) {
          double[] sum = service.computeIfAbsent(row.service(), k -> new double[2]);
          sum[0] += f.mean() * f.count();
          sum[1] += f.count();
        }
      }
    }
    int n = counted;
    List<Demand> hours = new ArrayList<>();
    issued.forEach((hour, perService) -> {
      Map<String, Double> mean = new HashMap<>();
      perService.forEach((s, total) -> mean.put(s, total / n));
      hours.add(new Demand(hour, mean));
    });
    Map<String, Double> means = new HashMap<>();
    service.forEach((s, sum) -> means.put(s, sum[0] / sum[1]));
    return new History(counted, hours, means);
  }

  /**
   * The advice for one hour.
   *
   * @param arrivals        the mean arrivals in the hour
   * @param desks           the fewest desks that meet the target (0 without arrivals), or
   *                        {@link #MAX_DESKS} when even that many do not
   * @param met             whether {@code desks} meet the target
   * @param share           the share called within the target wait with {@code desks}; NaN when the
   *                        hour's load exceeds {@link #MAX_DESKS} (the queue grows without end)
   * @param meanWaitSeconds the mean wait with {@code desks}; NaN as {@code share}
   */
  public record Hour(int hour, double arrivals, int desks, boolean met, double share, double meanWaitSeconds) {}

  /** The advice for each hour of {@code demand}, in its order. */
  public static List<Hour> advise(BranchDef def, List<Demand> demand, Map<String, Double> serviceSeconds, Target target) {
    List<Hour> hours = new ArrayList<>();
    for (Demand d : demand) {
      hours.add(advise(def, d, serviceSeconds, target));
    }
    return hours;
  }

  /** The advice for one hour. */
  public static Hour advise(BranchDef def, Demand demand, Map<String, Double> serviceSeconds, Target target) {
    double total = demand.total();
    Trial trial = new Trial(def, demand, serviceSeconds, target);
    if (!(trial.load() > 0)) {
      // Nobody came for a service the branch still has.
      return new Hour(demand.hour(), total, 0, true, 1, 0);
    }
    // Fewer desks than the offered load (arrivals × service time) can never keep up: their queue
    // grows all day, so more than the most desks advised are not tried.
    int stable = (int) Math.floor(trial.load()) + 1;
    if (stable > MAX_DESKS) {
      return new Hour(demand.hour(), total, MAX_DESKS, false, Double.NaN, Double.NaN);
    }
    Map<Integer, double[]> tried = new HashMap<>();
    IntPredicate meets = desks -> tried.computeIfAbsent(desks, trial::run)[0] >= target.share();
    // The textbook answer for one pooled queue is usually within a desk of the simulated one; starting
    // there spares the slow tries close to the load, where the queue is longest.
    int desks = Math.max(stable, Math.min(MAX_DESKS, erlangC(trial.load(), trial.meanServiceSeconds(), target)));
    if (meets.test(desks)) {
      while (desks > stable && meets.test(desks - 1)) {
        desks--;
      }
    } else {
      desks = desks == MAX_DESKS ? 0 : fewest(desks + 1, MAX_DESKS, meets);
    }
    boolean met = desks > 0;
    int chosen = met ? desks : MAX_DESKS;
    double[] result = tried.computeIfAbsent(chosen, trial::run);
    return new Hour(demand.hour(), total, chosen, met, result[0], result[1]);
  }

  /** {share called within the target wait, mean wait} of one hour with {@code desks} desks, as the advice tries it. */
  static double[] tryDesks(BranchDef def, Demand demand, Map<String, Double> serviceSeconds, Target target, int desks) {
    return new Trial(def, demand, serviceSeconds, target).run(desks);
  }

  /**
   * The fewest desks c for one queue with Poisson arrivals and exponential service times (M/M/c) at
   * which P(wait ≤ t) = 1 − C(c, a) · e^(−(c − a) t / m) reaches the target share (Erlang C, with a the
   * offered load and m the mean service time); at most {@link #MAX_DESKS}.
   */
  static int erlangC(double load, double meanSeconds, Target target) {
    for (int c = (int) Math.floor(load) + 1; c < MAX_DESKS; c++) {
      double term = 1;
      double sum = 1;
      for (int k = 1; k < c; k++) {
        term *= load / k;
        sum += term;
      }
      double last = term * load / (c - load);
      double waits = last / (sum + last);
      if (1 - waits * Math.exp(-(c - load) * target.waitSeconds() / meanSeconds) >= target.share()) {
        return c;
      }
    }
    return MAX_DESKS;
  }

  /**
   * The fewest n in [lo, hi] for which {@code ok} holds, taking it to hold for every n above one
   * where it does; 0 when it holds for none. Steps up one at a time from lo (the usual answer is
   * close to it), then by doubling, then halves the last step.
   */
  static int fewest(int lo, int hi, IntPredicate ok) {
    int below = lo - 1;
    int step = 1;
    int n = lo;
    while (!ok.test(n)) {
      below = n;
      if (n == hi) {
        return 0;
      }
      step = n - lo < 2 ? 1 : step * 2;
      n = Math.min(hi, n + step);
    }
    while (n - below > 1) {
      int mid = (below + n) / 2;
      if (ok.test(mid)) {
        n = mid;
      } else {
        below = mid;
      }
    }
    return n;
  }

  /** One hour's arrivals, the same in every try (common random numbers), run with some number of desks. */
  private static final class Trial {
    private final BranchDef branch;
    private final List<String> services = new ArrayList<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Target target;
    private final int days;
    private final double span;
    private final double warmUp;
    private final double load;
    private final double meanServiceSeconds;

    Trial(BranchDef def, Demand demand, Map<String, Double> serviceSeconds, Target target) {
      this.target = target;
      List<ServiceDef> open = new ArrayList<>();
      List<double[]> perHourAndMean = new ArrayList<>();
      double perSecond = 0;
      double work = 0;
      for (ServiceDef s : def.services()) {
        double n = demand.arrivals().getOrDefault(s.id(), 0.0);
        if (n > 0) {
          double m = serviceSeconds.getOrDefault(s.id(), 0.0) > 0 ? serviceSeconds.get(s.id()) : s.serviceSeconds();
          services.add(s.id());
          perHourAndMean.add(new double[] {n, m});
          open.add(new ServiceDef(s.id(), s.name(), s.letter(), s.group(), s.targetWaitSeconds(), s.serviceSeconds(),
              OpeningHours.always(), false));
          perSecond += n / 3600;
          work += n * m;
        }
      }
      this.load = work / 3600;
      this.meanServiceSeconds = work / (perSecond * 3600);
      List<DeskDef> desks = new ArrayList<>();
      for (int i = 1; i <= MAX_DESKS; i++) {
        desks.add(new DeskDef("d" + i, "d" + i));
      }
      this.branch = new BranchDef(def.id(), def.name(), def.zone(), open, desks, Integer.MAX_VALUE);
      if (!(perSecond > 0)) {
        this.span = 0;
        this.warmUp = 0;
        this.days = 0;
        return;
      }
      // Busy hours run a shorter span, quiet ones several days: about the same number of tickets.
      this.span = Math.min(LONGEST, 1.25 * TICKETS_PER_TRY / perSecond);
      this.warmUp = Math.min(WARM_UP, span / 5);
      this.days = (int) Math.max(1, Math.min(MAX_DAYS, Math.ceil(TICKETS_PER_TRY / (perSecond * (span - warmUp)))));
      // The same seed for every hour: hours with the same demand get the same advice.
      Random random = new Random(SEED);
      for (int day = 0; day < days; day++) {
        double t = day * DAY + FIRST;
        while (true) {
          t += -Math.log(1 - random.nextDouble()) / perSecond;
          if (t >= day * DAY + FIRST + span) {
            break;
          }
          // Which service: each in proportion to its arrivals.
          double u = random.nextDouble() * perSecond * 3600;
          int i = 0;
          while (i < services.size() - 1 && (u -= perHourAndMean.get(i)[0]) >= 0) {
            i++;
          }
          arrivals.add(new Arrival(t, services.get(i), -Math.log(1 - random.nextDouble()) * perHourAndMean.get(i)[1]));
        }
      }
    }

    double load() {
      return load;
    }

    double meanServiceSeconds() {
      return meanServiceSeconds;
    }

    /** {share called within the target wait, mean wait} of the judged tickets with {@code desks} desks. */
    double[] run(int desks) {
      List<Shift> plan = new ArrayList<>();
      for (int i = 1; i <= desks; i++) {
        plan.add(new Shift("d" + i, 0, days * DAY, services));
      }
      Instant start = FIRST_DAY.atStartOfDay(branch.zone()).toInstant();
      int judged = 0;
      int within = 0;
      int called = 0;
      double waited = 0;
      for (Outcome o : Simulator.run(branch, start, plan, arrivals)) {
        if (o.at() % DAY < FIRST + warmUp) {
          continue;
        }
        judged++;
        if (o.issued() && !Double.isNaN(o.called())) {
          called++;
          waited += o.waited();
          within += o.waited() <= target.waitSeconds() ? 1 : 0;
        }
      }
      return new double[] {judged == 0 ? 1 : (double) within / judged, called == 0 ? 0 : waited / called};
    }
  }
}
