package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.node.Http;
import dk.queue.core.node.TestNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A running node takes on a new configuration through the admin API without losing the day: a new
 * desk opens, a new service takes tickets, new hours close a service, the waiting tickets stay and
 * numbering goes on; removing a desk in use is refused and changes nothing; the change is in the
 * branch's log, so a restart keeps it.
 */
class ConfigChangeIT {
  static final String HASH = BCrypt.hashpw("1234", BCrypt.gensalt(4));

  /** One branch, main, with the given desks and services; laan open at {@code laanHours}. */
  static String yaml(List<String> desks, List<String> services, String laanHours) {
    StringBuilder y = new StringBuilder("services:\n");
    for (String s : List.of("pas:P", "laan:L", "pension:N")) {
      y.append("  - {id: ").append(s, 0, s.indexOf(':')).append(", name: x, letter: ").append(s.substring(s.indexOf(':') + 1))
          .append(", group: borgerservice}\n");
    }
    y.append("branches:\n  - id: main\n    name: Main\n    timezone: Europe/Copenhagen\n")
        .append("    hours: {mon-sun: \"00:00-24:00\"}\n    services:\n");
    for (String s : services) {
      y.append(s.equals("laan") ? "      - {id: laan, hours: {mon-sun: \"" + laanHours + "\"}}\n" : "      - " + s + "\n");
    }
    y.append("    desks:\n");
    desks.forEach(d -> y.append("      - {id: ").append(d).append(", name: Skranke ").append(d).append("}\n"));
    y.append("staff:\n")
        .append("  - {user: boss, name: Boss, pinHash: \"").append(HASH).append("\", skills: [pas, laan, pension], admin: true}\n")
        .append("  - {user: anna, name: Anna, pinHash: \"").append(HASH).append("\", skills: [pas, laan, pension]}\n")
        .append("outcomes: [served]\n");
    return y.toString();
  }

  /** Hours that include now, and hours that do not, in Copenhagen. */
  static String hoursNow(boolean open) {
    int hour = ZonedDateTime.now(ZoneId.of("Europe/Copenhagen")).getHour();
    if (open) {
      return "00:00-24:00";
    }
    return hour < 12 ? "13:00-14:00" : "01:00-02:00";
  }

