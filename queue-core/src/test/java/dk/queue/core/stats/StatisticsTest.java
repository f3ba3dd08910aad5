package dk.queue.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.domain.OpeningHours;
import dk.queue.core.domain.Placement;
import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.ServiceDef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a known day of events, the figures are known: counted by hand below. */
class StatisticsTest {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  static final BranchDef DEF = new BranchDef("main", "Hovedbiblioteket", CPH, List.of(
      new ServiceDef("pas", new LocalizedText("Pas", "Passport"), "P", "borgerservice", 600, 300, OpeningHours.always(), false),
      new ServiceDef("lib", new LocalizedText("Lånerhjælp", "Library help"), "L", "bibliotek", 300, 120, OpeningHours.always(), false),
      new ServiceDef("wed", new LocalizedText("Vielse", "Wedding"), "V", "borgerservice", 600, 1800, OpeningHours.always(), true)),
      List.of(new DeskDef("d1", "Skranke 1"), new DeskDef("d2", "Skranke 2")));

  final List<Recorded> log = new ArrayList<>();

  void at(LocalDate day, int hour, int minute, Event e) {
    log.add(new Recorded("main", log.size() + 1, LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(CPH).toInstant(), e));
  }

  void at(int hour, int minute, Event e) {
    at(DAY, hour, minute, e);
  }

  /**
   * pas (target 10 min): t1 waits 5 min and is served in 10; t2 waits 15 and does not show; t4 is
   * cancelled; t3 comes from lib and waits 20 more, served in 2; t6 is left over and expires.
   * lib (target 5 min): t3 waits 20 and is transferred to pas; t5 waits 2 and is served in 10.
   * Told at issue: t1 200 s (waits 300), t2 500 s (waits 900: late), t3 60 s (waits 1200 in lib:
   * late; nothing told for its wait in pas), t5 0 s (waits 120).
   */
  BranchStatistics knownDay() {
    at(0, 1, new Event.DayStarted(DAY));
    at(9, 0, new Event.TicketIssued("t1", "pas", "P001", Channel.KIOSK, "da", 200L));
    at(9, 5, new Event.TicketCalled("t1", "d1", "P001", "pas"));
    at(9, 6, new Event.ServiceStarted("t1", "d1"));
    at(9, 10, new Event.TicketIssued("t2", "pas", "P002", Channel.KIOSK, "da", 500L));
    at(9, 16, new Event.TicketDone("t1", "d1", "served"));
    at(9, 20, new Event.TicketIssued("t3", "lib", "L001", Channel.MOBILE, "en", 60L));
    at(9, 25, new Event.TicketCalled("t2", "d1", "P002", "pas"));
    at(9, 26, new Event.TicketNoShow("t2", "d1"));
    at(9, 30, new Event.TicketIssued("t4", "pas", "P003", Channel.KIOSK, "da"));
    at(9, 40, new Event.TicketCalled("t3", "d2", "L001", "lib"));
    at(9, 41, new Event.ServiceStarted("t3", "d2"));
    at(9, 45, new Event.TicketTransferred("t3", "d2", "lib", "pas", Placement.LAST));
    at(9, 50, new Event.TicketCancelled("t4", "citizen"));
    at(10, 5, new Event.TicketCalled("t3", "d1", "L001", "pas"));
    at(10, 5, new Event.TicketRecalled("t3", "d1", "L001", "pas"));
    at(10, 6, new Event.ServiceStarted("t3", "d1"));
    at(10, 8, new Event.TicketDone("t3", "d1", "served"));
    at(10, 10, new Event.TicketIssued("t5", "lib", "L002", Channel.KIOSK, "da", 0L));
    at(10, 12, new Event.TicketCalled("t5", "d2", "L002", "lib"));
    at(10, 13, new Event.ServiceStarted("t5", "d2"));
    at(10, 23, new Event.TicketDone("t5", "d2", "referred"));
    at(10, 30, new Event.TicketIssued("t6", "pas", "P004", Channel.KIOSK, "da"));
    at(DAY.plusDays(1), 0, 5, new Event.TicketCancelled("t6", "expired"));
    at(DAY.plusDays(1), 0, 5, new Event.DayStarted(DAY.plusDays(1)));
    at(DAY.plusDays(1), 9, 0, new Event.TicketIssued("t7", "pas", "P001", Channel.KIOSK, "da"));
    return Statistics.compute(DEF, DAY, DAY, log);
  }

  static StatsRow total(BranchStatistics s, String service) {
    return s.totals().stream().filter(r -> r.service().equals(service)).findFirst().orElseThrow();
  }

  static StatsRow hour(BranchStatistics s, String service, LocalDate date, int hour) {
    return s.hours().stream().filter(r -> r.service().equals(service) && r.date().equals(date) && r.hour() == hour)
        .findFirst().orElseThrow();
  }

