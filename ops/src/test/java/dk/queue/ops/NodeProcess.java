package dk.queue.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A node started from the packaged jar as its own process, as an operator would run it. */
final class NodeProcess implements AutoCloseable {
  final int httpPort;
  final int clusterPort;
  final Path dataDir;
  private final List<String> members;
  private final List<String> extra;
  private Process process;
  private CountDownLatch ready;
  /** What the java command is run through (such as {@code ip netns exec NS}), and where it is reached. */
  private List<String> launcher = List.of();
  private String address = "127.0.0.1";
  final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());

  NodeProcess(int httpPort, int clusterPort, List<String> members, Path dataDir, String... extra) {
    this.extra = List.of(extra);
    this.httpPort = httpPort;
    this.clusterPort = clusterPort;
    this.members = members;
    this.dataDir = dataDir;
  }

  String base() {
    return "http://" + address + ":" + httpPort;
  }

  /** Runs the node in a network namespace, where it is reached at {@code address}. */
  NodeProcess inNamespace(String namespace, String address) {
    this.launcher = List.of("ip", "netns", "exec", namespace);
    this.address = address;
    return this;
  }

  /** Starts the process; {@link #awaitReady} waits until it says it is ready. */
  NodeProcess start() throws IOException {
    Files.createDirectories(dataDir);
    ready = new CountDownLatch(1);
    List<String> command = new ArrayList<>(launcher);
    // SIGHUP as the JVM expects it, however the tests were started (nohup passes it on ignored).
    command.addAll(List.of("env", "--default-signal=HUP"));
    command.addAll(List.of("java", "-Xmx512m", "-jar", NodeProcessIT.jar().toString(),
        "--cluster", "--members", String.join(",", members), "--cluster-port", String.valueOf(clusterPort),
        "--port", String.valueOf(httpPort), "--data-dir", dataDir.toString(),
        // Tests of other things take many tickets and streams from this one address.
        "--tickets-per-address", "100000", "--bookings-per-address", "100000", "--streams-per-address", "100000", "--connections-per-address", "100000"));
    command.addAll(extra);
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          output.add(line);
          if (line.contains("Queue node ready")) {
            ready.countDown();
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "node-" + httpPort + "-output");
    reader.setDaemon(true);
    reader.start();
    return this;
  }

  void awaitReady(long seconds) throws InterruptedException {
    if (!ready.await(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("node " + httpPort + " not ready:\n" + String.join("\n", output));
    }
  }

  /** kill -9: no goodbye to the cluster, nothing flushed. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** A graceful stop (SIGTERM), as a rolling restart does. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** Sends a signal to the process ({@code STOP}, {@code CONT}, {@code HUP}), as {@code kill -SIG pid} does. */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** The member's readiness report (quorum, safety, the branches it owns), as JSON text. */
  String readiness(HttpClient http) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base() + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The live member whose readiness report says it owns {@code branch}. */
  static NodeProcess ownerOf(List<NodeProcess> nodes, String branch) throws Exception {
    for (NodeProcess n : nodes) {
      if (n.alive() && dk.queue.core.json.JsonMapping.mapper().readTree(n.readiness(dk.queue.core.node.Http.CLIENT))
          .at("/checks/cluster/ownedBranches").toString().contains("\"" + branch + "\"")) {
        return n;
      }
    }
    throw new AssertionError("nobody owns " + branch);
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) {
      kill9();
    }
  }
}
