package dk.queue.core.config;

import static dk.queue.core.config.SampleConfig.FILE;
import static dk.queue.core.config.SampleConfig.VALID;
import static dk.queue.core.config.SampleConfig.afterLine;
import static dk.queue.core.config.SampleConfig.refused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code retention: {days: N}}: how long the event log keeps a day. */
class RetentionConfigTest {

  @Test
  void retentionIsReadFromTheTopLevel() {
    assertThat(ConfigLoader.parse(afterLine(30, "retention: {days: 30}"), FILE).retentionDays()).isEqualTo(30);
  }

  @Test
  void withoutRetentionTheDefaultHolds() {
    assertThat(ConfigLoader.parse(VALID, FILE).retentionDays()).isEqualTo(QueueConfig.DEFAULT_RETENTION_DAYS);
  }

  @Test
  void badRetentionIsRefusedWhereItIsWritten() {
    refused(afterLine(30, "retention: {days: 0}"), 31, 19, "retention.days", "0 is out of range: use 1 to 3660");
    refused(afterLine(30, "retention: {days: many}"), 31, 19, "retention.days", "'many' is not a whole number");
    refused(afterLine(30, "retention: {weeks: 4}"), 31, 13, "retention.weeks", "unknown field 'weeks'");
    refused(afterLine(30, "retention: {}"), 31, 12, "retention", "missing required field 'days'");
  }
}
