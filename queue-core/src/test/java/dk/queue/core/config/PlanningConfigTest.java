package dk.queue.core.config;

import static dk.queue.core.config.SampleConfig.FILE;
import static dk.queue.core.config.SampleConfig.VALID;
import static dk.queue.core.config.SampleConfig.afterLine;
import static dk.queue.core.config.SampleConfig.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.sim.StaffingAdvice;
import org.junit.jupiter.api.Test;

/** {@code planning: {targetWaitMinutes: N, sharePercent: P}}: what the staffing advice aims for. */
class PlanningConfigTest {

  @Test
  void planningIsReadFromTheTopLevel() {
    assertThat(ConfigLoader.parse(afterLine(30, "planning: {targetWaitMinutes: 10, sharePercent: 90}"), FILE).planning())
        .isEqualTo(new StaffingAdvice.Target(600, 0.9));
    assertThat(ConfigLoader.parse(afterLine(30, "planning: {sharePercent: 95}"), FILE).planning())
        .isEqualTo(new StaffingAdvice.Target(900, 0.95));
  }

  @Test
  void withoutPlanningTheDefaultHolds() {
    assertThat(ConfigLoader.parse(VALID, FILE).planning()).isEqualTo(new StaffingAdvice.Target(900, 0.8));
  }

  @Test
  void badPlanningIsRefusedWhereItIsWritten() {
    refused(afterLine(30, "planning: {sharePercent: 0}"), 31, 26, "planning.sharePercent",
        "0 is out of range: use 1 to 100");
    refused(afterLine(30, "planning: {targetWaitMinutes: soon}"), 31, 31, "planning.targetWaitMinutes",
        "'soon' is not a whole number");
    refused(afterLine(30, "planning: {share: 80}"), 31, 12, "planning.share", "unknown field 'share'");
  }
}
