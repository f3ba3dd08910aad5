package dk.queue.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.engine.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

/**
 * With PostgreSQL as the store, the configuration's versions are kept in it: a node with an empty
 * data folder, started from the same file after the node that saved a version is gone, starts from
 * that version, and lists it in its change log.
 */
class ConfigVersionsPostgresIT {
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
      "  - {user: boss, name: Boss, pinHash: \"" + BCrypt.hashpw("1234", BCrypt.gensalt(4)) + "\", skills: [pas], admin: true}",
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
      Http.Reply export = first.get("/api/admin/config", boss);
      long version = Long.parseLong(export.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
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
      Http.Reply export = second.get("/api/admin/config", boss);
      assertThat(export.headers().firstValue("ETag").orElseThrow()).contains(String.valueOf(saved));
      assertThat(export.text()).contains("2030-12-24");
    }
  }
}
