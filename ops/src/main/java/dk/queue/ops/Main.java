package dk.queue.ops;

import dk.queue.core.config.ConfigException;
import dk.queue.core.config.ConfigLoader;
import dk.queue.core.config.KioskDef;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.config.ScreenDef;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.engine.PostgresEventStore;
import dk.queue.core.http.EdgeOptions;
import dk.queue.core.node.ClusterOptions;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.QueueNode;
import dk.queue.core.web.AssetsModule;
import dk.queue.core.web.WebModule;
import dk.queue.ops.overview.OverviewModule;
import dk.queue.ops.overview.PlanModule;
import dk.queue.ops.sim.SimulateCommand;
import dk.queue.signage.SignageModule;
import dk.queue.terminals.BookingModule;
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
      "  --store URL      keep the event log in PostgreSQL instead: postgres://user:password@host:port/database",
      "                   (one database for the whole cluster; the node creates its tables)",
      "  --log-json       log one JSON object per command instead of key=value pairs",
      "  --public-url U   where citizens' phones reach the system (e.g. https://koe.example.dk), for the QR",
      "                   codes of receipts (default: the address a kiosk reached this node at)",
      "  --trusted-proxy A,A,...  load balancers whose X-Forwarded-For names the client (default: none)",
      "  --tickets-per-address N  tickets one address may take per minute without a kiosk key (default 20)",
      "  --bookings-per-address N  bookings one address may make per minute, and check-in codes it may try",
      "                   without a kiosk key (default 10)",
      "  --streams-per-address N  event streams one address may hold open (default 300)",
      "  --connections-per-address N  HTTP connections one address may hold open (default 500)",
      "",
      "Cluster (several nodes as one system):",
      "  --cluster               join other nodes",
      "  --members H:P,H:P,...   Hazelcast addresses of the nodes (TCP/IP, this one included)",
      "  --cluster-port P        this node's Hazelcast port (default 5701)",
      "  --host H                the address other nodes reach this one at, and the only one the cluster",
      "                          port listens on (default 127.0.0.1)",
      "  --cluster-name N        nodes join only a cluster of the same name (default queue)",
      "  --multicast             find nodes by multicast instead of --members",
      "  --backups N             synchronous backups of each branch (default 1)",
      "  --quorum N              fewest members that may run commands (default: a majority of --members)",
      "  --node-urls U,U,...     where browsers reach every node (e.g. http://10.0.0.1:8080,...): pages move",
      "                          to another node when theirs goes away; not needed behind a load balancer",
      "  --help                  this text",
      "",
      "java -jar queue-node.jar simulate --help: run a branch on a virtual clock (what-if staffing).");

  private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private Main() {}

  /** Held so the settings stay: java.util.logging keeps loggers only weakly. */
  private static final java.util.logging.Logger HAZELCAST_LOG = java.util.logging.Logger.getLogger("com.hazelcast");

  public static void main(String[] args) throws Exception {
    // Hazelcast completes its futures' callbacks on the common fork-join pool, or, where that pool
    // has a single thread (a machine with two cores), on a new thread each time: one or more new
    // threads for every command. Set before anything uses the pool.
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(COMMON_POOL_PARALLELISM, "2");
    }
    // Hazelcast reports every step of its start; operators need its warnings only.
    HAZELCAST_LOG.setLevel(java.util.logging.Level.WARNING);
    if (args.length > 0 && args[0].equals("simulate")) {
      System.exit(SimulateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
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
        .withCluster(parsed.cluster())
        .withNodeUrls(parsed.nodeUrls())
        .withJsonLogs(parsed.jsonLogs())
        .withStore(parsed.store())
        .withEdge(parsed.edge())
        .withWebModules(webModules());
    QueueNode node;
    try {
      node = QueueNode.start(options).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("The node did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (parsed.config() != null) {
      reloadOnHangup(node, parsed.config());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close().toCompletionStage().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).exceptionally(e -> null).join();
      stopped.countDown();
    }, "queue-node-shutdown"));
    printUrls(System.out, config, "http://localhost:" + node.port());
    stopped.await();
  }

  /**
   * {@code kill -HUP <pid>} reads the configuration file again and takes it on (see
   * {@link dk.queue.core.node.ConfigReloader}); what happened is logged, and a file with errors
   * changes nothing.
   */
  @SuppressWarnings("restriction")
  static void reloadOnHangup(QueueNode node, java.nio.file.Path file) {
    System.Logger log = System.getLogger(Main.class.getName());
    sun.misc.SignalHandler before = sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
      String yaml;
      try {
        yaml = java.nio.file.Files.readString(file);
      } catch (java.io.IOException e) {
        log.log(System.Logger.Level.ERROR, "SIGHUP: cannot read " + file + ": " + e.getMessage());
        return;
      }
      node.configReloader().reload(yaml, file.toString()).onComplete(ar -> {
        if (ar.failed()) {
          log.log(System.Logger.Level.ERROR, "SIGHUP: " + file + " not taken on: " + ar.cause().getMessage());
        } else if (!ar.result().refused().isEmpty()) {
          log.log(System.Logger.Level.ERROR, "SIGHUP: " + file + " not taken on: " + String.join(" ", ar.result().refused()));
        } else {
          log.log(System.Logger.Level.INFO, "SIGHUP: " + file + " taken on: " + ar.result().branches());
        }
      });
    });
    if (before == sun.misc.SignalHandler.SIG_IGN) {
      // A process started with SIGHUP ignored (nohup does that) passes it on to the JVM, which
      // then takes no handler for it: the signal would change nothing, and say nothing.
      log.log(System.Logger.Level.WARNING, "SIGHUP is ignored by this process (started with nohup?), so kill -HUP "
          + "will not reload " + file + "; start the node without nohup, or send the file to POST /api/admin/config");
    }
  }

  /** The pages a node serves beside the API. */
  public static List<WebModule> webModules() {
    return List.of(new AssetsModule(), new SignageModule(), new TerminalsModule(), new BookingModule(), new OverviewModule(),
        new PlanModule());
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
    out.println("  Booking:     " + base + "/book");
    out.println("  Admin:       " + base + "/admin");
    out.println("  Operations:  " + base + "/ops");
    out.println("  Staffing:    " + base + "/ops/plan");
    out.println("  API:         " + base + "/api/branches");
    out.println("  Metrics:     " + base + "/metrics");
    out.flush();
  }

  /** The command line. */
  record Args(int port, Path config, Path dataDir, ClusterOptions cluster, List<String> nodeUrls, boolean jsonLogs,
              boolean help, String store, EdgeOptions edge) {
    static Args parse(String[] args) {
      int port = 8080;
      Path config = null;
      Path dataDir = Path.of("data");
      boolean help = false;
      boolean cluster = false;
      boolean multicast = false;
      String host = "127.0.0.1";
      int clusterPort = 5701;
      List<String> members = List.of();
      int backups = 1;
      Integer quorum = null;
      List<String> nodeUrls = List.of();
      boolean jsonLogs = false;
      String store = null;
      String clusterName = ClusterOptions.DEFAULT_NAME;
      EdgeOptions edge = EdgeOptions.defaults();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--help", "-h" -> help = true;
          case "--port" -> port = port(value(args, ++i, "--port"), "--port");
          case "--config" -> config = Path.of(value(args, ++i, "--config"));
          case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
          case "--store" -> {
            store = value(args, ++i, "--store");
            PostgresEventStore.checkAddress(store);
          }
          case "--cluster" -> cluster = true;
          case "--log-json" -> jsonLogs = true;
          case "--multicast" -> multicast = true;
          case "--host" -> host = value(args, ++i, "--host");
          case "--cluster-port" -> clusterPort = port(value(args, ++i, "--cluster-port"), "--cluster-port");
          case "--members" -> members = members(value(args, ++i, "--members"));
          case "--backups" -> backups = number(value(args, ++i, "--backups"), "--backups", 0, 6);
          case "--quorum" -> quorum = number(value(args, ++i, "--quorum"), "--quorum", 1, 99);
          case "--node-urls" -> nodeUrls = urls(value(args, ++i, "--node-urls"));
          case "--cluster-name" -> clusterName = value(args, ++i, "--cluster-name");
          case "--public-url" -> edge = edge.withPublicUrl(value(args, ++i, "--public-url"));
          case "--trusted-proxy" -> edge = edge.withTrustedProxies(
              List.of(value(args, ++i, "--trusted-proxy").split(",")).stream().map(String::trim).toList());
          case "--tickets-per-address" -> edge = edge.withTickets(
              number(value(args, ++i, "--tickets-per-address"), "--tickets-per-address", 1, 100_000),
              edge.remoteTicketsPerBranchPerMinute());
          case "--bookings-per-address" -> edge = edge.withBookings(
              number(value(args, ++i, "--bookings-per-address"), "--bookings-per-address", 1, 100_000));
          case "--streams-per-address" -> edge = edge.withConnections(edge.connectionsPerAddress(),
              number(value(args, ++i, "--streams-per-address"), "--streams-per-address", 1, 100_000));
          case "--connections-per-address" -> edge = edge.withConnections(
              number(value(args, ++i, "--connections-per-address"), "--connections-per-address", 1, 100_000),
              edge.streamsPerAddress());
          default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
        }
      }
      if (!cluster && (!members.isEmpty() || multicast || quorum != null)) {
        throw new IllegalArgumentException("--members, --multicast and --quorum need --cluster");
      }
      ClusterOptions c = cluster
          ? new ClusterOptions(true, host, clusterPort, members, multicast, backups,
              quorum != null ? quorum : ClusterOptions.majorityOf(members))
          : new ClusterOptions(false, host, clusterPort, List.of(), false, backups, 1);
      return new Args(port, config, dataDir, c.withName(clusterName), nodeUrls, jsonLogs, help, store, edge);
    }

    private static List<String> members(String text) {
      List<String> list = List.of(text.split(","));
      for (String m : list) {
        if (!m.trim().matches("[^:\\s]+:\\d{1,5}")) {
          throw new IllegalArgumentException("--members takes host:port,host:port,... not '" + m + "'");
        }
      }
      return list.stream().map(String::trim).toList();
    }

    private static List<String> urls(String text) {
      List<String> list = List.of(text.split(",")).stream().map(String::trim).toList();
      for (String u : list) {
        if (!u.matches("https?://[^/\\s]+")) {
          throw new IllegalArgumentException("--node-urls takes http://host:port,... (no path), not '" + u + "'");
        }
      }
      return list;
    }

    private static int number(String text, String flag, int min, int max) {
      try {
        int n = Integer.parseInt(text);
        if (n < min || n > max) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " must be a number from " + min + " to " + max + ", not '" + text + "'");
      }
    }

    private static String value(String[] args, int i, String flag) {
      if (i >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return args[i];
    }

    private static int port(String text, String flag) {
      return number(text, flag, 0, 65535);
    }
  }
}
