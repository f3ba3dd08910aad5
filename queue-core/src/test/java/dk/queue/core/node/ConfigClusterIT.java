package dk.queue.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.config.ConfigLoader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The running configuration's versions shared by two real nodes in one cluster: a change saved on
 * one is taken on by the other without a restart and without losing the day's queue, a change made
 * on the other from the older version is refused and shown the first, a saved version outlives the
 * crash of the node that took it, and a restart of the cluster starts from the newest version, not
 * from the file it was first started with.
 */
class ConfigClusterIT {
  static final String YAML = String.join("\n",
      "services:",
      "  - {id: pas, name: {da: Pas, en: Passport}, letter: P, group: borgerservice}",
      "branches:",
      "  - id: main",
      "    name: Hovedbiblioteket",
      "    hours: {mon-sun: \"00:00-24:00\"}",
      "    services: [pas]",
      "    desks: [{id: d1, name: Skranke 1}]",
      "staff:",
      "  - {user: boss, name: Boss, pinHash: \"" + org.mindrot.jbcrypt.BCrypt.hashpw("1234", org.mindrot.jbcrypt.BCrypt.gensalt(4)) + "\", skills: [pas], admin: true}",
      "outcomes: [served]",
      "");

  @Test
  void aSaveOnOneNodeReachesTheOtherARacingSaveIsRefusedAndTheVersionOutlivesACrashAndARestart() throws Exception {
    Path dir = Files.createTempDirectory("queue-config-cluster");
    Path file = dir.resolve("organisation.yaml");
    Files.writeString(file, YAML);
    int portA = freePort();
    int portB = freePort();
    List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
    String name = "config-" + ProcessHandle.current().pid();
    TestNode a = TestNode.start(dir.resolve("a"), o -> o.withConfig(ConfigLoader.load(file))
        .withCluster(new ClusterOptions(true, "127.0.0.1", portA, members, false, 1, 1, name)));
    TestNode b = TestNode.start(dir.resolve("b"), o -> o.withConfig(ConfigLoader.load(file))
        .withCluster(new ClusterOptions(true, "127.0.0.1", portB, members, false, 1, 1, name)));
    try {
      assertThat(Eventually.value(Duration.ofSeconds(10), () -> a.node.hazelcast().getCluster().getMembers().size(),
          n -> n == 2)).isEqualTo(2);
      String onA = a.post("/api/login", "{\"user\":\"boss\",\"pin\":\"1234\"}").body().get("token").asText();
      String onB = onA; // sessions are cluster-wide
      assertThat(a.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}", onA).status()).isEqualTo(200);
      Http.Reply ticket = a.post("/api/branches/main/tickets", "{\"service\":\"pas\"}");
      assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
      long version = b.get("/api/admin/audit", onB).body().get(0).get("version").asLong();

      System.out.println("T " + System.nanoTime() / 1_000_000 + " A new service sav");
      // A new service saved on node A: node B runs it too, and the ticket taken before is still waiting.
      Http.Reply added = a.post("/api/admin/services/bolig", "{\"version\": " + version + ", \"set\": {\"name\": "
          + "{\"da\": \"Boligstøtte\", \"en\": \"Housing benefit\"}, \"letter\": \"B\", \"group\": \"borgerservice\"}}", onA);
      assertThat(added.status()).as(added.text()).isEqualTo(200);
      Http.Reply offered = a.post("/api/admin/branches/main", "{\"version\": " + (version + 1)
          + ", \"set\": {\"services\": [\"pas\", \"bolig\"]}}", onA);
      assertThat(offered.status()).as(offered.text()).isEqualTo(200);
      assertThat(Eventually.value(Duration.ofSeconds(10), () -> service(b, "bolig") != null, on -> on)).isTrue();
      JsonNode pas = b.get("/api/branches/main").body().get("services").get(0);
      assertThat(pas.get("id").asText()).isEqualTo("pas");
      assertThat(pas.get("waiting").asInt()).as("the ticket taken before the change").isEqualTo(1);
      assertThat(b.get("/api/tickets/" + ticket.body().get("id").asText()).status()).isEqualTo(200);

      System.out.println("T " + System.nanoTime() / 1_000_000 + " A change made on ");
      // A change made on node B from the version before: refused, and told what A changed.
      Http.Reply racing = b.post("/api/admin/services/pas", "{\"version\": " + (version + 1)
          + ", \"set\": {\"targetWaitMinutes\": 30}}", onB);
      assertThat(racing.status()).isEqualTo(409);
      assertThat(racing.error()).isEqualTo("version_conflict");
      assertThat(racing.body().get("currentVersion").asLong()).isEqualTo(version + 2);
      assertThat(racing.body().get("change").asText()).isEqualTo("branches: main changed (services)");
      assertThat(service(b, "pas").targetWaitSeconds()).isEqualTo(15 * 60);

      // The loader's messages, each with its field.
      Http.Reply invalid = b.post("/api/admin/services/pas", "{\"version\": " + (version + 2)
          + ", \"set\": {\"letter\": \"p1\"}}", onB);
      assertThat(invalid.status()).isEqualTo(400);
      assertThat(invalid.body().get("problems").get(0).get("path").asText()).isEqualTo("services[0].letter");
      assertThat(invalid.body().get("problems").get(0).get("message").asText()).contains("is not a ticket letter");

      System.out.println("T " + System.nanoTime() / 1_000_000 + " Saved on B, then ");
      // Saved on B, then B is killed: A keeps the version and goes on from it.
      Http.Reply onlyOnB = b.post("/api/admin/services/pas", "{\"version\": " + (version + 2)
          + ", \"set\": {\"targetWaitMinutes\": 30}}", onB);
      assertThat(onlyOnB.status()).as(onlyOnB.text()).isEqualTo(200);
      b.node.hazelcast().getLifecycleService().terminate();
      b.node.vertx().close();
      assertThat(Eventually.value(Duration.ofSeconds(10), () -> service(a, "pas").targetWaitSeconds(), w -> w == 30 * 60))
          .isEqualTo(30 * 60);
      JsonNode audit = a.get("/api/admin/audit", onA).body();
      assertThat(audit.get(0).get("version").asLong()).isEqualTo(version + 3);
      assertThat(audit.get(0).get("by").asText()).isEqualTo("boss");
    } finally {
      a.close();
      try {
        b.close();
      } catch (Exception alreadyDown) {
        // killed above
      }
    }

    System.out.println("T " + System.nanoTime() / 1_000_000 + " Every node down");
      // Every node down; the first one up starts from the newest version, not the file.
    try (TestNode again = TestNode.start(dir.resolve("a"), o -> o.withConfig(ConfigLoader.load(file)))) {
      assertThat(service(again, "pas").targetWaitSeconds()).isEqualTo(30 * 60);
      assertThat(service(again, "bolig")).isNotNull();
      assertThat(again.get("/api/admin/config", again.login("boss")).text()).contains("bolig");
    }
  }

  /** The service as the node's configuration has it at branch main; null if it is not offered there. */
  private static dk.queue.core.domain.ServiceDef service(TestNode node, String id) {
    return node.node.engine().config().branch("main").orElseThrow().services().stream()
        .filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
