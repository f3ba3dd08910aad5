package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.engine.PostgresServer;
import dk.queue.core.json.JsonMapping;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bookings on three node processes sharing PostgreSQL (the demo configuration: passport two per
 * slot at Hovedbiblioteket): many clients on all three nodes book the last places of one slot at
 * once; the slot is never over capacity, and every booking acknowledged with 201 is there after
 * kill -9 of the branch's owner and after kill -9 of every node and a start of all three.
 */
class BookingClusterIT {
  static final String BRANCH = "hovedbiblioteket";
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  static final int BASE = 17_000 + (int) (ProcessHandle.current().pid() % 500) * 10;
  static final int CLIENTS = 24;
  final List<NodeProcess> nodes = new ArrayList<>();

  @AfterEach
  void stopAll() throws Exception {
    for (NodeProcess n : nodes) {
      n.close();
    }
  }

  @Test
  void theLastPlacesOfASlotAreBookedOnceAndSurviveKillsAndAFullRestart() throws Exception {
    String store = PostgresServer.shared().newDatabase();
    Path data = Files.createTempDirectory("queue-booking-cluster");
    List<String> members = List.of("127.0.0.1:" + (BASE + 1), "127.0.0.1:" + (BASE + 2), "127.0.0.1:" + (BASE + 3));
    for (int i = 1; i <= 3; i++) {
      nodes.add(new NodeProcess(BASE + 4 + i, BASE + i, members, data.resolve("node-" + i), "--store", store));
    }
    startAll();
    String slot = LocalDate.now(CPH).plusDays(1).atTime(10, 0).atZone(CPH).toOffsetDateTime().toString();

    // One place is taken already; the other is the last.
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

    NodeProcess owner = ownerOf(BRANCH);
    owner.kill9();
    everyBookingIsThere(acknowledged, slot);

    for (NodeProcess n : nodes) {
      if (n.alive()) {
        n.kill9();
      }
    }
    startAll();
    everyBookingIsThere(acknowledged, slot);
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

  NodeProcess ownerOf(String branch) throws Exception {
    for (NodeProcess n : nodes) {
      if (n.alive() && JsonMapping.mapper().readTree(n.readiness(Http.CLIENT)).at("/checks/cluster/ownedBranches")
          .toString().contains("\"" + branch + "\"")) {
        return n;
      }
    }
    throw new AssertionError("nobody owns " + branch);
  }
}
