package dk.queue.ops.bench;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The figures that must not grow with size: a branch with thousands waiting against an empty one,
 * a command with tens of thousands of events waiting for a stopped store against none, and a node
 * with a thousand idle branches. Each is measured beside its own reference in the same run.
 */
final class ScaleBench {
  /** Where the figures go: a row of ours and the reference's, and notes under the table. */
  interface Table {
    void put(String name, double ours, double reference);

    void note(String text);
  }

  static final int WAITING = 5_000;
  static final int BACKLOG = 50_000;
  static final int IDLE_BRANCHES = 1_000;
  private static final int ROUNDS = 300;
  private static final int WARM_UP = 1000;
  private static final Duration FILL_TIME = Duration.ofMinutes(3);

  private final Client client;
  private final Table table;
  private final Path work;
  private final int basePort;

  ScaleBench(Client client, Table table, Path work, int basePort) {
    this.client = client;
    this.table = table;
    this.work = work;
    this.basePort = basePort;
  }

  /** The two extra branches of the benchmark's organisation, and their staff (users q1, q2). */
  static String branches() {
    return """
          - {id: bench-big, name: Stor filial, hours: always, services: [a, b], maxWaitingPerService: 20000,
             desks: [{id: d1, name: Skranke 1}]}
          - {id: bench-empty, name: Tom filial, hours: always, services: [a, b], desks: [{id: d1, name: Skranke 1}]}
        """;
  }

  static String staff(String pinHash) {
    return "  - {user: q1, name: Q1, pinHash: \"" + pinHash + "\", skills: all}\n"
        + "  - {user: q2, name: Q2, pinHash: \"" + pinHash + "\", skills: all}\n";
  }

  static String screens() {
    return "  - {id: bench-big-screen, branch: bench-big, sound: false}\n";
  }

  // --- a branch with 5,000 waiting ----------------------------------------------------------------

  /** Issue and call-next on an empty branch and on one with 5,000 waiting; frame sizes; live heap. */
  void longQueue(Nodes nodes) throws Exception {
    System.out.println("... A branch with " + WAITING + " waiting, against an empty one");
    String big = signIn(nodes.url(1), "q1", "/api/branches/bench-big/desks/d1");
    String empty = signIn(nodes.url(1), "q2", "/api/branches/bench-empty/desks/d1");
    // Filled 16 at a time; a node that slows down as the queue grows gets at most FILL_TIME.
    List<Future<?>> issued = new ArrayList<>();
    long fillEnds = System.nanoTime() + FILL_TIME.toNanos();
    int waiting = 0;
    while (waiting < WAITING && System.nanoTime() < fillEnds) {
      issued.add(issue(nodes.url(waiting % 3), "bench-big"));
      if (issued.size() == 16) {
        Future.join(issued).otherwiseEmpty().await();
        waiting += succeeded(issued);
        issued.clear();
      }
    }
    Future.join(issued).otherwiseEmpty().await();
    waiting += succeeded(issued);
    if (waiting < WAITING) {
      table.note("queue: only " + waiting + " tickets were issued within " + FILL_TIME.toSeconds()
          + " s; the figures below are at that length");
    }
    Histogram[] atEmpty = rounds(nodes, "bench-empty", empty);
    Histogram[] atBig = rounds(nodes, "bench-big", big);
    put("issue ticket p99 ms, " + waiting + " waiting | empty branch", atBig[0], atEmpty[0]);
    put("call-next p99 ms, " + waiting + " waiting | empty branch", atBig[1], atEmpty[1]);

    int frame = changeFrameBytes(nodes.url(0) + "/api/branches/bench-big/events", "change",
        () -> issue(nodes.url(2), "bench-big"));
    int screen = changeFrameBytes(nodes.url(0) + "/screens/bench-big-screen/live", "render",
        () -> issue(nodes.url(2), "bench-big"));
    table.put("public change frame bytes, " + waiting + " waiting (API stream)", frame, Double.NaN);
    table.put("screen frame bytes, " + waiting + " waiting", screen, Double.NaN);
    int owner = Bench.owner(client, nodes, "bench-big");
    table.put("live heap after GC of the node owning it, MB", nodes.liveHeap(owner) / 1048576.0, Double.NaN);
  }

