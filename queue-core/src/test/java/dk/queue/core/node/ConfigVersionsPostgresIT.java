package dk.queue.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.engine.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With PostgreSQL as the store, the configuration's versions are kept in it: a node with an empty
 * data folder, started from the same file after the node that saved a version is gone, starts from
 * that version, and lists it in its change log.
 */
class ConfigVersionsPostgresIT {
  static final String YAML = TestConfig.TWO_BRANCHES_YAML + String.join("\n",
      "staff:",
      "  - {user: boss, name: Boss, pinHash: \"" + TestConfig.PIN_HASH + "\", skills: [pas], admin: true}",
      "outcomes: [served]",
      "");

  @Test
  void aNodeWithAnEmptyFolderStartsFromTheVersionSavedInTheDatabase() throws Exception {
    String store = PostgresServer.shared().newDatabase();
    Path dir = Files.createTempDirectory("queue-config-pg");
    Path file = dir.resolve("organisation.yaml");
    Files.writeString(file, YAML);
    long saved;
    try (TestNode first = TestNode.start(dir.resolve("first"), o -> o.withConfig(ConfigLoader.load(file)).withStore(store))) {
      String boss = new Http(first.base()).login("boss", "1234");
      long version = version(first, boss);
      Http.Reply days = first.send("POST", "/api/admin/branches/main/closed-days", "{\"version\": " + version
          + ", \"days\": [{\"date\": \"2030-12-24\", \"reason\": {\"da\": \"Jul\", \"en\": \"Christmas\"}}]}",
          Map.of("Content-Type", "application/json", "Authorization", "Bearer " + boss));
      assertThat(days.status()).as(days.text()).isEqualTo(200);
      saved = days.body().get("version").asLong();
      assertThat(saved).isEqualTo(version + 1);
    }

    try (TestNode second = TestNode.start(dir.resolve("second"), o -> o.withConfig(ConfigLoader.load(file)).withStore(store))) {
      assertThat(second.node.engine().config().branch("main").orElseThrow().closedDays().days())
          .as("the closed day saved through the first node").hasSize(1);
      String boss = new Http(second.base()).login("boss", "1234");
      assertThat(version(second, boss)).isEqualTo(saved);
      assertThat(second.get("/api/admin/config", boss).text()).contains("2030-12-24");
    }
  }

  /** The running configuration's version: the export's ETag. */
  static long version(TestNode node, String token) throws Exception {
    HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.base() + "/api/admin/config"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
    return Long.parseLong(r.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
  }
}
