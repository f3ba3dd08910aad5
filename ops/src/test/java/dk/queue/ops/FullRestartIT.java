package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.queue.core.engine.PostgresServer;
import dk.queue.core.node.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every node killed with kill -9 in the middle of a load, then all started again: the day comes back
 * from the log exactly. Three nodes sharing one PostgreSQL, and one node alone with its embedded
 * store. Kiosks take passport and loan tickets on every node; one desk calls and serves loans; one
 * desk is open for both, unused; one is paused.
 *
 * <p>On PostgreSQL, bookings first (the demo configuration: passport two per slot at
 * Hovedbiblioteket): many clients on all three nodes book the last place of one slot at once; the
 * slot is never over capacity, and every booking acknowledged with 201 is there after kill -9 of the
 * branch's owner, and again after the kill of every node and a start of all three.
 */
class FullRestartIT {
  static final String BRANCH = "hovedbiblioteket";
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  static final int CLIENTS = 24;
  static final int BASE = 19_000 + (int) (ProcessHandle.current().pid() % 500) * 10;
  final List<NodeProcess> nodes = new ArrayList<>();

  /** Ticket id to its number and service, acknowledged with 201. */
  final Map<String, String> issued = new ConcurrentHashMap<>();
  /** Tickets a call-next on the serving desk answered with. */
  final Map<String, Boolean> called = new ConcurrentHashMap<>();
  final AtomicBoolean running = new AtomicBoolean(true);
  final List<Thread> load = new ArrayList<>();

  @AfterEach
  void stopAll() throws Exception {
    running.set(false);
    for (NodeProcess n : nodes) {
      n.close();
    }
  }

  @Test
  void threeNodesOnPostgresKilledTogetherComeBackExactly() throws Exception {
    String store = PostgresServer.shared().newDatabase();
    Path data = Files.createTempDirectory("queue-full-restart");
    List<String> members = List.of("127.0.0.1:" + (BASE + 1), "127.0.0.1:" + (BASE + 2), "127.0.0.1:" + (BASE + 3));
    for (int i = 1; i <= 3; i++) {
      nodes.add(new NodeProcess(BASE + 4 + i, BASE + i, members, data.resolve("node-" + i), "--store", store));
    }
    startAll();
    String slot = LocalDate.now(CPH).plusDays(1).atTime(10, 0).atZone(CPH).toOffsetDateTime().toString();
    Map<String, String> bookings = lastPlaceBookedOnce(slot);
    NodeProcess owner = ownerOf(BRANCH);
    owner.kill9();
    everyBookingIsThere(bookings, slot);
    owner.start().awaitReady(120);

    killedInTheMiddleOfALoadAndStartedAgain();
    everyBookingIsThere(bookings, slot);
  }

  @Test
  void aNodeAloneOnItsEmbeddedStoreKilledComesBackExactly() throws Exception {
    Path data = Files.createTempDirectory("queue-single-restart");
    nodes.add(new NodeProcess(BASE + 9, BASE + 8, List.of("127.0.0.1:" + (BASE + 8)), data.resolve("node")));
    startAll();
    killedInTheMiddleOfALoadAndStartedAgain();
  }