  private static int succeeded(List<Future<?>> issued) {
    return (int) issued.stream().filter(Future::succeeded).count();
  }

  private void put(String name, Histogram ours, Histogram reference) {
    table.put(name, ms(ours.getValueAtPercentile(99)), ms(reference.getValueAtPercentile(99)));
  }

  /**
   * One ticket issued and one called, {@value #ROUNDS} times after a warm-up, one request at a
   * time: the queue stays as long as it was.
   */
  private Histogram[] rounds(Nodes nodes, String branch, String token) throws Exception {
    Histogram issue = new Histogram(3);
    Histogram call = new Histogram(3);
    String desk = nodes.url(1) + "/api/branches/" + branch + "/desks/d1";
    for (int i = 0; i < WARM_UP + ROUNDS; i++) {
      long t0 = System.nanoTime();
      issue(nodes.url(i % 3), branch).await();
      long t1 = System.nanoTime();
      Client.Reply r = client.post(desk + "/call-next", "{}", token).await();
      long t2 = System.nanoTime();
      if (r.status() != 200) {
        throw new IllegalStateException("call-next at " + branch + ": " + r.status() + " " + r.body());
      }
      client.post(desk + "/start", "{}", token).await();
      client.post(desk + "/done", "{}", token).await();
      if (i >= WARM_UP) {
        issue.recordValue((t1 - t0) / 1000);
        call.recordValue((t2 - t1) / 1000);
      }
    }
    return new Histogram[] {issue, call};
  }

  /** The bytes of the data of the first frame of this event after the change, on a stream without a token. */
  private int changeFrameBytes(String url, String event, java.util.function.Supplier<Future<?>> change)
      throws Exception {
    AtomicReference<String> first = new AtomicReference<>();
    AtomicBoolean changed = new AtomicBoolean();
    CountDownLatch connected = new CountDownLatch(1);
    CountDownLatch got = new CountDownLatch(1);
    try (Client streams = new Client(1)) {
      streams.stream(0, url, (s, e, id, data, nanos) -> {
        connected.countDown();
        if (changed.get() && e.equals(event) && first.compareAndSet(null, data)) {
          got.countDown();
        }
      });
      connected.await(30, TimeUnit.SECONDS);
      Thread.sleep(500);
      changed.set(true);
      change.get().await();
      got.await(10, TimeUnit.SECONDS);
    }
    return first.get() == null ? -1 : first.get().getBytes(StandardCharsets.UTF_8).length;
  }

  // --- an outbox backlog with the store stopped ---------------------------------------------------

