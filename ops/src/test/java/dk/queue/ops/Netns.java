package dk.queue.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small test network of our own: one bridge in this machine's namespace and hosts, each in its
 * own network namespace with one address on the bridge (10.77.S.1, 10.77.S.2, ...; this machine is
 * 10.77.S.254), so that nftables drop rules inside a host's namespace can cut it off from the other
 * hosts while this machine still reaches it. Needs root, {@code ip} and {@code nft}; everything is
 * removed by {@link #close}, also when a test fails (and by a shutdown hook if the JVM is stopped).
 */
final class Netns implements AutoCloseable {
  private static final String CUT_TABLE = "queue_partition_test";
  private final String tag;
  private final int subnet;
  private final int hosts;
  private final List<String> namespaces = new ArrayList<>();
  private final Thread cleanup = new Thread(this::removeQuietly, "netns-cleanup");
  private boolean bridgeMade;

  private Netns(int hosts) {
    long pid = ProcessHandle.current().pid();
    this.tag = "q" + (pid % 100_000);
    this.subnet = 1 + (int) (pid % 250);
    this.hosts = hosts;
  }

  /** Why this machine cannot make the network, or null when it can. */
  static String unavailable() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "needs root to make network namespaces";
    }
    for (String tool : List.of("ip", "nft")) {
      try {
        if (run(List.of(tool, "-V"), false) != 0) {
          return "'" + tool + "' does not run";
        }
      } catch (IOException e) {
        return "no '" + tool + "' (install iproute2 and nftables)";
      }
    }
    String probe = "qprobe" + ProcessHandle.current().pid() % 100_000;
    try {
      if (run(List.of("ip", "netns", "add", probe), false) != 0) {
        return "'ip netns add' is not allowed here";
      }
      run(List.of("ip", "netns", "del", probe), false);
    } catch (IOException e) {
      return "'ip netns add' failed: " + e.getMessage();
    }
    return null;
  }

  /** Makes the bridge and the hosts. */
  static Netns create(int hosts) throws IOException {
    Netns net = new Netns(hosts);
    Runtime.getRuntime().addShutdownHook(net.cleanup);
    try {
      net.make();
    } catch (IOException | RuntimeException e) {
      net.close();
      throw e;
    }
    return net;
  }

  private String bridge() {
    return tag + "br";
  }

  String namespace(int host) {
    return tag + "n" + host;
  }

  /** The address of host {@code host} (1-based). */
  String address(int host) {
    return "10.77." + subnet + "." + host;
  }

  private void make() throws IOException {
    sh("ip", "link", "add", bridge(), "type", "bridge");
    bridgeMade = true;
    sh("ip", "addr", "add", "10.77." + subnet + ".254/24", "dev", bridge());
    sh("ip", "link", "set", bridge(), "up");
    for (int h = 1; h <= hosts; h++) {
      String ns = namespace(h);
      String outside = tag + "v" + h;
      String inside = tag + "p" + h;
      sh("ip", "netns", "add", ns);
      namespaces.add(ns);
      sh("ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
      sh("ip", "link", "set", inside, "netns", ns);
      sh("ip", "link", "set", outside, "master", bridge(), "up");
      sh("ip", "netns", "exec", ns, "ip", "addr", "add", address(h) + "/24", "dev", inside);
      sh("ip", "netns", "exec", ns, "ip", "link", "set", inside, "up");
      sh("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
    }
  }

  /** Drops everything between host {@code host} and the other hosts; this machine still reaches it. */
  void cut(int host) throws IOException {
    List<String> others = new ArrayList<>();
    for (int h = 1; h <= hosts; h++) {
      if (h != host) {
        others.add(address(h));
      }
    }
    String set = "{ " + String.join(", ", others) + " }";
    String ns = namespace(host);
    sh("ip", "netns", "exec", ns, "nft", "add table inet " + CUT_TABLE);
    sh("ip", "netns", "exec", ns, "nft", "add chain inet " + CUT_TABLE + " in { type filter hook input priority 0 ; }");
    sh("ip", "netns", "exec", ns, "nft", "add chain inet " + CUT_TABLE + " out { type filter hook output priority 0 ; }");
    sh("ip", "netns", "exec", ns, "nft", "add rule inet " + CUT_TABLE + " in ip saddr " + set + " drop");
    sh("ip", "netns", "exec", ns, "nft", "add rule inet " + CUT_TABLE + " out ip daddr " + set + " drop");
  }

  /** Takes the drop rules of {@link #cut} away again. */
  void heal(int host) throws IOException {
    sh("ip", "netns", "exec", namespace(host), "nft", "delete table inet " + CUT_TABLE);
  }

  @Override
  public void close() {
    removeQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
  }

  private synchronized void removeQuietly() {
    for (int h = 1; h <= namespaces.size(); h++) {
      try {
        // Deleting one end of a veth pair deletes both; the namespace itself goes once no process
        // runs in it any more.
        run(List.of("ip", "link", "del", tag + "v" + h), false);
        run(List.of("ip", "netns", "del", namespace(h)), false);
      } catch (IOException e) {
        // gone already
      }
    }
    namespaces.clear();
    if (bridgeMade) {
      try {
        run(List.of("ip", "link", "del", bridge()), false);
      } catch (IOException e) {
        // gone already
      }
      bridgeMade = false;
    }
  }

  private static void sh(String... command) throws IOException {
    if (run(List.of(command), true) != 0) {
      throw new IOException("failed: " + String.join(" ", command));
    }
  }

  private static int run(List<String> command, boolean log) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", command));
      }
      if (p.exitValue() != 0 && log) {
        System.err.println(String.join(" ", command) + ": " + out.strip());
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }
}
