package dk.queue.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.MoveEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A ticket moved to another branch counts once: issued and transferred out at one, waited for and served at the other. */
class MovedStatisticsTest {
  static final java.time.LocalDate DAY = StatisticsTest.DAY;
  final java.util.List<dk.queue.core.domain.Recorded> log = new java.util.ArrayList<>();

  Instant time(int hour, int minute) {
    return java.time.LocalDateTime.of(DAY, java.time.LocalTime.of(hour, minute)).atZone(StatisticsTest.CPH).toInstant();
  }

  void at(int hour, int minute, Event e) {
    log.add(new dk.queue.core.domain.Recorded("main", log.size() + 1, time(hour, minute), e));
  }

  static StatsRow total(BranchStatistics s, String service) {
    return StatisticsTest.total(s, service);
  }

  @Test
  void aMovedTicketCountsOnceAcrossTheTwoBranches() {
    at(0, 1, new Event.DayStarted(DAY));
    at(9, 0, new Event.TicketIssued("t1", "pas", "P001", Channel.KIOSK, "da", 200L));
    at(9, 10, new Event.Moved(new MoveEvent.Out("t1", "pas", "vest", "lib", "vest-x")));
    StatsRow out = total(Statistics.compute(StatisticsTest.DEF, DAY, DAY, log), "pas");
    assertThat(out.issued()).isEqualTo(1);
    assertThat(out.transferred()).isEqualTo(1);
    assertThat(out.cancelled()).isZero();

    log.clear();
    at(0, 1, new Event.DayStarted(DAY));
    at(9, 11, new Event.Moved(new MoveEvent.In("vest-x", "lib", "L001", "main", "t1", time(9, 0), "da")));
    at(9, 15, new Event.TicketCalled("vest-x", "d1", "L001", "lib"));
    at(9, 16, new Event.ServiceStarted("vest-x", "d1"));
    at(9, 20, new Event.TicketDone("vest-x", "d1", "served"));
    StatsRow in = total(Statistics.compute(StatisticsTest.DEF, DAY, DAY, log), "lib");
    assertThat(in.issued()).as("issued at the first branch only").isZero();
    assertThat(in.served()).isEqualTo(1);
    assertThat(in.waitSeconds().max()).as("waited here from its arrival").isEqualTo(240L);
  }
}
