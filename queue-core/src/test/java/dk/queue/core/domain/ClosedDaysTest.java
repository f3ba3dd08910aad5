package dk.queue.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixture's pension service is open weekdays 10-15, passport around the clock. */
class ClosedDaysTest {
  private static final LocalizedText CHRISTMAS = new LocalizedText("Jul", "Christmas");

  private static ZonedDateTime at(int month, int day, int hour) {
    return LocalDate.of(2026, month, day).atTime(hour, 0).atZone(BranchFixture.CPH);
  }

  private static BranchDef closedFor(SpecialDay... days) {
    return BranchFixture.def().withClosedDays(new ClosedDays(List.of(days)));
  }

  private static OpeningHours hours(BranchDef def, String service) {
    return def.service(service).orElseThrow().hours();
  }

  @Test
  void aClosedSpanClosesEveryServiceAndTheNextOpeningIsAfterIt() {
    // 24-26 December 2026 are Thursday to Saturday; Sunday pension is closed anyway.
    BranchDef def = closedFor(SpecialDay.closed(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26), CHRISTMAS));
    assertThat(hours(def, "pas").isOpen(at(12, 24, 12))).isFalse();
    assertThat(hours(def, "pas").isOpen(at(12, 26, 23))).isFalse();
    assertThat(hours(def, "pas").nextOpening(at(12, 24, 12))).contains(at(12, 27, 0));
    assertThat(hours(def, "pen").nextOpening(at(12, 23, 16))).contains(at(12, 28, 10));
    // The day before, the around-the-clock service closes at midnight instead of running on.
    assertThat(hours(def, "pas").closesAt(at(12, 23, 12))).contains(at(12, 24, 0));
    assertThat(def.closedDays().on(LocalDate.of(2026, 12, 25)).orElseThrow().reason()).isEqualTo(CHRISTMAS);
  }

  @Test
  void specialHoursCutTheDaysHours() {
    SpecialDay shortDay = new SpecialDay(null, null, "grundlovsdag",
        List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(14, 0))), null);
    BranchDef def = closedFor(shortDay);
    // 5 June 2026 is a Friday: pension 10-15 becomes 10-14, passport 00-24 becomes 09-14.
    assertThat(hours(def, "pen").on(LocalDate.of(2026, 6, 5)))
        .containsExactly(new TimeRange(LocalTime.of(10, 0), LocalTime.of(14, 0)));
    assertThat(hours(def, "pas").on(LocalDate.of(2026, 6, 5)))
        .containsExactly(new TimeRange(LocalTime.of(9, 0), LocalTime.of(14, 0)));
    assertThat(hours(def, "pen").closesAt(at(6, 5, 11))).contains(at(6, 5, 14));
    assertThat(hours(def, "pas").isOpen(at(6, 5, 8))).isFalse();
    assertThat(def.closedDays().on(LocalDate.of(2026, 6, 5)).orElseThrow().reason().da()).isEqualTo("Grundlovsdag");
    // Other years too, and not on other days.
    assertThat(hours(def, "pen").closesAt(at(6, 4, 11))).contains(at(6, 4, 15));
    assertThat(def.closedDays().on(LocalDate.of(2030, 6, 5))).isPresent();
  }

  @Test
  void allPublicHolidaysCloseTheBranch() {
    BranchDef def = closedFor(SpecialDay.closedOn(SpecialDay.ALL_PUBLIC));
    // Easter 2026: Thursday 2 April to Monday 6 April; pension opens again Tuesday.
    assertThat(hours(def, "pen").isOpen(at(4, 2, 12))).isFalse();
    assertThat(hours(def, "pen").nextOpening(at(4, 1, 16))).contains(at(4, 7, 10));
    assertThat(def.closedDays().closedOn(LocalDate.of(2026, 12, 24))).isFalse();
    assertThat(def.closedDays().closedOn(LocalDate.of(2026, 12, 25))).isTrue();
  }

  @Test
  void datedEntriesWinOverHolidayRules() {
    SpecialDay openOnBoxingDay = new SpecialDay(LocalDate.of(2026, 12, 26), null, null,
        List.of(new TimeRange(LocalTime.of(10, 0), LocalTime.of(12, 0))), null);
    BranchDef def = closedFor(SpecialDay.closedOn(SpecialDay.ALL_PUBLIC), openOnBoxingDay);
    assertThat(hours(def, "pas").isOpen(at(12, 26, 11))).isTrue();
    assertThat(hours(def, "pas").isOpen(at(12, 25, 11))).isFalse();
  }

  @Test
  void theTimetableWakesAtAnEarlyClosingAndSkipsAClosedDay() {
    SpecialDay shortDay = new SpecialDay(LocalDate.of(2026, 11, 25), null, null,
        List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(13, 0))), null);
    BranchDef def = closedFor(shortDay);
    assertThat(Timetable.nextChange(def, at(11, 25, 12).toInstant())).isEqualTo(at(11, 25, 13).toInstant());
    BranchFixture f = new BranchFixture();
    f.open("d1", "anna", "pen");
    BranchState closed = f.state.withDef(closedFor(SpecialDay.closed(LocalDate.of(2026, 11, 25), null, null)));
    assertThat(Availability.compute(f.state, f.now)).contains("pen");
    assertThat(Availability.compute(closed, f.now)).isEmpty();
  }

  @Test
  void aWholeYearClosedStillFindsTheNextOpening() {
    BranchDef def = closedFor(SpecialDay.closed(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null));
    Instant now = at(3, 1, 12).toInstant();
    assertThat(hours(def, "pen").nextOpening(now.atZone(BranchFixture.CPH))).contains(
        LocalDate.of(2027, 1, 1).atTime(10, 0).atZone(BranchFixture.CPH));
  }
}
