package dk.queue.core.engine;

import dk.queue.core.node.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests: Debian's {@code postgresql} binaries (the newest under
 * /usr/lib/postgresql, or {@code -Dqueue.postgres.bin=DIR}), a fresh cluster in a
 * temporary folder, listening on a free port of 127.0.0.1 only, with trust authentication. PostgreSQL
 * refuses to run as root, so under root the server runs as the {@code postgres} user. One server
 * per test JVM ({@link #shared()}); each test takes its own database from it.
 */
public final class PostgresServer implements AutoCloseable {
  static final String BIN = System.getProperty("queue.postgres.bin", debianBin());
  private static PostgresServer shared;
  private final Path dir;
  private final int port;
  private final boolean asRoot;
  private final AtomicInteger databases = new AtomicInteger();
  private boolean running;

  private PostgresServer(Path dir, int port, boolean asRoot) {
    this.dir = dir;
    this.port = port;
    this.asRoot = asRoot;
  }

  /** The one server of this test JVM, started on first use and stopped when the JVM ends. */
  public static synchronized PostgresServer shared() throws IOException, InterruptedException {
    if (shared == null) {
      PostgresServer s = create();
      s.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          s.close();
        } catch (Exception ignored) {
          // the JVM is ending
        }
      }));
      shared = s;
    }
    return shared;
  }

  /** A new server of its own (for tests that stop and start it), not started yet. */
  public static PostgresServer create() throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(BIN, "initdb"))) {
      throw new IllegalStateException("PostgreSQL is not installed at " + BIN + " (Debian: apt-get install postgresql)");
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("queue-pg");
    if (root) {
      exec(List.of("chown", "postgres:postgres", dir.toString()), false);
    }
    PostgresServer server = new PostgresServer(dir, Ports.free(), root);
    server.exec(List.of(BIN + "/initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust",
        "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
    return server;
  }

  public int port() {
    return port;
  }

  /** Starts (or starts again) the server and waits until it takes connections. */
  public synchronized void start() throws IOException, InterruptedException {
    exec(List.of(BIN + "/pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w",
        "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    running = true;
  }

  /** Stops the server at once, as an outage would: clients lose their connections. */
  public synchronized void stop() throws IOException, InterruptedException {
    if (running) {
      exec(List.of(BIN + "/pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-m", "fast", "stop"));
      running = false;
    }
  }

  /**
   * Stops every process of the server with {@code SIGSTOP}: it still accepts connections (the
   * kernel queues them) and never answers, as a server that hangs would.
   */
  public synchronized void hang() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Lets a server stopped by {@link #hang} go on ({@code SIGCONT}). */
  public synchronized void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  /** Sends a signal to the postmaster and each of its children, by pid. */
  private void signal(String name) throws IOException, InterruptedException {
    String postmaster = Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).trim();
    List<String> pids = new ArrayList<>(List.of(postmaster));
    ProcessHandle.of(Long.parseLong(postmaster)).ifPresent(p ->
        p.children().forEach(c -> pids.add(String.valueOf(c.pid()))));
    List<String> command = new ArrayList<>(List.of("kill", "-" + name));
    command.addAll(pids);
    // A backend may have ended meanwhile; the others get the signal all the same.
    exec(command, false);
  }

  /** A new, empty database; returns its {@code postgres://} address for {@code --store}. */
  public String newDatabase() throws Exception {
    String name = "queue_" + databases.incrementAndGet();
    try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  public String url(String database) {
    return "postgres://postgres:unused@127.0.0.1:" + port + "/" + database;
  }

  /** A JDBC connection to a database, for tests that look at the tables themselves. */
  public Connection connect(String database) throws Exception {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
  }

  /** The name of the database of a {@code postgres://} address this server gave. */
  public static String database(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  @Override
  public synchronized void close() throws IOException, InterruptedException {
    if (running) {
      exec(List.of(BIN + "/pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-m", "immediate", "stop"));
      running = false;
    }
    exec(List.of("rm", "-rf", dir.toString()), false);
  }

  private void exec(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    exec(full, true);
  }

  private static void exec(List<String> command, boolean check) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    if (check && p.exitValue() != 0) {
      throw new IOException("failed (" + p.exitValue() + "): " + command + "\n" + new String(out));
    }
  }

  /** The newest Debian PostgreSQL installed: /usr/lib/postgresql/N/bin. */
  private static String debianBin() {
    java.io.File[] versions = new java.io.File("/usr/lib/postgresql").listFiles(f -> f.getName().matches("\\d+"));
    if (versions == null || versions.length == 0) {
      return "/usr/lib/postgresql/15/bin";
    }
    java.util.Arrays.sort(versions, java.util.Comparator.comparingInt(f -> Integer.parseInt(f.getName())));
    return versions[versions.length - 1].getPath() + "/bin";
  }
}