  /**
   * One node on a PostgreSQL store: commands with nothing waiting for the store, then with the
   * store stopped and {@value #BACKLOG} events in the outbox; then how long the backlog takes to
   * drain once the store is back.
   */
  void backlog() throws Exception {
    System.out.println("... An outbox backlog of " + BACKLOG + " events with the store stopped");
    java.util.Optional<BenchPostgres> started = BenchPostgres.start();
    if (started.isEmpty()) {
      table.note("backlog: PostgreSQL is not installed (apt-get install postgresql); not measured");
      return;
    }
    int port = basePort + 50;
    Path config = work.resolve("backlog.yaml");
    Files.writeString(config, backlogOrganisation());
    try (BenchPostgres pg = started.get();
         Nodes node = new Nodes(1, port, i -> Bench.java(List.of("dk.queue.ops.Main", "--port",
             String.valueOf(port), "--config", config.toString(), "--data-dir", work.resolve("backlog").toString(),
             "--store", pg.url())), "Queue node ready")) {
      node.startAll();
      String url = node.url(0);
      String measured = signIn(url, "p1", "/api/branches/solo/desks/d1", "a");
      List<String> toggling = new ArrayList<>();
      for (int d = 2; d <= 5; d++) {
        toggling.add(signIn(url, "p" + d, "/api/branches/solo/desks/d" + d, String.valueOf((char) ('a' + d - 1))));
      }
      Histogram before = commands(url, measured);
      pg.down();
      AtomicLong backlog = new AtomicLong();
      long t0 = System.nanoTime();
      List<Thread> loops = new ArrayList<>();
      AtomicBoolean running = new AtomicBoolean(true);
      java.util.concurrent.atomic.AtomicReference<String> refused = new java.util.concurrent.atomic.AtomicReference<>();
      for (int d = 2; d <= 5; d++) {
        String token = toggling.get(d - 2);
        String desk = url + "/api/branches/solo/desks/d" + d;
        Thread t = new Thread(() -> {
          while (running.get()) {
            Client.Reply paused = client.post(desk + "/pause", "{\"reason\":\"break\",\"waiting\":{\"choice\":\"keep\"}}", token).await();
            Client.Reply resumed = client.post(desk + "/resume", "{}", token).await();
            if (paused.status() != 200 || resumed.status() != 200) {
              refused.compareAndSet(null, paused.status() + " " + paused.body() + " / " + resumed.status());
              return;
            }
          }
        });
        t.start();
        loops.add(t);
      }
      while (backlog.get() < BACKLOG && refused.get() == null && System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(5)) {
        Thread.sleep(1000);
        backlog.set(outboxBacklog(url));
      }
      running.set(false);
      for (Thread t : loops) {
        t.join();
      }
      if (refused.get() != null) {
        throw new IllegalStateException("backlog: a desk's pause or resume was refused: " + refused.get());
      }
      backlog.set(outboxBacklog(url));
      table.note(String.format(Locale.ROOT, "backlog: %d events waited for the stopped store after %.0f s", backlog.get(),
          (System.nanoTime() - t0) / 1e9));
      Histogram during = commands(url, measured);
      table.put("command p99 ms, " + BACKLOG + " events in the outbox (store down) | none", ms(during.getValueAtPercentile(99)),
          ms(before.getValueAtPercentile(99)));
      pg.up();
      long t1 = System.nanoTime();
      while (outboxBacklog(url) > 0 && System.nanoTime() - t1 < TimeUnit.MINUTES.toNanos(3)) {
        Thread.sleep(200);
      }
      table.note(String.format(Locale.ROOT, "backlog: drained into the store %.1f s after it was back (left: %d)",
          (System.nanoTime() - t1) / 1e9, outboxBacklog(url)));
    }
  }

  private Histogram commands(String url, String token) {
    Histogram all = new Histogram(3);
    String desk = url + "/api/branches/solo/desks/d1";
    for (int i = 0; i < WARM_UP + ROUNDS; i++) {
      long t0 = System.nanoTime();
      issue(url, "solo").await();
      long t1 = System.nanoTime();
      client.post(desk + "/call-next", "{}", token).await();
      long t2 = System.nanoTime();
      client.post(desk + "/start", "{}", token).await();
      long t3 = System.nanoTime();
      client.post(desk + "/done", "{}", token).await();
      long t4 = System.nanoTime();
      if (i >= WARM_UP) {
        for (long d : new long[] {t1 - t0, t2 - t1, t3 - t2, t4 - t3}) {
          all.recordValue(d / 1000);
        }
      }
    }
    return all;
  }

  private long outboxBacklog(String url) {
    JsonObject ready = client.send(HttpMethod.GET, url + "/health/ready", null, null).await().json();
    return ready.getJsonObject("checks").getJsonObject("store").getLong("outboxBacklog", -1L);
  }

