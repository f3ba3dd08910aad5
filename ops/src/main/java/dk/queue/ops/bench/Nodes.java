package dk.queue.ops.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Node processes on 127.0.0.1, started from the benchmark's own jar. */
final class Nodes implements AutoCloseable {
  final List<Integer> httpPorts = new ArrayList<>();
  private final List<Integer> clusterPorts = new ArrayList<>();
  private final IntFunction<List<String>> command;
  private final String readyLine;
  private final Process[] processes;

  /**
   * @param command   the command line of node i
   * @param readyLine what a node prints when it is ready
   */
  Nodes(int count, int firstPort, IntFunction<List<String>> command, String readyLine) {
    for (int i = 0; i < count; i++) {
      httpPorts.add(firstPort + i);
      clusterPorts.add(firstPort + 100 + i);
    }
    this.command = command;
    this.readyLine = readyLine;
    this.processes = new Process[count];
  }

  static Path jar() throws Exception {
    return Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  String members() {
    return String.join(",", clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList());
  }

  int clusterPort(int i) {
    return clusterPorts.get(i);
  }

  String url(int i) {
    return "http://127.0.0.1:" + httpPorts.get(i);
  }

  long pid(int i) {
    return processes[i].pid();
  }

  void startAll() throws Exception {
    List<CountDownLatch> ready = new ArrayList<>();
    for (int i = 0; i < processes.length; i++) {
      ready.add(start(i));
    }
    for (int i = 0; i < processes.length; i++) {
      if (!ready.get(i).await(300, TimeUnit.SECONDS)) {
        throw new IllegalStateException("node " + i + " did not start");
      }
    }
  }

  /** Starts node i; the latch opens when it is ready. */
  CountDownLatch start(int i) throws IOException {
    CountDownLatch ready = new CountDownLatch(1);
    Process p = new ProcessBuilder(command.apply(i)).redirectErrorStream(true).start();
    processes[i] = p;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.contains(readyLine)) {
            ready.countDown();
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    return ready;
  }

  /** CPU time the running nodes have used so far, in milliseconds, as the operating system counts it. */
  double cpuMillis() {
    double total = 0;
    for (Process p : processes) {
      if (p != null && p.isAlive()) {
        total += p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
      }
    }
    return total;
  }

  void kill9(int i) throws InterruptedException {
    processes[i].destroyForcibly();
    processes[i].waitFor(10, TimeUnit.SECONDS);
  }

  /** Runs a full garbage collection in node i, so that a heap reading counts only what is live. */
  void gc(int i) throws Exception {
    Process p = new ProcessBuilder("jcmd", String.valueOf(pid(i)), "GC.run").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor(30, TimeUnit.SECONDS);
  }

  /** Bytes of heap in use in node i after a full collection, as the JVM reports them. */
  long liveHeap(int i) throws Exception {
    gc(i);
    Thread.sleep(300);
    gc(i);
    Process p = new ProcessBuilder("jcmd", String.valueOf(pid(i)), "GC.heap_info").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    // "garbage-first heap   total 262144K, used 53211K [..."
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no heap figure from jcmd: " + out);
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  @Override
  public void close() {
    for (Process p : processes) {
      if (p != null) {
        p.destroyForcibly();
      }
    }
  }
}