  void killedInTheMiddleOfALoadAndStartedAgain() throws Exception {
    Http first = new Http(nodes.get(0).base());
    Http last = new Http(nodes.get(nodes.size() - 1).base());
    String serving = last.login("demo", "0000");
    String other = first.login("demo", "0000");
    assertThat(first.post(path("desks/skranke-1/open"), "{\"services\":[\"laan\",\"pas\"]}", other).status()).isEqualTo(200);
    assertThat(first.post(path("desks/skranke-2/open"), "{\"services\":[\"pas\"]}", other).status()).isEqualTo(200);
    assertThat(first.post(path("desks/skranke-2/pause"), "{\"reason\":\"lunch\"}", other).status()).isEqualTo(200);
    assertThat(last.post(path("desks/skranke-3/open"), "{\"services\":[\"laan\"]}", serving).status()).isEqualTo(200);

    for (NodeProcess n : nodes) {
      for (int k = 0; k < 2; k++) {
        kiosk(new Http(n.base()), k == 0 ? "pas" : "laan");
      }
    }
    desk(last, serving);
    // The load runs until more than 20 tickets are acknowledged (a few seconds; longer on a busy machine).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (issued.size() <= 20 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(issued).hasSizeGreaterThan(20);

    List<Thread> killers = new ArrayList<>();
    for (NodeProcess n : nodes) {
      Thread t = new Thread(() -> {
        try {
          n.kill9();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      killers.add(t);
      t.start();
    }
    for (Thread t : killers) {
      t.join();
    }
    running.set(false);
    for (Thread t : load) {
      t.join(30_000);
    }

    startAll();
    // The staff view (the sessions went with the cluster: sign in again), which lists who waits.
    String viewer = first.login("demo", "0000");
    JsonNode restored = stable(first.get(path(""), viewer).body());
    for (NodeProcess n : nodes) {
      assertThat(stable(new Http(n.base()).get(path(""), viewer).body())).as("the branch as node " + n.httpPort + " sees it")
          .isEqualTo(restored);
    }

    // Every acknowledged ticket is there, with its number.
    for (Map.Entry<String, String> t : issued.entrySet()) {
      Http.Reply r = first.get("/api/tickets/" + t.getKey());
      assertThat(r.status()).as("acknowledged ticket " + t.getKey()).isEqualTo(200);
      assertThat(r.body().get("number").asText() + " " + r.body().get("service").asText()).isEqualTo(t.getValue());
    }
    // Nobody calls passports: every passport ticket waits, none missing. (The staff list shows the
    // first of them, in the order of joining the queue by the clocks of the nodes that took them, so
    // compare sorted numbers; the count is the service's.)
    List<String> passports = waiting(restored, "pas").stream().sorted().toList();
    for (int i = 0; i < passports.size(); i++) {
      assertThat(passports.get(i)).isEqualTo(String.format("P%03d", i + 1));
    }
    long acknowledgedPassports = issued.values().stream().filter(v -> v.endsWith(" pas")).count();
    long waitingPassports = 0;
    for (JsonNode service : restored.get("services")) {
      if (service.get("id").asText().equals("pas")) {
        waitingPassports = service.get("waiting").asLong();
      }
    }
    assertThat(waitingPassports).isBetween(acknowledgedPassports, acknowledgedPassports + nodes.size());
    // Loans are called oldest first: those still waiting are the newest, none missing.
    List<String> loans = waiting(restored, "laan").stream().sorted().toList();
    for (int i = 1; i < loans.size(); i++) {
      assertThat(number(loans.get(i))).isEqualTo(number(loans.get(i - 1)) + 1);
    }
    for (String id : called.keySet()) {
      assertThat(first.get("/api/tickets/" + id).body().get("state").asText()).as("called ticket " + id).isNotEqualTo("waiting");
    }
    // Desks as they were.
    assertThat(desk(restored, "skranke-1").get("state").asText()).isEqualTo("open");
    assertThat(desk(restored, "skranke-1").get("services").toString()).isEqualTo("[\"laan\",\"pas\"]");
    assertThat(desk(restored, "skranke-2").get("state").asText()).isEqualTo("paused");
    assertThat(desk(restored, "skranke-2").get("pauseReason").asText()).isEqualTo("lunch");
    assertThat(desk(restored, "skranke-3").get("state").asText()).isIn("open", "calling", "serving");
    assertThat(desk(restored, "skranke-4").get("state").asText()).isEqualTo("closed");
    // Numbering goes on.
    JsonNode next = last.post(path("tickets"), "{\"service\":\"pas\"}").body();
    assertThat(next.get("number").asText()).isEqualTo(String.format("P%03d", waitingPassports + 1));
  }

  /** One place of the slot is taken; then many clients on all three nodes book the last at once. */
  Map<String, String> lastPlaceBookedOnce(String slot) throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    book(new Http(nodes.get(0).base()), slot, "Først", acknowledged);
    assertThat(acknowledged).hasSize(1);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Integer>> replies = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Http http = new Http(nodes.get(i % 3).base());
      int c = i;
      replies.add(pool.submit(() -> {
        go.await();
        return book(http, slot, "Borger " + c, acknowledged);
      }));
    }
    go.countDown();
    int created = 0;
    for (Future<Integer> f : replies) {
      int status = f.get(120, TimeUnit.SECONDS);
      assertThat(status).as("booked, or refused as full").isIn(201, 409);
      created += status == 201 ? 1 : 0;
    }
    pool.shutdown();
    assertThat(created).as("exactly the last place was booked").isEqualTo(1);
    assertThat(acknowledged).hasSize(2);
    everyBookingIsThere(acknowledged, slot);
    return acknowledged;
  }

  /** Books the slot; a 201 is remembered (secret to code). Returns the status. */
  static int book(Http http, String slot, String name, Map<String, String> acknowledged) throws Exception {
    Http.Reply r = http.post("/api/branches/" + BRANCH + "/bookings",
        "{\"service\":\"pas\",\"start\":\"" + slot + "\",\"name\":\"" + name + "\"}");
    if (r.status() == 201) {
      acknowledged.put(r.body().get("secret").asText(), r.body().get("code").asText());
    } else if (r.status() == 409) {
      assertThat(r.error()).as(r.text()).isEqualTo("slot_full");
    }
    return r.status();
  }

  /** On every live node: each acknowledged booking reads back by its secret, and the slot has no place left. */
  void everyBookingIsThere(Map<String, String> acknowledged, String slot) throws Exception {
    for (NodeProcess n : nodes) {
      if (!n.alive()) {
        continue;
      }
      Http http = new Http(n.base());
      for (Map.Entry<String, String> b : acknowledged.entrySet()) {
        Http.Reply r = http.get("/api/bookings/" + b.getKey());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("code").asText()).isEqualTo(b.getValue());
        assertThat(r.body().get("state").asText()).isEqualTo("booked");
      }
      JsonNode slots = http.get("/api/branches/" + BRANCH + "/services/pas/slots?date=" + slot.substring(0, 10)).body();
      for (JsonNode s : slots.get("slots")) {
        if (OffsetDateTime.parse(s.get("start").asText()).isEqual(OffsetDateTime.parse(slot))) {
          assertThat(s.get("free").asInt()).isZero();
        }
      }
    }
  }