  @Test
  void totalsPerServiceCountEveryEndAndSummariseWaitsAndServiceTimes() {
    BranchStatistics s = knownDay();
    assertThat(total(s, "pas")).isEqualTo(new StatsRow("main", "pas", null, null, 4, 2, 1, 1, 1, 0,
        new Figures(3, 800.0, 900.0, 1200L, 1200L), new Figures(2, 360.0, 360.0, 600L, 600L), 0.333,
        2, 0.486, -0.417, 0.5));
    assertThat(total(s, "lib")).isEqualTo(new StatsRow("main", "lib", null, null, 2, 1, 0, 0, 0, 1,
        new Figures(2, 660.0, 660.0, 1200L, 1200L), new Figures(1, 600.0, 600.0, 600L, 600L), 0.5,
        2, 1.228, -0.955, 0.5));
    assertThat(total(s, "wed")).isEqualTo(new StatsRow("main", "wed", null, null, 0, 0, 0, 0, 0, 0,
        Figures.NONE, Figures.NONE, null, 0, null, null, null));
    assertThat(s.totals()).extracting(StatsRow::service).containsExactly("pas", "lib", "wed");
  }

  @Test
  void eachCountFallsInTheLocalHourOfItsEvent() {
    BranchStatistics s = knownDay();
    assertThat(hour(s, "pas", DAY, 9)).isEqualTo(new StatsRow("main", "pas", DAY, 9, 3, 1, 1, 1, 0, 0,
        new Figures(2, 600.0, 600.0, 900L, 900L), new Figures(1, 600.0, 600.0, 600L, 600L), 0.5,
        2, 0.486, -0.417, 0.5));
    assertThat(hour(s, "pas", DAY, 10)).isEqualTo(new StatsRow("main", "pas", DAY, 10, 1, 1, 0, 0, 1, 0,
        new Figures(1, 1200.0, 1200.0, 1200L, 1200L), new Figures(1, 120.0, 120.0, 120L, 120L), 0.0,
        0, null, null, null));
    assertThat(hour(s, "lib", DAY, 9).transferred()).isEqualTo(1);
    // The expiry of t6 comes after midnight but counts for the day and hour t6 was taken; the next
    // day's own tickets are not in the range.
    assertThat(s.hours()).extracting(r -> r.date() + " " + r.hour() + " " + r.service())
        .containsExactly("2026-11-25 9 lib", "2026-11-25 9 pas", "2026-11-25 10 lib", "2026-11-25 10 pas");
  }

  @Test
  void percentilesUseTheNearestRankAndTheMedianOfAnEvenCountIsTheMiddleMean() {
    assertThat(Figures.of(List.of(10L, 20L, 30L, 40L))).isEqualTo(new Figures(4, 25.0, 25.0, 40L, 40L));
    assertThat(Figures.of(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 100L)))
        .isEqualTo(new Figures(11, 14.1, 6.0, 10L, 100L));
    assertThat(Figures.of(List.of())).isEqualTo(Figures.NONE);
  }

  @Test
  void noEventsGiveZeroTotalsForEveryService() {
    BranchStatistics s = Statistics.compute(DEF, DAY, DAY, List.of());
    assertThat(s.hours()).isEmpty();
    assertThat(s.totals()).hasSize(3).allMatch(r -> r.issued() == 0 && r.waitSeconds().count() == 0);
  }

  @Test
  void csvHasOneLinePerHourAndServiceThenTheTotals() {
    String csv = StatisticsCsv.render(List.of(knownDay()));
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo(StatisticsCsv.HEADER);
    assertThat(lines).hasSize(1 + 4 + 2 + 3);
    assertThat(lines).contains(
        "main,pas,2026-11-25,09,3,1,1,1,0,0,2,600,600,900,900,1,600,600,600,600,0.5,2,0.486,-0.417,0.5,0,0,0,0,0,0,,,,,0,,,,",
        "main,pas,2026-11-25,day,4,2,1,1,1,0,3,800,900,1200,1200,2,360,360,600,600,0.333,2,0.486,-0.417,0.5,0,0,0,0,0,0,,,,,0,,,,",
        "main,pas,,total,4,2,1,1,1,0,3,800,900,1200,1200,2,360,360,600,600,0.333,2,0.486,-0.417,0.5,0,0,0,0,0,0,,,,,0,,,,",
        "main,wed,,total,0,0,0,0,0,0,0,,,,,0,,,,,,0,,,,0,0,0,0,0,0,,,,,0,,,,");
    assertThat(csv).contains("\r\n");
  }

  @Test
  void aCheckedInBookingIsIssuedAndWaitsFromItsBookedTime() {
    at(0, 1, new Event.DayStarted(DAY));
    Instant booked = LocalDateTime.of(DAY, java.time.LocalTime.of(9, 30)).atZone(CPH).toInstant();
    at(9, 10, new Event.Appointment(new dk.queue.core.domain.BookingEvent.CheckedIn("s1", "b1", "P001", "pas", booked)));
    at(9, 34, new Event.TicketCalled("b1", "d1", "P001", "pas"));
    StatsRow pas = total(Statistics.compute(DEF, DAY, DAY, log), "pas");
    assertThat(pas.issued()).isEqualTo(1);
    assertThat(pas.waitSeconds().max()).as("called four minutes after the booked time").isEqualTo(240L);
  }
}
