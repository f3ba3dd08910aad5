package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.config.ConfigLoader;
import dk.queue.core.engine.PostgresServer;
import dk.queue.core.json.JsonMapping;
import dk.queue.core.node.Eventually;
import dk.queue.core.node.Http;
import dk.queue.core.node.SseClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults one after the other while kiosks and desks work through three nodes on one PostgreSQL:
 * kill -9 of a node, SIGSTOP of a node for 10 s, PostgreSQL hung (SIGSTOP) for 30 s, and a
 * configuration reload (SIGHUP) that adds a desk. At the end every acknowledged ticket is there
 * with its number, no number was issued twice, no ticket was called twice, and every live client
 * had an update within 10 s after each fault ended.
 */
class FaultRunIT {
  static final String BRANCH = "hovedbiblioteket";
  static final String B = "/api/branches/" + BRANCH;
  static final int BASE = 21_000 + (int) (ProcessHandle.current().pid() % 400) * 10;
  static final Duration QUIET_LIMIT = Duration.ofSeconds(10);
  final List<NodeProcess> nodes = new ArrayList<>();
  final AtomicBoolean running = new AtomicBoolean(true);
  final List<Thread> load = new ArrayList<>();
  /** Ticket id to number, acknowledged with 201. */
  final Map<String, String> issued = new ConcurrentHashMap<>();
  /** Every ticket a call-next answered with, once per answer. */
  final List<String> called = new CopyOnWriteArrayList<>();
  final List<LiveClient> clients = new ArrayList<>();
  /** Fault name to the moment it ended. */
  final Map<String, Long> faultEnds = new LinkedHashMap<>();

  @AfterEach
  void stopAll() throws Exception {
    running.set(false);
    clients.forEach(LiveClient::close);
    for (NodeProcess n : nodes) {
      if (n.alive()) {
        n.signal("CONT");
      }
      n.close();
    }
  }

