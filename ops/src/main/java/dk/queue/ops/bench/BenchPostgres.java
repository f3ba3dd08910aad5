package dk.queue.ops.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the benchmark's own (Debian's binaries, a fresh cluster in a temporary
 * folder, 127.0.0.1 only, trust authentication; as the {@code postgres} user when run as root), so
 * that it can be stopped as an outage would stop it.
 */
final class BenchPostgres implements AutoCloseable {
  private final String bin;
  private final Path dir;
  private final int port;
  private final boolean asRoot = "root".equals(System.getProperty("user.name"));
  private boolean running;

  private BenchPostgres(String bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /** A new server, started; empty when PostgreSQL is not installed. */
  static java.util.Optional<BenchPostgres> start() throws Exception {
    File[] versions = new File("/usr/lib/postgresql").listFiles(f -> f.getName().matches("\\d+"));
    if (versions == null || versions.length == 0) {
      return java.util.Optional.empty();
    }
    Arrays.sort(versions, Comparator.comparingInt(f -> Integer.parseInt(f.getName())));
    Path dir = Files.createTempDirectory("bench-pg");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    BenchPostgres pg = new BenchPostgres(versions[versions.length - 1].getPath() + "/bin", dir, port);
    if (pg.asRoot) {
      run(List.of("chown", "postgres:postgres", dir.toString()));
    }
    pg.exec(List.of(pg.bin + "/initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust",
        "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
    pg.up();
    return java.util.Optional.of(pg);
  }

  String url() {
    return "postgres://postgres:unused@127.0.0.1:" + port + "/postgres";
  }

  void up() throws Exception {
    exec(List.of(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w",
        "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    running = true;
  }

  /** Stops at once, as an outage would: clients lose their connections. */
  void down() throws Exception {
    exec(List.of(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-m", "fast", "stop"));
    running = false;
  }

  @Override
  public void close() throws Exception {
    if (running) {
      exec(List.of(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-m", "immediate", "stop"));
    }
    run(List.of("rm", "-rf", dir.toString()));
  }

  private void exec(List<String> command) throws Exception {
    List<String> full = new ArrayList<>(asRoot ? List.of("runuser", "-u", "postgres", "--") : List.of());
    full.addAll(command);
    run(full);
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("failed: " + command + "\n" + new String(out));
    }
  }
}
