package dk.queue.ops.sim;

import dk.queue.core.config.ConfigException;
import dk.queue.core.config.ConfigLoader;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.engine.EventStore;
import dk.queue.core.engine.FileEventStore;
import dk.queue.core.engine.PostgresEventStore;
import dk.queue.core.sim.Accuracy;
import dk.queue.core.sim.Arrival;
import dk.queue.core.sim.Outcome;
import dk.queue.core.sim.Replay;
import dk.queue.core.sim.Shift;
import dk.queue.core.sim.SimCsv;
import dk.queue.core.sim.Simulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** {@code simulate}: runs a branch's state machine on a virtual clock (see {@link #USAGE}). */
public final class SimulateCommand {
  public static final String USAGE = String.join("\n",
      "Usage: java -jar queue-node.jar simulate --branch ID --staffing FILE --arrivals FILE [options]",
      "",
      "Runs the branch's queue on a virtual clock: desks open and close by the staffing plan and call",
      "as soon as they are free and someone waits; citizens arrive as the arrivals file says.",
      "",
      "  --config FILE     organisation configuration in YAML (default: the embedded demo)",
      "  --branch ID       the branch",
      "  --staffing FILE   CSV: desk,open,close,services (seconds from the start; services in priority",
      "                    order separated by |)",
      "  --arrivals FILE   CSV: at,service,service_seconds (seconds from the start, decimals allowed)",
      "  --start INSTANT   when the simulation starts, e.g. 2026-12-07T08:00:00+01:00",
      "                    (default: the next Monday 08:00 in the branch's time zone)",
      "  --out FILE        CSV: ticket,service,issued,estimate,called,desk (seconds from the start)",
      "",
      "What-if on a real day (instead of --arrivals): the day's tickets with their measured service",
      "times, from the day's local midnight (staffing times are seconds after midnight):",
      "  --from-log        read the arrivals from the event log",
      "  --date DAY        the day, e.g. 2026-11-23",
      "  --data-dir DIR    where the event log is kept (default ./data)",
      "  --store URL       or the log in PostgreSQL: postgres://user:password@host:port/database",
      "",
      "Prints per service: tickets, mean wait, and RASE and bias of the estimate told at issue beside",
      "the QL, HOL and LES predictors on the same path.");

  private SimulateCommand() {}

  /** Runs the command; the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      Options o = Options.parse(args);
      if (o.help) {
        out.println(USAGE);
        return 0;
      }
      QueueConfig config = o.config == null ? ConfigLoader.demo() : ConfigLoader.load(o.config);
      BranchDef def = config.branch(o.branch)
          .orElseThrow(() -> new IllegalArgumentException("--branch: no branch '" + o.branch + "' in the configuration"));
      List<Shift> staffing = SimCsv.staffing(read(o.staffing), o.staffing.toString());
      List<Arrival> arrivals;
      Instant start;
      if (o.fromLog) {
        Replay.Day day = replay(def, o);
        arrivals = day.arrivals();
        start = day.start();
        out.printf("%s %s: %d tickets served (%d not served, left out)%n", def.id(), o.date, arrivals.size(),
            day.leftOut());
      } else {
        arrivals = SimCsv.arrivals(read(o.arrivals), o.arrivals.toString());
        start = o.start != null ? o.start : nextMonday(def);
      }
      long began = System.nanoTime();
      List<Outcome> outcomes = Simulator.run(def, start, staffing, arrivals);
      double seconds = (System.nanoTime() - began) / 1e9;
      if (o.out != null) {
        Files.writeString(o.out, SimCsv.out(outcomes), StandardCharsets.UTF_8);
      }
      long refused = outcomes.stream().filter(x -> !x.issued()).count();
      out.printf(java.util.Locale.ROOT, "Simulated %,d arrivals at %s from %s in %.1f s%s%n", arrivals.size(),
          def.id(), start.atZone(def.zone()).toOffsetDateTime(), seconds,
          refused == 0 ? "" : " (" + refused + " refused: service closed or no desk serving it)");
      out.print(SimCsv.summary(Accuracy.of(outcomes)));
      return 0;
    } catch (IllegalArgumentException | ConfigException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (IOException e) {
      err.println("cannot read or write a file: " + e.getMessage());
      return 1;
    }
  }

  private static Replay.Day replay(BranchDef def, Options o) throws IOException {
    Instant[] span = Replay.span(def, o.date);
    try (EventStore store = o.store != null ? PostgresEventStore.connect(o.store) : new FileEventStore(o.dataDir)) {
      return Replay.of(def, o.date, store.between(def.id(), span[0], span[1]));
    }
  }

  static Instant nextMonday(BranchDef def) {
    ZonedDateTime now = ZonedDateTime.now(def.zone());
    return now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(LocalTime.of(8, 0))
        .atZone(def.zone()).toInstant();
  }

  private static String read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** The command line of {@code simulate}. */
  static final class Options {
    Path config;
    String branch;
    Path staffing;
    Path arrivals;
    Instant start;
    Path out;
    boolean help;
    boolean fromLog;
    LocalDate date;
    Path dataDir = Path.of("data");
    String store;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--help", "-h" -> o.help = true;
          case "--config" -> o.config = Path.of(value(args, ++i));
          case "--branch" -> o.branch = value(args, ++i);
          case "--staffing" -> o.staffing = Path.of(value(args, ++i));
          case "--arrivals" -> o.arrivals = Path.of(value(args, ++i));
          case "--out" -> o.out = Path.of(value(args, ++i));
          case "--start" -> o.start = instant(value(args, ++i));
          case "--from-log" -> o.fromLog = true;
          case "--date" -> o.date = date(value(args, ++i));
          case "--data-dir" -> o.dataDir = Path.of(value(args, ++i));
          case "--store" -> {
            o.store = value(args, ++i);
            PostgresEventStore.checkAddress(o.store);
          }
          default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
        }
      }
      if (!o.help && (o.branch == null || o.staffing == null || (o.arrivals == null) == !o.fromLog)) {
        throw new IllegalArgumentException("simulate needs --branch, --staffing, and --arrivals or --from-log");
      }
      if (!o.help && o.fromLog && o.date == null) {
        throw new IllegalArgumentException("--from-log needs --date");
      }
      return o;
    }

    private static LocalDate date(String text) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--date takes a day such as 2026-11-23, not '" + text + "'");
      }
    }

    private static Instant instant(String text) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--start takes a time with its offset, e.g. 2026-12-07T08:00:00+01:00, not '"
            + text + "'");
      }
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }
  }
}
