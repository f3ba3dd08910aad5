package dk.queue.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.DanishHolidays.Day;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DanishHolidaysTest {
  @Test
  void easterSundayMatchesThePublishedDates() {
    // From the almanac, including the earliest (22 March) and latest (25 April) Easter of the range.
    assertThat(DanishHolidays.easterSunday(2008)).isEqualTo(LocalDate.of(2008, 3, 23));
    assertThat(DanishHolidays.easterSunday(2011)).isEqualTo(LocalDate.of(2011, 4, 24));
    assertThat(DanishHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(DanishHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
    assertThat(DanishHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(DanishHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    assertThat(DanishHolidays.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
  }

  @Test
  void easterIsASundayAfterTheEquinoxEveryYear() {
    for (int year = 1900; year <= 2200; year++) {
      LocalDate easter = DanishHolidays.easterSunday(year);
      assertThat(easter.getDayOfWeek()).as("%s", year).isEqualTo(DayOfWeek.SUNDAY);
      assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
    }
  }

  @Test
  void theHolidaysOf2026() {
    assertThat(DanishHolidays.publicHolidays(2026)).containsExactly(
        new DanishHolidays.Dated(LocalDate.of(2026, 1, 1), Day.NEW_YEARS_DAY),
        new DanishHolidays.Dated(LocalDate.of(2026, 4, 2), Day.MAUNDY_THURSDAY),
        new DanishHolidays.Dated(LocalDate.of(2026, 4, 3), Day.GOOD_FRIDAY),
        new DanishHolidays.Dated(LocalDate.of(2026, 4, 5), Day.EASTER_SUNDAY),
        new DanishHolidays.Dated(LocalDate.of(2026, 4, 6), Day.EASTER_MONDAY),
        new DanishHolidays.Dated(LocalDate.of(2026, 5, 14), Day.ASCENSION_DAY),
        new DanishHolidays.Dated(LocalDate.of(2026, 5, 24), Day.WHIT_SUNDAY),
        new DanishHolidays.Dated(LocalDate.of(2026, 5, 25), Day.WHIT_MONDAY),
        new DanishHolidays.Dated(LocalDate.of(2026, 12, 25), Day.CHRISTMAS_DAY),
        new DanishHolidays.Dated(LocalDate.of(2026, 12, 26), Day.BOXING_DAY));
  }

  @Test
  void storeBededagIsAHolidayUntil2023Only() {
    assertThat(DanishHolidays.publicHolidayOn(LocalDate.of(2023, 5, 5))).contains(Day.GREAT_PRAYER_DAY);
    assertThat(Day.GREAT_PRAYER_DAY.in(2024)).isEmpty();
    assertThat(DanishHolidays.publicHolidays(2024)).extracting(DanishHolidays.Dated::day)
        .doesNotContain(Day.GREAT_PRAYER_DAY).hasSize(10);
    assertThat(DanishHolidays.publicHolidayOn(LocalDate.of(2024, 4, 26))).isEmpty();
  }

  @Test
  void theBranchesOwnChoicesAreOfferedButAreNoPublicHolidays() {
    List<DanishHolidays.Dated> all = DanishHolidays.all(2026);
    assertThat(all).extracting(DanishHolidays.Dated::day)
        .contains(Day.CHRISTMAS_EVE, Day.NEW_YEARS_EVE, Day.CONSTITUTION_DAY);
    assertThat(DanishHolidays.publicHolidayOn(LocalDate.of(2026, 12, 24))).isEmpty();
    assertThat(DanishHolidays.publicHolidayOn(LocalDate.of(2026, 6, 5))).isEmpty();
    assertThat(all).extracting(DanishHolidays.Dated::date).isSorted();
  }
}