  @Test
  void nothingLostNothingStuckThroughKillStopStoreHangAndReload() throws Exception {
    PostgresServer pg = PostgresServer.create();
    pg.start();
    try {
      run(pg);
    } catch (Throwable e) {
      for (NodeProcess n : nodes) {
        List<String> out = new ArrayList<>(n.output);
        System.out.println("--- node " + n.httpPort + ", last lines:\n"
            + String.join("\n", out.subList(Math.max(0, out.size() - 40), out.size())));
        List<String> config = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
          String l = out.get(i);
          if (l.contains("SIGHUP") || l.contains("ChangeConfig") || l.contains("configuration")) {
            config.add((i > 0 && !out.get(i - 1).startsWith("time=") ? out.get(i - 1) + " | " : "") + l);
          }
        }
        System.out.println("--- node " + n.httpPort + ", its configuration lines:\n" + String.join("\n", config));
        if (n.alive()) {
          // Where each thread of the node is, for a step that never ended.
          Path dump = Path.of("target", "fault-run-threads-" + n.httpPort + ".txt");
          new ProcessBuilder("jcmd", String.valueOf(n.pid()), "Thread.print").redirectErrorStream(true)
              .redirectOutput(dump.toFile()).start().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
          System.out.println("--- node " + n.httpPort + ", threads: " + dump.toAbsolutePath());
        }
      }
      throw e;
    } finally {
      pg.resume();
      pg.close();
    }
  }

  private void run(PostgresServer pg) throws Exception {
    String store = pg.newDatabase();
    Path data = Files.createTempDirectory("queue-faults");
    String demo;
    try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.DEMO_RESOURCE)) {
      demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path config = data.resolve("queue.yaml");
    Files.writeString(config, demo);
    List<String> members = List.of("127.0.0.1:" + (BASE + 1), "127.0.0.1:" + (BASE + 2), "127.0.0.1:" + (BASE + 3));
    for (int i = 1; i <= 3; i++) {
      nodes.add(new NodeProcess(BASE + 4 + i, BASE + i, members, data.resolve("node-" + i), "--store", store,
          "--config", config.toString()));
    }
    for (NodeProcess n : nodes) {
      n.start();
    }
    for (NodeProcess n : nodes) {
      n.awaitReady(180);
    }
    awaitSafe();

    for (int k = 0; k < 3; k++) {
      int first = k;
      startLoad("kiosk-" + k, () -> kiosk(first));
    }
    startDesk("demo", "0000", "skranke-1", "[\"pas\",\"laan\"]", 0);
    startDesk("mette", "1234", "skranke-2", "[\"pas\"]", 1);
    startDesk("lars", "1234", "skranke-3", "[\"laan\"]", 2);
    for (int k = 0; k < 3; k++) {
      clients.add(new LiveClient("client-" + k, k));
    }
    Thread.sleep(5000);

    // 1. kill -9 of a node; it is started again once the others have taken over.
    NodeProcess killed = nodes.get(0);
    killed.kill9();
    faultEnds.put("kill -9", System.nanoTime());
    Thread.sleep(10_000);
    killed.start().awaitReady(300);
    awaitSafe();

    // 2. A node stopped for 10 s (a long GC pause, a frozen VM), then let go on.
    NodeProcess frozen = nodes.get(1);
    frozen.signal("STOP");
    Thread.sleep(10_000);
    frozen.signal("CONT");
    faultEnds.put("SIGSTOP of a node for 10 s", System.nanoTime());
    Thread.sleep(5000);
    awaitSafe();

    // 3. PostgreSQL accepts connections and never answers for 30 s.
    pg.hang();
    Thread.sleep(30_000);
    pg.resume();
    faultEnds.put("PostgreSQL hung for 30 s", System.nanoTime());
    Thread.sleep(5000);

    // 4. A new desk in the file, and SIGHUP to one node: a desk on another node opens it.
    Files.writeString(config, demo.replace("      - {id: skranke-5, name: Skranke 5}",
        "      - {id: skranke-5, name: Skranke 5}\n      - {id: skranke-6, name: Skranke 6}"));
    nodes.get(2).signal("HUP");
    faultEnds.put("configuration reload", System.nanoTime());
    Http other = http(nodes.get(0));
    String jens = other.login("jens", "1234");
    Http.Reply opened = Eventually.value(Duration.ofSeconds(30),
        () -> other.post(B + "/desks/skranke-6/open", "{\"services\":[\"laan\"]}", jens), r -> r.status() == 200);
    assertThat(opened.status()).as("the new desk opens after the reload: %s", opened.text()).isEqualTo(200);
    startDesk("jens", "1234", "skranke-6", null, 0);
    Thread.sleep(10_000);

    running.set(false);
    for (Thread t : load) {
      t.join(60_000);
    }
    clients.forEach(LiveClient::close);
    for (NodeProcess n : nodes) {
      Eventually.value(Duration.ofSeconds(60), () -> backlog(n), b -> b == 0);
    }
    check(pg, store);
  }

  private void check(PostgresServer pg, String store) throws Exception {
    // The store: each issued ticket's number, the tickets that ended, and the calls.
    Map<String, String> storedNumbers = new HashMap<>();
    java.util.Set<String> storedEnded = new java.util.HashSet<>();
    Map<String, Integer> storedCalls = new HashMap<>();
    try (Connection c = pg.connect(PostgresServer.database(store)); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT type, body->'event'->>'ticket', body->'event'->>'number' FROM events"
          + " WHERE branch = '" + BRANCH + "' AND type IN ('TicketIssued', 'TicketCalled', 'TicketDone', 'TicketNoShow',"
          + " 'TicketCancelled')")) {
        while (rs.next()) {
          switch (rs.getString(1)) {
            case "TicketIssued" -> storedNumbers.put(rs.getString(2), rs.getString(3));
            case "TicketCalled" -> storedCalls.merge(rs.getString(2), 1, Integer::sum);
            default -> storedEnded.add(rs.getString(2));
          }
        }
      }
    }
    // Every acknowledged ticket is in the day's state with its number; one that ended may have left
    // the state (it keeps the newest ended tickets only) and must then be in the store, ended.
    Http any = http(nodes.get(2));
    int missing = 0;
    int wrongNumber = 0;
    int endedAndGone = 0;
    for (Map.Entry<String, String> t : issued.entrySet()) {
      Http.Reply r = any.get("/api/tickets/" + t.getKey());
      if (r.status() == 200) {
        wrongNumber += r.body().get("number").asText().equals(t.getValue()) ? 0 : 1;
      } else if (r.status() == 404 && storedEnded.contains(t.getKey())) {
        endedAndGone++;
        wrongNumber += t.getValue().equals(storedNumbers.get(t.getKey())) ? 0 : 1;
      } else {
        missing++;
      }
    }
    int storedIssued = (int) issued.keySet().stream().filter(storedNumbers::containsKey).count();
    Map<String, Integer> numbers = new HashMap<>();
    issued.values().forEach(n -> numbers.merge(n, 1, Integer::sum));
    long numbersTwice = numbers.values().stream().filter(c -> c > 1).count();
    Map<String, Integer> calls = new HashMap<>();
    called.forEach(id -> calls.merge(id, 1, Integer::sum));
    long calledTwice = calls.values().stream().filter(c -> c > 1).count();
    long storedCalledTwice = storedCalls.values().stream().filter(c -> c > 1).count();

    System.out.printf("fault run: %d tickets acknowledged, %d missing, %d with another number, %d in the store "
            + "(%d ended and no longer in the day's state); numbers issued twice: %d; calls answered: %d, tickets called"
            + " twice: %d (in the store: %d of %d calls)%n",
        issued.size(), missing, wrongNumber, storedIssued, endedAndGone, numbersTwice, called.size(), calledTwice, storedCalledTwice,
        storedCalls.size());
    Map<String, Map<String, Long>> quiet = new LinkedHashMap<>();
    for (Map.Entry<String, Long> fault : faultEnds.entrySet()) {
      Map<String, Long> perClient = new LinkedHashMap<>();
      for (LiveClient c : clients) {
        perClient.put(c.name, c.firstUpdateAfter(fault.getValue()));
      }
      quiet.put(fault.getKey(), perClient);
      System.out.printf("fault run: after '%s' ended, first update per client (ms): %s%n", fault.getKey(), perClient);
    }
    assertThat(issued.size()).as("tickets acknowledged").isGreaterThan(50);
    assertThat(called).as("calls answered").isNotEmpty();
    assertThat(missing).as("acknowledged tickets missing").isZero();
    assertThat(wrongNumber).as("acknowledged tickets with another number").isZero();
    assertThat(storedIssued).as("acknowledged tickets in the store").isEqualTo(issued.size());
    assertThat(numbersTwice).as("numbers issued twice").isZero();
    assertThat(calledTwice).as("tickets called twice").isZero();
    assertThat(storedCalledTwice).as("tickets called twice in the log").isZero();
    quiet.forEach((fault, perClient) -> perClient.forEach((client, ms) ->
        assertThat(ms).as("%s: first update after '%s' ended (ms; -1 is none)", client, fault)
            .isBetween(0L, QUIET_LIMIT.toMillis())));
  }

  Http http(NodeProcess n) {
    return new Http(n.base());
  }

  /** The node's outbox backlog on /metrics; -1 while it cannot tell. */
  static double backlog(NodeProcess n) {
    try {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(
          "^queue_outbox_backlog\\{branch=\"" + BRANCH + "\",?\\} ([0-9.eE+-]+)$", java.util.regex.Pattern.MULTILINE)
          .matcher(new Http(n.base()).get("/metrics").text());
      double sum = 0;
      while (m.find()) {
        sum += Double.parseDouble(m.group(1));
      }
      return sum;
    } catch (Exception e) {
      return -1;
    }
  }

  void awaitSafe() throws Exception {
    for (NodeProcess n : nodes) {
      if (n.alive()) {
        Eventually.value(Duration.ofSeconds(120), () -> {
          try {
            return JsonMapping.mapper().readTree(n.readiness(Http.CLIENT)).at("/checks/cluster/safe").asBoolean();
          } catch (Exception e) {
            return false;
          }
        }, safe -> safe);
      }
    }
  }

  private void startLoad(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    load.add(t);
    t.start();
  }

  /** Takes passport and loan tickets, moving to the next node when its node does not answer. */
  private void kiosk(int first) {
    int node = first;
    int i = 0;
    while (running.get()) {
      try {
        Http.Reply r = http(nodes.get(node)).post(B + "/tickets", "{\"service\":\"" + (i++ % 2 == 0 ? "pas" : "laan") + "\"}");
        if (r.status() == 201) {
          issued.put(r.body().get("id").asText(), r.body().get("number").asText());
        } else if (r.status() >= 500) {
          node = (node + 1) % nodes.size();
        }
        Thread.sleep(250);
      } catch (Exception e) {
        node = (node + 1) % nodes.size();
      }
    }
  }

  /** A desk that calls and finishes tickets, signing in again and moving node when it must. */
  private void startDesk(String user, String pin, String desk, String services, int first) {
    startLoad("desk-" + desk, () -> {
      int node = first;
      String token = null;
      boolean open = services == null;
      String path = B + "/desks/" + desk;
      while (running.get()) {
        try {
          Http h = http(nodes.get(node));
          if (token == null) {
            token = h.login(user, pin);
          }
          if (!open) {
            Http.Reply r = h.post(path + "/open", "{\"services\":" + services + "}", token);
            // 409: open already (an earlier answer was lost)
            open = r.status() == 200 || r.status() == 409;
          }
          Http.Reply r = h.post(path + "/call-next", null, token);
          if (r.status() == 200) {
            called.add(r.body().at("/ticket/id").isMissingNode() ? r.body().get("id").asText() : r.body().at("/ticket/id").asText());
            h.post(path + "/start", null, token);
            h.post(path + "/done", null, token);
          } else if (r.status() == 409 && "desk_busy".equals(r.error())) {
            h.post(path + "/start", null, token);
            h.post(path + "/done", null, token);
          } else if (r.status() == 401) {
            token = null;
          } else if (r.status() >= 500) {
            node = (node + 1) % nodes.size();
          }
          Thread.sleep(300);
        } catch (Exception e) {
          node = (node + 1) % nodes.size();
          try {
            Thread.sleep(200);
          } catch (InterruptedException stop) {
            return;
          }
        }
      }
    });
  }

  /**
   * A screen's live stream: it notes when each update arrives, and moves to the next node when its
   * stream has said nothing for 3 s (as the pages do when their node goes away).
   */
  final class LiveClient {
    final String name;
    final List<Long> updates = Collections.synchronizedList(new ArrayList<>());
    final Thread thread;
    volatile SseClient sse;

    LiveClient(String name, int first) {
      this.name = name;
      thread = new Thread(() -> {
        int node = first;
        while (running.get()) {
          try (SseClient s = new SseClient(Http.CLIENT, nodes.get(node).base() + B + "/events?client=screen", null)) {
            sse = s;
            long last = System.nanoTime();
            while (running.get() && System.nanoTime() - last < TimeUnit.SECONDS.toNanos(3)) {
              if (s.poll(500) != null) {
                last = System.nanoTime();
                updates.add(last);
              }
            }
          } catch (Exception e) {
            // the node does not answer: the next one
          }
          node = (node + 1) % nodes.size();
        }
      }, name);
      thread.setDaemon(true);
      thread.start();
    }

    /** Milliseconds from {@code t} to the first update after it; -1 when none came. */
    long firstUpdateAfter(long t) {
      synchronized (updates) {
        return updates.stream().filter(u -> u >= t).findFirst().map(u -> TimeUnit.NANOSECONDS.toMillis(u - t)).orElse(-1L);
      }
    }

    void close() {
      SseClient s = sse;
      if (s != null) {
        s.close();
      }
    }
  }
}
