package dk.queue.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchFixture;
import dk.queue.core.stats.BranchStatistics;
import dk.queue.core.stats.Figures;
import dk.queue.core.stats.StatsRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffingAdviceTest {
  static final BranchDef DEF = BranchFixture.def();
  static final StaffingAdvice.Target TARGET = new StaffingAdvice.Target(900, 0.8);

  static StaffingAdvice.Hour advise(int hour, Map<String, Double> arrivals, Map<String, Double> serviceSeconds) {
    return StaffingAdvice.advise(DEF, new StaffingAdvice.Demand(hour, arrivals), serviceSeconds, TARGET);
  }

  /**
   * The textbook M/M/c answer (Erlang C): P(wait > t) = C(c, a) · e^(−(c − a) t / m). The fewest c
   * with P(wait ≤ t) ≥ share.
   */
  static int erlang(double perHour, double meanSeconds, double t, double share) {
    double a = perHour * meanSeconds / 3600;
    for (int c = (int) Math.floor(a) + 1; ; c++) {
      double term = 1;
      double sum = 1;
      for (int k = 1; k < c; k++) {
        term *= a / k;
        sum += term;
      }
      double last = term * a / c * c / (c - a);
      double waits = last / (sum + last);
      if (1 - waits * Math.exp(-(c - a) * t / meanSeconds) >= share) {
        return c;
      }
    }
  }

  @Test
  void oneServiceNeedsWhatErlangCSaysWithinADesk() {
    for (double[] c : new double[][] {{12, 300}, {60, 300}, {30, 900}, {100, 180}}) {
      StaffingAdvice.Hour h = advise(10, Map.of("pas", c[0]), Map.of("pas", c[1]));
      int textbook = erlang(c[0], c[1], TARGET.waitSeconds(), TARGET.share());
      assertThat(h.desks()).as("%s per hour, %s s each (Erlang C: %d)", c[0], c[1], textbook)
          .isBetween(textbook - 1, textbook + 1);
      assertThat(h.met()).isTrue();
      assertThat(h.share()).isGreaterThanOrEqualTo(TARGET.share());
      assertThat(h.arrivals()).isEqualTo(c[0]);
      assertThat(h.meanWaitSeconds()).isGreaterThanOrEqualTo(0).isLessThan(TARGET.waitSeconds());
    }
  }

  @Test
  void moreArrivalsInAnHourNeedMoreDesksThatHour() {
    List<StaffingAdvice.Hour> hours = StaffingAdvice.advise(DEF, List.of(
            new StaffingAdvice.Demand(9, Map.of("pas", 20.0, "lib", 10.0)),
            new StaffingAdvice.Demand(10, Map.of("pas", 80.0, "lib", 10.0)),
            new StaffingAdvice.Demand(11, Map.of("pas", 20.0, "lib", 10.0))),
        Map.of("pas", 300.0, "lib", 120.0), TARGET);
    assertThat(hours).extracting(StaffingAdvice.Hour::hour).containsExactly(9, 10, 11);
    assertThat(hours.get(1).desks()).isGreaterThan(hours.get(0).desks());
    assertThat(hours.get(2)).isEqualTo(new StaffingAdvice.Hour(11, hours.get(0).arrivals(), hours.get(0).desks(),
        hours.get(0).met(), hours.get(0).share(), hours.get(0).meanWaitSeconds()));
  }

  /**
   * A day of 09-18 with two services, peaking at 11: the busiest hour needs the most desks. Prints
   * the CPU time of each of four runs (the first in a fresh JVM), lines starting {@code plan:}.
   */
  @Test
  void aWorkingDayIsAdvisedHourByHour() {
    double[] pas = {8, 14, 22, 16, 10, 18, 12, 8, 4};
    List<StaffingAdvice.Demand> demand = new java.util.ArrayList<>();
    for (int i = 0; i < pas.length; i++) {
      demand.add(new StaffingAdvice.Demand(9 + i, Map.of("pas", pas[i], "lib", pas[i] / 2)));
    }
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    List<StaffingAdvice.Hour> hours = List.of();
    for (int run = 0; run < 4; run++) {
      long before = cpu.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      hours = StaffingAdvice.advise(DEF, demand, Map.of("pas", 420.0, "lib", 180.0), TARGET);
      System.out.printf("plan: a day of %d hours, run %d: %.2f s of CPU, %.2f s of wall time%n", hours.size(), run,
          (cpu.getCurrentThreadCpuTime() - before) / 1e9, (System.nanoTime() - wall) / 1e9);
    }
    int peak = hours.get(2).desks();
    assertThat(hours).allSatisfy(h -> assertThat(h.desks()).isBetween(1, peak));
    assertThat(hours).allSatisfy(h -> assertThat(h.share()).isGreaterThanOrEqualTo(TARGET.share()));
    assertThat(hours.get(8).desks()).isLessThan(peak);
  }

  @Test
  void fewerDesksThanTheAdviceMissTheTarget() {
    StaffingAdvice.Hour h = advise(10, Map.of("pas", 40.0, "lib", 30.0), Map.of("pas", 300.0, "lib", 120.0));
    // A stricter share than the one met with one desk fewer needs at least one more desk.
    StaffingAdvice.Hour stricter = StaffingAdvice.advise(DEF, new StaffingAdvice.Demand(10,
        Map.of("pas", 40.0, "lib", 30.0)), Map.of("pas", 300.0, "lib", 120.0), new StaffingAdvice.Target(900, 0.99));
    assertThat(stricter.desks()).isGreaterThanOrEqualTo(h.desks());
    StaffingAdvice.Hour shorter = StaffingAdvice.advise(DEF, new StaffingAdvice.Demand(10,
        Map.of("pas", 40.0, "lib", 30.0)), Map.of("pas", 300.0, "lib", 120.0), new StaffingAdvice.Target(60, 0.8));
    assertThat(shorter.desks()).isGreaterThan(h.desks());
  }

  @Test
  void withTwoServicesSharingTheDesksTheAdviceIsTheFewestThatMeetTheTarget() {
    Map<String, Double> times = Map.of("pas", 420.0, "lib", 180.0);
    for (double pas : new double[] {6, 22, 40}) {
      StaffingAdvice.Demand demand = new StaffingAdvice.Demand(11, Map.of("pas", pas, "lib", pas / 2));
      StaffingAdvice.Hour h = StaffingAdvice.advise(DEF, demand, times, TARGET);
      double load = (pas * 420 + pas / 2 * 180) / 3600;
      assertThat(h.met()).isTrue();
      assertThat(h.desks()).isGreaterThan((int) load);
      assertThat(StaffingAdvice.tryDesks(DEF, demand, times, TARGET, h.desks())[0]).isEqualTo(h.share())
          .isGreaterThanOrEqualTo(TARGET.share());
      if (h.desks() - 1 > load) {
        assertThat(StaffingAdvice.tryDesks(DEF, demand, times, TARGET, h.desks() - 1)[0])
            .as("%s passports an hour with %d desks", pas, h.desks() - 1).isLessThan(TARGET.share());
      }
    }
  }

  @Test
  void withoutArrivalsNoDesksAndBeyondTheCapNotMet() {
    assertThat(advise(7, Map.of(), Map.of()).desks()).isZero();
    StaffingAdvice.Hour flood = advise(10, Map.of("pas", 2000.0), Map.of("pas", 600.0));
    assertThat(flood.met()).isFalse();
    assertThat(flood.desks()).isEqualTo(StaffingAdvice.MAX_DESKS);
    assertThat(flood.share()).isNaN();
    // Enough desks to keep up, too few for the target.
    StaffingAdvice.Hour busy = StaffingAdvice.advise(DEF, new StaffingAdvice.Demand(10, Map.of("pas", 400.0)),
        Map.of("pas", 250.0), new StaffingAdvice.Target(30, 0.99));
    assertThat(busy.met()).isFalse();
    assertThat(busy.desks()).isEqualTo(StaffingAdvice.MAX_DESKS);
    assertThat(busy.share()).isLessThan(0.99);
  }

  @Test
  void theConfiguredServiceTimeStandsInWhereNoneWasMeasured() {
    // pas is configured at 300 s: the same advice as when 300 s was measured.
    assertThat(advise(10, Map.of("pas", 60.0), Map.of()).desks())
        .isEqualTo(advise(10, Map.of("pas", 60.0), Map.of("pas", 300.0)).desks());
  }

  @Test
  void fewestFindsTheThresholdOrNone() {
    for (int lo = 1; lo <= 5; lo++) {
      for (int k = lo; k <= 30; k++) {
        int threshold = k;
        int[] tries = {0};
        assertThat(StaffingAdvice.fewest(lo, 30, n -> {
          tries[0]++;
          return n >= threshold;
        })).isEqualTo(k);
        assertThat(tries[0]).isLessThanOrEqualTo(3 + 2 * 5);
      }
      assertThat(StaffingAdvice.fewest(lo, 30, n -> false)).isZero();
    }
  }

  @Test
  void historyIsTheMeanOverDaysWithTickets() {
    LocalDate d1 = LocalDate.of(2026, 11, 16);
    LocalDate d2 = d1.plusWeeks(1);
    LocalDate closed = d1.minusWeeks(1);
    BranchStatistics one = day(d1, List.of(row(d1, "pas", 9, 4), row(d1, "pas", 10, 10), row(d1, "lib", 10, 2)),
        List.of(total("pas", 14, new Figures(10, 200.0, null, null, null)), total("lib", 2, Figures.NONE)));
    BranchStatistics two = day(d2, List.of(row(d2, "pas", 10, 6)),
        List.of(total("pas", 6, new Figures(10, 400.0, null, null, null)), total("lib", 0, Figures.NONE)));
    BranchStatistics none = day(closed, List.of(), List.of(total("pas", 0, Figures.NONE)));
    StaffingAdvice.History h = StaffingAdvice.history(List.of(one, two, none));
    assertThat(h.days()).isEqualTo(2);
    assertThat(h.hours()).extracting(StaffingAdvice.Demand::hour).containsExactly(9, 10);
    assertThat(h.hours().get(0).arrivals()).isEqualTo(Map.of("pas", 2.0));
    assertThat(h.hours().get(1).arrivals()).isEqualTo(Map.of("pas", 8.0, "lib", 1.0));
    assertThat(h.serviceSeconds()).isEqualTo(Map.of("pas", 300.0));
  }

  static BranchStatistics day(LocalDate d, List<StatsRow> hours, List<StatsRow> totals) {
    return new BranchStatistics("main", d, d, hours, totals, List.of());
  }

  static StatsRow row(LocalDate d, String service, int hour, int issued) {
    return new StatsRow("main", service, d, hour, issued, 0, 0, 0, 0, 0, Figures.NONE, Figures.NONE, null, 0, null,
        null, null);
  }

  static StatsRow total(String service, int issued, Figures serviceSeconds) {
    return new StatsRow("main", service, null, null, issued, 0, 0, 0, 0, 0, Figures.NONE, serviceSeconds, null, 0,
        null, null, null);
  }
}