  private static String backlogOrganisation() {
    StringBuilder y = new StringBuilder("services:\n");
    for (char s = 'a'; s <= 'e'; s++) {
      y.append("  - {id: ").append(s).append(", name: {da: T").append(s).append(", en: S").append(s)
          .append("}, letter: ").append(Character.toUpperCase(s)).append(", group: digital}\n");
    }
    y.append("branches:\n  - {id: solo, name: Solo, hours: always, services: [a, b, c, d, e], desks: [");
    for (int d = 1; d <= 5; d++) {
      y.append(d > 1 ? ", " : "").append("{id: d").append(d).append(", name: Skranke ").append(d).append("}");
    }
    y.append("]}\nstaff:\n");
    for (int p = 1; p <= 5; p++) {
      y.append("  - {user: p").append(p).append(", name: P").append(p).append(", pinHash: \"").append(Bench.PIN_HASH)
          .append("\", skills: all}\n");
    }
    return y.toString();
  }

  // --- a node with 1,000 idle branches ------------------------------------------------------------

  /** CPU over a minute of a node with 1,000 branches and no traffic, beside an idle baseline node. */
  void idle() throws Exception {
    System.out.println("... A node with " + IDLE_BRANCHES + " branches and no traffic, for a minute");
    Path config = work.resolve("idle.yaml");
    StringBuilder y = new StringBuilder("""
        services:
          - {id: a, name: {da: Pas, en: Passport}, letter: A, group: borgerservice}
          - {id: b, name: {da: Lån, en: Loans}, letter: B, group: bibliotek}
        branches:
        """);
    for (int b = 1; b <= IDLE_BRANCHES; b++) {
      y.append("  - {id: idle-").append(b).append(", name: Filial ").append(b)
          .append(", services: [{id: a, hours: always}, {id: b, hours: {mon-fri: \"09:00-17:00\"}}], desks: [{id: d1, name: Skranke 1}, {id: d2, name: Skranke 2}]}\n");
    }
    Files.writeString(config, y.toString());
    int port = basePort + 60;
    String member = "127.0.0.1:" + (port + 101);
    try (Nodes node = new Nodes(1, port, i -> Bench.java(List.of("dk.queue.ops.Main", "--port",
        String.valueOf(port), "--config", config.toString(), "--data-dir", work.resolve("idle").toString())),
        "Queue node ready");
         Nodes raw = new Nodes(1, port + 1, i -> Bench.java(List.of(BaselineNode.class.getName(),
             String.valueOf(port + 1), String.valueOf(port + 101), "0", member)), "Baseline node ready")) {
      node.startAll();
      raw.startAll();
      Thread.sleep(15_000); // JIT, class loading and the first loads settle
      Duration ours0 = cpu(node.pid(0));
      Duration raw0 = cpu(raw.pid(0));
      long t0 = System.nanoTime();
      Thread.sleep(60_000);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double ours = (cpu(node.pid(0)).minus(ours0).toNanos() / 1e9) / seconds * 100;
      double baseline = (cpu(raw.pid(0)).minus(raw0).toNanos() / 1e9) / seconds * 100;
      table.put("idle node with " + IDLE_BRANCHES + " branches, CPU % of one core over a minute", ours, baseline);
    }
  }

  private static Duration cpu(long pid) {
    return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
  }

  // --- helpers ------------------------------------------------------------------------------------

  private String signIn(String node, String user, String desk, String... services) {
    String token = client.post(node + "/api/login", "{\"user\":\"" + user + "\",\"pin\":\"0000\"}", null).await()
        .json().getString("token");
    String list = services.length == 0 ? "\"a\",\"b\"" : "\"" + String.join("\",\"", services) + "\"";
    Client.Reply r = client.post(node + desk + "/open", "{\"services\":[" + list + "]}", token).await();
    if (r.status() != 200) {
      throw new IllegalStateException("cannot open " + desk + ": " + r.body());
    }
    return token;
  }

  private Future<?> issue(String node, String branch) {
    return client.post(node + "/api/branches/" + branch + "/tickets", "{\"service\":\"a\"}", null).map(r -> {
      if (r.status() != 201) {
        throw new IllegalStateException("issue at " + branch + ": " + r.status() + " " + r.body());
      }
      return r;
    });
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
