package dk.queue.ops;

import dk.queue.core.config.ConfigException;
import dk.queue.core.config.ConfigLoader;
import dk.queue.core.config.KioskDef;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.config.ScreenDef;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.QueueNode;
import dk.queue.core.web.AssetsModule;
import dk.queue.core.web.WebModule;
import dk.queue.signage.SignageModule;
import dk.queue.terminals.TerminalsModule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Starts a node: {@code java -jar queue-node.jar [--port N] [--config FILE] [--data-dir DIR]}. */
public final class Main {
  static final String USAGE = String.join("\n",
      "Usage: java -jar queue-node.jar [options]",
      "",
      "Starts a queue and signage node: the HTTP API, screens, kiosks and desks.",
      "",
      "  --port N         HTTP port (default 8080)",
      "  --config FILE    organisation configuration in YAML (default: the embedded demo)",
      "  --data-dir DIR   where the event log is kept (default ./data)",
      "  --help           this text");

  private Main() {}

  /** Held so the settings stay: java.util.logging keeps loggers only weakly. */
  private static final java.util.logging.Logger HAZELCAST_LOG = java.util.logging.Logger.getLogger("com.hazelcast");

  public static void main(String[] args) throws Exception {
    // Hazelcast reports every step of its start; operators need its warnings only.
    HAZELCAST_LOG.setLevel(java.util.logging.Level.WARNING);
    Args parsed;
    try {
      parsed = Args.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (parsed.help()) {
      System.out.println(USAGE);
      return;
    }
    QueueConfig config;
    try {
      config = parsed.config() == null ? ConfigLoader.demo() : ConfigLoader.load(parsed.config());
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(1);
      return;
    }
    NodeOptions options = NodeOptions.defaults(config, parsed.dataDir())
        .withPort(parsed.port())
        .withWebModules(webModules());
    QueueNode node;
    try {
      node = QueueNode.start(options).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("The node did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close().toCompletionStage().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).exceptionally(e -> null).join();
      stopped.countDown();
    }, "queue-node-shutdown"));
    printUrls(System.out, config, "http://localhost:" + node.port());
    stopped.await();
  }

  /** The pages a node serves beside the API. */
  public static List<WebModule> webModules() {
    return List.of(new AssetsModule(), new SignageModule(), new TerminalsModule());
  }

  static void printUrls(PrintStream out, QueueConfig config, String base) {
    out.println();
    out.println("Queue node ready on " + base + "  (configuration: " + config.source() + ")");
    out.println("  Start page:  " + base + "/");
    for (BranchDef b : config.branches()) {
      out.println("  " + b.name() + ":");
      for (KioskDef k : config.kiosks()) {
        if (k.branch().equals(b.id())) {
          out.println("    Kiosk:   " + base + "/kiosk/" + k.id());
        }
      }
      for (ScreenDef s : config.screens()) {
        if (s.branch().equals(b.id())) {
          out.println("    Screen:  " + base + "/screens/" + s.id());
        }
      }
      for (DeskDef d : b.desks()) {
        out.println("    Desk:    " + base + "/desk/" + b.id() + "/" + d.id() + "   (" + d.name() + ")");
      }
    }
    out.println("  API:         " + base + "/api/branches");
    out.println("  Metrics:     " + base + "/metrics");
    out.flush();
  }

  /** The command line. */
  record Args(int port, Path config, Path dataDir, boolean help) {
    static Args parse(String[] args) {
      int port = 8080;
      Path config = null;
      Path dataDir = Path.of("data");
      boolean help = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--help", "-h" -> help = true;
          case "--port" -> port = port(value(args, ++i, "--port"));
          case "--config" -> config = Path.of(value(args, ++i, "--config"));
          case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
          default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
        }
      }
      return new Args(port, config, dataDir, help);
    }

    private static String value(String[] args, int i, String flag) {
      if (i >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return args[i];
    }

    private static int port(String text) {
      try {
        int p = Integer.parseInt(text);
        if (p < 0 || p > 65535) {
          throw new NumberFormatException();
        }
        return p;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, not '" + text + "'");
      }
    }
  }
}