  void startAll() throws Exception {
    for (NodeProcess n : nodes) {
      n.start();
    }
    for (NodeProcess n : nodes) {
      n.awaitReady(120);
    }
  }

  static String path(String rest) {
    return "/api/branches/" + BRANCH + (rest.isEmpty() ? "" : "/" + rest);
  }

  void kiosk(Http h, String service) {
    Thread t = new Thread(() -> {
      while (running.get()) {
        try {
          Http.Reply r = h.post(path("tickets"), "{\"service\":\"" + service + "\"}");
          if (r.status() == 201) {
            issued.put(r.body().get("id").asText(), r.body().get("number").asText() + " " + service);
          }
          Thread.sleep(30);
        } catch (Exception e) {
          // no answer: not acknowledged
        }
      }
    }, "kiosk");
    load.add(t);
    t.start();
  }

  void desk(Http h, String token) {
    Thread t = new Thread(() -> {
      while (running.get()) {
        try {
          Http.Reply r = h.post(path("desks/skranke-3/call-next"), null, token);
          if (r.status() == 200) {
            called.put(r.body().get("id").asText(), true);
            h.post(path("desks/skranke-3/start"), null, token);
            h.post(path("desks/skranke-3/done"), null, token);
          }
          Thread.sleep(100);
        } catch (Exception e) {
          // the node went away
        }
      }
    }, "desk");
    load.add(t);
    t.start();
  }

  static List<String> waiting(JsonNode snapshot, String service) {
    List<String> numbers = new ArrayList<>();
    for (JsonNode w : snapshot.get("waiting")) {
      if (w.get("service").asText().equals(service)) {
        numbers.add(w.get("number").asText());
      }
    }
    return numbers;
  }

  static int number(String ticketNumber) {
    return Integer.parseInt(ticketNumber.substring(1));
  }

  static JsonNode desk(JsonNode snapshot, String id) {
    for (JsonNode d : snapshot.get("desks")) {
      if (d.get("id").asText().equals(id)) {
        return d;
      }
    }
    throw new AssertionError("no desk " + id);
  }

  /** The snapshot without the parts that move with the clock. */
  static JsonNode stable(JsonNode snapshot) {
    ObjectNode copy = snapshot.deepCopy();
    copy.get("waiting").forEach(w -> ((ObjectNode) w).remove("waitedSeconds"));
    copy.get("services").forEach(s -> {
      ((ObjectNode) s).remove("longestWaitSeconds");
      ((ObjectNode) s).remove("estimatedWaitSeconds");
      ((ObjectNode) s).remove("estimatedWaitRangeSeconds");
    });
    return copy;
  }

  NodeProcess ownerOf(String branch) throws Exception {
    return NodeProcess.ownerOf(nodes, branch);
  }
}
