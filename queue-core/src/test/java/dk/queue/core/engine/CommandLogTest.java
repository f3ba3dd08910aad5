package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.Command;
import dk.queue.core.domain.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command's log line is one line, whatever a client put into the ids it sent. */
class CommandLogTest {
  @Test
  void aDeskIdWithALineBreakCannotForgeALine() {
    List<String> lines = new ArrayList<>();
    CommandLog log = new CommandLog(false, lines::add);
    String forged = "d1\ntime=2026-01-01T00:00:00Z command=CallNext branch=main desk=d1 staff=anna outcome=accepted";
    log.log("main", new Command.ResumeDesk(Instant.parse("2026-11-30T10:00:00Z"), forged, "anna"),
        Outcome.rejected(new Rejection(Rejection.Reason.UNKNOWN_DESK, "no desk")), null);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).doesNotContain("\n").doesNotContain("\r").contains("desk=\"d1\\u000atime=");
  }

  @Test
  void printableLeavesOrdinaryTextAloneAndEscapesControls() {
    assertThat(CommandLog.printable("skranke-1")).isEqualTo("skranke-1");
    assertThat(CommandLog.printable("a\r\nb\u2028")).isEqualTo("a\\u000d\\u000ab\\u2028");
  }
}
