package dk.queue.ops.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import dk.queue.core.engine.FileEventStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code simulate} command on the demo configuration: its files, and a what-if from a real log. */
class SimulateCommandTest {
  @TempDir
  Path dir;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int simulate(String... args) {
    return SimulateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  List<String> lines(Path file) throws Exception {
    return Files.readAllLines(file);
  }

  @Test
  void oneDeskCallsAsSoonAsItIsFreeAndTheOutFileSaysWhoWasToldWhat() throws Exception {
    Path staffing = Files.writeString(dir.resolve("staffing.csv"), "desk,open,close,services\nskranke-1,0,3600,pas|mitid\n");
    Path arrivals = Files.writeString(dir.resolve("arrivals.csv"),
        "at,service,service_seconds\n0,pas,100\n10.5,pas,50\n20,mitid,30\n");
    Path result = dir.resolve("out.csv");
    assertThat(simulate("--branch", "hovedbiblioteket", "--staffing", staffing.toString(), "--arrivals",
        arrivals.toString(), "--start", "2026-12-07T08:00:00+01:00", "--out", result.toString())).isEqualTo(0);
    List<String> rows = lines(result);
    assertThat(rows.get(0)).isEqualTo("ticket,service,issued,estimate,called,desk");
    assertThat(rows.get(1)).isEqualTo("1,pas,0,0,0,skranke-1");
    // The second waits for the first (100 s); pas comes before mitid at the desk.
    assertThat(rows.get(2)).startsWith("2,pas,10.5,").endsWith(",100,skranke-1");
    assertThat(rows.get(3)).startsWith("3,mitid,20,").endsWith(",150,skranke-1");
    long told2 = Long.parseLong(rows.get(2).split(",")[3]);
    long told3 = Long.parseLong(rows.get(3).split(",")[3]);
    assertThat(told2).isPositive();
    assertThat(told3).isGreaterThan(told2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("ours RASE/bias", "QL RASE/bias", "pas", "mitid");
  }

  @Test
  void badFilesAreRefusedWithTheLineAndNothingIsWritten() throws Exception {
    Path staffing = Files.writeString(dir.resolve("staffing.csv"), "desk,open,close,services\nskranke-9,0,3600,pas\n");
    Path arrivals = Files.writeString(dir.resolve("arrivals.csv"), "at,service,service_seconds\n0,pas\n");
    Path result = dir.resolve("out.csv");
    assertThat(simulate("--branch", "hovedbiblioteket", "--staffing", staffing.toString(), "--arrivals",
        arrivals.toString(), "--out", result.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("arrivals.csv:2: expected 3 fields");
    Files.writeString(arrivals, "at,service,service_seconds\n0,pas,60\n");
    assertThat(simulate("--branch", "hovedbiblioteket", "--staffing", staffing.toString(), "--arrivals",
        arrivals.toString(), "--out", result.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no desk 'skranke-9'");
    assertThat(result).doesNotExist();
  }

  @Test
  void aRealDayReplaysWithAnotherStaffingPlan() throws Exception {
    LocalDate day = LocalDate.of(2026, 11, 23);
    ZoneId zone = ZoneId.of("Europe/Copenhagen");
    java.time.Instant nine = day.atTime(9, 0).atZone(zone).toInstant();
    Path data = dir.resolve("data");
    try (FileEventStore store = new FileEventStore(data)) {
      store.append("hovedbiblioteket", List.of(
          new Recorded("hovedbiblioteket", 1, nine, new Event.TicketIssued("t1", "pas", "P001", Channel.KIOSK, "da")),
          new Recorded("hovedbiblioteket", 2, nine.plusSeconds(60), new Event.ServiceStarted("t1", "d")),
          new Recorded("hovedbiblioteket", 3, nine.plusSeconds(120),
              new Event.TicketIssued("t2", "pas", "P002", Channel.KIOSK, "da")),
          new Recorded("hovedbiblioteket", 4, nine.plusSeconds(660), new Event.TicketDone("t1", "d", null)),
          new Recorded("hovedbiblioteket", 5, nine.plusSeconds(700), new Event.ServiceStarted("t2", "d")),
          new Recorded("hovedbiblioteket", 6, nine.plusSeconds(1000), new Event.TicketDone("t2", "d", null)),
          new Recorded("hovedbiblioteket", 7, nine.plusSeconds(1100),
              new Event.TicketIssued("t3", "pas", "P003", Channel.KIOSK, "da")),
          new Recorded("hovedbiblioteket", 8, nine.plusSeconds(1200), new Event.TicketCancelled("t3", "citizen"))));
    }
    Path oneDesk = Files.writeString(dir.resolve("one.csv"), "desk,open,close,services\nskranke-1,28800,57600,pas\n");
    Path twoDesks = Files.writeString(dir.resolve("two.csv"),
        "desk,open,close,services\nskranke-1,28800,57600,pas\nskranke-2,28800,57600,pas\n");
    Path result = dir.resolve("out.csv");
    assertThat(simulate("--from-log", "--branch", "hovedbiblioteket", "--date", "2026-11-23", "--data-dir",
        data.toString(), "--staffing", oneDesk.toString(), "--out", result.toString())).isEqualTo(0);
    // Served 600 s and 300 s as measured; the cancelled one is left out. 09:00 is 32,400 s after midnight.
    assertThat(lines(result)).hasSize(3);
    assertThat(lines(result).get(1)).startsWith("1,pas,32400,0,32400,");
    assertThat(lines(result).get(2)).startsWith("2,pas,32520,").endsWith(",33000,skranke-1");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 tickets served (1 not served, left out)");
    assertThat(simulate("--from-log", "--branch", "hovedbiblioteket", "--date", "2026-11-23", "--data-dir",
        data.toString(), "--staffing", twoDesks.toString(), "--out", result.toString())).isEqualTo(0);
    assertThat(lines(result).get(2)).startsWith("2,pas,32520,0,32520,");
  }
}