  static Http.Reply postConfig(TestNode node, String yaml, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + "/api/admin/config"))
        .header("Content-Type", "application/yaml").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(yaml));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = node.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Http.Reply(r.statusCode(), r.body().isBlank() ? null
        : dk.queue.core.json.JsonMapping.mapper().readTree(r.body()), r.body());
  }

  @Test
  void theEmbeddedDemoIsExportedAsItsTextAndANodeWithoutTextSaysSo() throws Exception {
    try (TestNode demo = TestNode.start(Files.createTempDirectory("queue-demo"), o -> o.withConfig(ConfigLoader.demo()))) {
      String admin = new Http(demo.base()).login("admin", "0000");
      Http.Reply export = demo.get("/api/admin/config", admin);
      assertThat(export.status()).as(export.text()).isEqualTo(200);
      assertThat(ConfigLoader.parse(export.text(), "export.yaml").branches())
          .isEqualTo(ConfigLoader.demo().branches());
      // Storing the demo's text as version 1 does not make the node take it on again under that name.
      assertThat(demo.node.engine().config().source()).isEqualTo(ConfigLoader.DEMO_SOURCE);
    }
    String inline = dk.queue.core.node.TestConfig.TWO_BRANCHES_YAML + "staff:\n  - {user: boss, name: Boss, pinHash: \""
        + dk.queue.core.node.TestConfig.PIN_HASH + "\", skills: [pas], admin: true}\noutcomes: [served]\n";
    try (TestNode plain = TestNode.start(Files.createTempDirectory("queue-inline"),
        o -> o.withConfig(ConfigLoader.parse(inline, "not a file")))) {
      Http.Reply none = plain.get("/api/admin/config", new Http(plain.base()).login("boss", "1234"));
      assertThat(none.status()).isEqualTo(404);
      assertThat(none.error()).isEqualTo("no_text");
    }
  }

  @Test
  void aRunningNodeTakesOnANewConfigurationKeepingTheDay() throws Exception {
    String v1 = yaml(List.of("d1", "d2"), List.of("pas", "laan"), hoursNow(true));
    String v2 = yaml(List.of("d1", "d2", "d3"), List.of("pas", "laan", "pension"), hoursNow(false));
    Path data = Files.createTempDirectory("queue-config");
    try (TestNode node = TestNode.start(data, o -> o.withConfig(ConfigLoader.parse(v1, "v1.yaml")))) {
      String anna = node.login("anna");
      String boss = node.login("boss");
      assertThat(node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\",\"laan\"]}", anna).status()).isEqualTo(200);
      for (int i = 0; i < 2; i++) {
        assertThat(node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").status()).isEqualTo(201);
      }
      assertThat(node.post("/api/branches/main/tickets", "{\"service\":\"laan\"}").status()).isEqualTo(201);
      assertThat(node.post("/api/branches/main/desks/d3/open", "{\"services\":[\"pas\"]}", boss).error())
          .isEqualTo("unknown_desk");
      long seq = node.seq("main");

      assertThat(postConfig(node, v2, anna).status()).as("not an admin").isEqualTo(403);
      Http.Reply broken = postConfig(node, v2.replace("letter: N", "letter: P"), boss);
      assertThat(broken.status()).isEqualTo(400);
      assertThat(broken.error()).isEqualTo("invalid_config");
      assertThat(node.seq("main")).as("refusals change nothing").isEqualTo(seq);

      Http.Reply applied = postConfig(node, v2, boss);
      assertThat(applied.status()).as(applied.text()).isEqualTo(200);
      assertThat(applied.body().at("/branches/main").asText()).isEqualTo("changed");
      assertThat(node.post("/api/branches/main/desks/d3/open", "{\"services\":[\"pension\"]}", boss).status())
          .as("the new desk").isEqualTo(200);
      Http.Reply pension = node.post("/api/branches/main/tickets", "{\"service\":\"pension\"}");
      assertThat(pension.status()).as("the new service").isEqualTo(201);
      assertThat(node.post("/api/branches/main/tickets", "{\"service\":\"laan\"}").error())
          .as("laan's new hours have closed it").isEqualTo("service_unavailable");
      Http.Reply third = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}");
      assertThat(third.body().get("number").asText()).as("numbering goes on").isEqualTo("P003");
      assertThat(waiting(node)).as("the day's queues stay").isEqualTo(5);

      String v3 = yaml(List.of("d2", "d3"), List.of("pas", "laan", "pension"), hoursNow(false));
      long before = node.seq("main");
      Http.Reply busy = postConfig(node, v3, boss);
      assertThat(busy.status()).isEqualTo(409);
      assertThat(busy.error()).isEqualTo("in_use");
      assertThat(busy.body().get("message").asText()).contains("desk 'd1' is open");
      assertThat(node.seq("main")).isEqualTo(before);
      assertThat(node.post("/api/branches/main/desks/d1/call-next", null, anna).status()).as("d1 still works").isEqualTo(200);
    }
    // Started again: the day comes back from the log, the new desk open.
    try (TestNode node = TestNode.start(data, o -> o.withConfig(ConfigLoader.parse(v2, "v2.yaml")))) {
      assertThat(waiting(node)).isEqualTo(4);
      assertThat(node.post("/api/branches/main/desks/d3/close", "{\"waiting\":{\"choice\":\"keep\"}}", node.login("boss"))
          .status()).isEqualTo(200);
    }
  }

  /** Tickets waiting at the main branch, from the public view's counts. */
  private static int waiting(TestNode node) throws Exception {
    int waiting = 0;
    for (com.fasterxml.jackson.databind.JsonNode service : node.get("/api/branches/main").body().get("services")) {
      waiting += service.get("waiting").asInt();
    }
    return waiting;
  }
}
