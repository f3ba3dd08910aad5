package dk.queue.ops.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.sim.StaffingAdvice;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan page's model: hours without tickets between busy ones are shown, bars scale to the axis. */
class PlanViewTest {
  static final List<BranchDef> BRANCHES = ConfigLoader.demo().branches();

  @Test
  void hoursBetweenAreFilledAndBarsScaleWithTheArrivals() {
    List<StaffingAdvice.Hour> advice = List.of(new StaffingAdvice.Hour(9, 10, 2, true, 0.9, 120),
        new StaffingAdvice.Hour(12, 40, 5, true, 0.85, 300), new StaffingAdvice.Hour(13, 2000, 30, false, Double.NaN,
            Double.NaN));
    Map<String, Object> m = PlanView.model(BRANCHES, BRANCHES.get(0), DayOfWeek.MONDAY,
        List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 16)), StaffingAdvice.Target.DEFAULT,
        new StaffingAdvice.History(2, List.of(), Map.of()), advice);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) m.get("rows");
    assertThat(rows).extracting(r -> r.get("hour")).containsExactly(9, 10, 11, 12, 13);
    assertThat(rows).extracting(r -> r.get("desks")).containsExactly("2", "0", "0", "5", "> 30");
    assertThat(rows.get(4).get("share")).isEqualTo("–");
    assertThat(rows.get(3).get("wait")).isEqualTo("5 min");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> bars = (List<Map<String, Object>>) ((Map<String, Object>) m.get("arrivalsChart")).get("bars");
    double nine = (Double) bars.get(0).get("height");
    double twelve = (Double) bars.get(3).get("height");
    assertThat(twelve / nine).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(bars.get(1).get("height")).isEqualTo(0.0);
    assertThat(bars.get(1).get("marker")).isNull();
    assertThat(bars.get(3).get("marker")).isEqualTo("5");
    assertThat(m.get("basis")).isEqualTo(
        "Ankomster: gennemsnit af 2 af de seneste 2 samme ugedage med numre (2026-11-16 til 2026-11-23).");
  }

  @Test
  void anAxisEndsOnARoundNumber() {
    assertThat(PlanView.nice(0)).isEqualTo(1);
    assertThat(PlanView.nice(6)).isEqualTo(10);
    assertThat(PlanView.nice(23)).isEqualTo(50);
    assertThat(PlanView.nice(15)).isEqualTo(20);
    assertThat(PlanView.nice(200)).isEqualTo(200);
  }

  @Test
  void aWeekdayIsOneToSevenOrToday() {
    LocalDate wednesday = LocalDate.of(2026, 11, 25);
    assertThat(PlanModule.weekday(null, wednesday)).isEqualTo(DayOfWeek.WEDNESDAY);
    assertThat(PlanModule.weekday("7", wednesday)).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(PlanModule.weekday("0", wednesday)).isNull();
    assertThat(PlanModule.weekday("mon", wednesday)).isNull();
  }
}
