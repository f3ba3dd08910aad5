package dk.queue.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.OpeningHours;
import dk.queue.core.domain.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoursParserTest {

  static OpeningHours hours(String yaml) {
    return HoursParser.parse(YamlTree.read(yaml, "hours.yaml"));
  }

  static TimeRange range(String open, String close) {
    return new TimeRange(LocalTime.parse(open), LocalTime.parse(close));
  }

  @Test
  void alwaysIsEveryDayAroundTheClock() {
    assertThat(hours("always")).isEqualTo(OpeningHours.always());
  }

  @Test
  void closedIsNeverOpen() {
    assertThat(hours("closed").week()).isEmpty();
  }

  @Test
  void spansAndListsOfDaysShareTheirTimes() {
    OpeningHours h = hours("mon-wed, fri: \"10:00-12:00, 13:00-15:00\"\nsat: 10:00-14:00\nsun: closed");
    List<TimeRange> day = List.of(range("10:00", "12:00"), range("13:00", "15:00"));
    assertThat(h.on(DayOfWeek.MONDAY)).isEqualTo(day);
    assertThat(h.on(DayOfWeek.WEDNESDAY)).isEqualTo(day);
    assertThat(h.on(DayOfWeek.THURSDAY)).isEmpty();
    assertThat(h.on(DayOfWeek.FRIDAY)).isEqualTo(day);
    assertThat(h.on(DayOfWeek.SATURDAY)).containsExactly(range("10:00", "14:00"));
    assertThat(h.on(DayOfWeek.SUNDAY)).isEmpty();
  }

  @Test
  void danishDayNamesAndAListOfRangesAreAccepted() {
    OpeningHours h = hours("man-tor: [\"13:00-16:00\", \"9:00-12:00\"]\nlør: \"10:00-14:00\"");
    assertThat(h.on(DayOfWeek.TUESDAY)).as("in order of time").containsExactly(range("09:00", "12:00"),
        range("13:00", "16:00"));
    assertThat(h.on(DayOfWeek.SATURDAY)).containsExactly(range("10:00", "14:00"));
    assertThat(h.on(DayOfWeek.FRIDAY)).isEmpty();
  }

  @Test
  void twentyFourHundredIsMidnight() {
    OpeningHours h = hours("fri: \"18:00-24:00\"");
    assertThat(h.on(DayOfWeek.FRIDAY)).containsExactly(new TimeRange(LocalTime.of(18, 0), LocalTime.MIDNIGHT));
    assertThat(h.on(DayOfWeek.FRIDAY).get(0).endsAtMidnight()).isTrue();
  }
}
