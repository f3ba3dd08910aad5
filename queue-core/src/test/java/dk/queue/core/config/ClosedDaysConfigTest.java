package dk.queue.core.config;

import static dk.queue.core.config.SampleConfig.FILE;
import static dk.queue.core.config.SampleConfig.afterLine;
import static dk.queue.core.config.SampleConfig.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.SpecialDay;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** A branch's {@code closedDays}: read into every service's hours, refused with the place and the fix. */
class ClosedDaysConfigTest {
  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

  private static String withClosedDays(String... lines) {
    return afterLine(14, "    closedDays:\n" + String.join("\n", lines));
  }

  private static ZonedDateTime at(int year, int month, int day, int hour) {
    return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CPH);
  }

  @Test
  void everyFormIsReadAndKeptByTheServices() {
    BranchDef main = ConfigLoader.parse(withClosedDays(
        "      - helligdage",
        "      - juleaftensdag",
        "      - {holiday: grundlovsdag, hours: \"09:00-12:00\"}",
        "      - {date: 2026-12-28, reason: Inventur}",
        "      - {from: 2026-07-06, to: 2026-07-10, reason: {da: Sommerlukket, en: Closed for the summer}}"),
        FILE).branch("main").orElseThrow();
    assertThat(main.closedDays().days()).hasSize(5);
    var pas = main.service("pas").orElseThrow().hours();
    assertThat(pas.isOpen(at(2026, 12, 24, 10))).as("juleaftensdag").isFalse();
    assertThat(pas.isOpen(at(2026, 12, 25, 10))).as("juledag, a Friday").isFalse();
    assertThat(pas.isOpen(at(2026, 12, 28, 10))).as("the branch's own day").isFalse();
    assertThat(pas.nextOpening(at(2026, 12, 23, 18))).contains(at(2026, 12, 29, 9));
    assertThat(pas.closesAt(at(2026, 6, 5, 10))).as("grundlovsdag, half a day").contains(at(2026, 6, 5, 12));
    assertThat(main.closedDays().on(LocalDate.of(2026, 7, 8)).orElseThrow().reason().en())
        .isEqualTo("Closed for the summer");
    assertThat(main.closedDays().on(LocalDate.of(2026, 12, 28)).orElseThrow().reason().da()).isEqualTo("Inventur");
  }

  @Test
  void mistakesAreNamedWithTheirPlace() {
    refused(withClosedDays("      - jul"), 16, 9, "branches[0].closedDays[0]",
        "'jul' is not a day of the holiday list: use " + SpecialDay.ALL_PUBLIC);
    refused(withClosedDays("      - {date: 24-12-2026}"), 16, 16, "branches[0].closedDays[0].date",
        "\"24-12-2026\" is not a date (YYYY-MM-DD, e.g. 2026-12-24)");
    refused(withClosedDays("      - {from: 2026-12-26, to: 2026-12-24}"), 16, 32, "branches[0].closedDays[0].to",
        "the span ends (2026-12-24) before it starts (2026-12-26)");
    refused(withClosedDays("      - {date: 2026-12-24, holiday: juledag}"), 16, 9, "branches[0].closedDays[0]",
        "give exactly one of holiday, date, or from (with to)");
    refused(withClosedDays("      - {date: 2026-12-24, hours: \"14:00-09:00\"}"), 16, 35,
        "branches[0].closedDays[0].hours", "\"14:00-09:00\" closes before it opens");
    refused(withClosedDays("      - {date: 2026-12-24, open: \"09:00-12:00\"}"), 16, 28,
        "branches[0].closedDays[0].open", "unknown field 'open'");
    refused(withClosedDays("      - {from: 2026-01-01, to: 2028-01-01}"), 16, 32, "branches[0].closedDays[0].to",
        "a span may cover at most 366 days");
  }
}
