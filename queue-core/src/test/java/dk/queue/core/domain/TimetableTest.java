package dk.queue.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The fixture's pension service is open weekdays 10-15; the others around the clock. */
class TimetableTest {
  private static Instant local(int day, int hour, int minute) {
    return LocalDate.of(2026, 11, day).atTime(hour, minute).atZone(BranchFixture.CPH).toInstant();
  }

  @Test
  void beforeOpeningTheNextChangeIsTheOpening() {
    assertThat(Timetable.nextChange(BranchFixture.def(), local(25, 8, 30))).isEqualTo(local(25, 10, 0));
  }

  @Test
  void whileOpenTheNextChangeIsTheClosing() {
    assertThat(Timetable.nextChange(BranchFixture.def(), local(25, 12, 0))).isEqualTo(local(25, 15, 0));
  }

  @Test
  void afterTheLastClosingTheNextChangeIsLocalMidnight() {
    assertThat(Timetable.nextChange(BranchFixture.def(), local(25, 15, 0))).isEqualTo(local(26, 0, 0));
    // Saturday: pension stays closed, but the day still changes at midnight
    assertThat(Timetable.nextChange(BranchFixture.def(), local(28, 9, 0))).isEqualTo(local(29, 0, 0));
  }

  @Test
  void theChangeItNamesReallyChangesAvailability() {
    BranchFixture f = new BranchFixture();
    f.open("d1", "anna", "pen");
    Instant change = Timetable.nextChange(f.state.def(), f.now);
    assertThat(Availability.compute(f.state, change.minusMillis(1))).contains("pen");
    assertThat(Availability.compute(f.state, change)).doesNotContain("pen");
  }
}
