package dk.queue.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A simulated Wednesday at the demo's main library, 08:00-18:00, through the statistics: every
 * ticket ends exactly once, and the CSV is written to {@code target/demo-day.csv} for reading.
 */
class DemoDayTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  @Test
  void aDemoDayAddsUpAndRendersAsCsv() throws Exception {
    BranchDef def = ConfigLoader.demo().branch("hovedbiblioteket").orElseThrow();
    DaySimulator sim = new DaySimulator(def, DAY, 42);
    List<Recorded> events = new ArrayList<>(sim.run(DAY.atTime(LocalTime.of(8, 0)).atZone(def.zone()).toInstant(),
        DAY.atTime(LocalTime.of(18, 0)).atZone(def.zone()).toInstant(), 2000));
    events.addAll(sim.nextMorning(DAY.plusDays(1).atStartOfDay(def.zone()).toInstant().plusSeconds(5)));

    BranchStatistics s = Statistics.compute(def, DAY, DAY, events);

    long issued = events.stream().filter(r -> r.event() instanceof Event.TicketIssued).count();
    long calls = events.stream().filter(r -> r.event() instanceof Event.TicketCalled).count();
    assertThat(issued).isGreaterThan(100);
    assertThat(s.totals().stream().mapToInt(StatsRow::issued).sum()).isEqualTo((int) issued);
    assertThat(s.totals().stream().mapToInt(r -> r.served() + r.noShow() + r.cancelled() + r.expired()).sum())
        .as("every ticket ends once").isEqualTo((int) issued);
    assertThat(s.totals().stream().mapToInt(r -> r.waitSeconds().count()).sum()).isEqualTo((int) calls);
    assertThat(s.hours().stream().mapToInt(StatsRow::issued).sum()).isEqualTo((int) issued);
    assertThat(s.hours()).allMatch(r -> r.hour() >= 8 && r.hour() < 18);

    String csv = StatisticsCsv.render(List.of(s));
    Path out = Path.of("target" + System.getProperty("queue.build.suffix", ""), "demo-day.csv");
    Files.createDirectories(out.getParent());
    Files.writeString(out, csv, StandardCharsets.UTF_8);
    System.out.println("Demo day (" + events.size() + " events, " + issued + " tickets) -> " + out.toAbsolutePath());
  }
}
