package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.config.ConfigLoader;
import dk.queue.core.json.JsonMapping;
import dk.queue.core.node.Http;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.QueueNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Prometheus rules and Grafana dashboards are valid, tested, and use only what a node exports. */
class MonitoringIT {
  static final Path PROMETHEUS = Path.of("prometheus");
  static final Path DASHBOARDS = Path.of("grafana", "dashboards");
  static final Pattern METRIC = Pattern.compile("\\b((?:queue|jvm|vertx|process)_[a-z_]+)\\b");

  static String promtool(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("promtool %s:%n%s", String.join(" ", args), out).isZero();
    return out;
  }

  @Test
  void prometheusConfigurationAndAlertRulesPassPromtool() throws Exception {
    assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS");
    assertThat(promtool("check", "rules", "alerts.yml")).contains("5 rules found");
    assertThat(promtool("test", "rules", "alerts_test.yml")).contains("SUCCESS");
  }

  /** Every metric name in the alert rules and in every dashboard query. */
  static Set<String> usedMetrics() throws Exception {
    Set<String> names = new TreeSet<>();
    Matcher rules = METRIC.matcher(Files.readString(PROMETHEUS.resolve("alerts.yml")));
    while (rules.find()) {
      names.add(rules.group(1));
    }
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      for (Path f : files.toList()) {
        for (JsonNode expr : JsonMapping.mapper().readTree(f.toFile()).findValues("expr")) {
          Matcher m = METRIC.matcher(expr.asText());
          while (m.find()) {
            names.add(m.group(1));
          }
        }
      }
    }
    return names;
  }

  /** The metric names of a scrape. */
  static Set<String> exported(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        names.add(line.split("[{ ]")[0]);
      }
    }
    return names;
  }

  @Test
  void dashboardsAndAlertsUseOnlyMetricsANodeExports() throws Exception {
    Set<String> used = usedMetrics();
    assertThat(used).contains("queue_waiting", "queue_wait_seconds_bucket", "queue_outbox_backlog", "jvm_memory_used_bytes");
    NodeOptions options = NodeOptions.defaults(ConfigLoader.demo(), Files.createTempDirectory("queue-monitoring")).withPort(0);
    QueueNode node = QueueNode.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try {
      Http http = new Http("http://127.0.0.1:" + node.port());
      String b = "/api/branches/hovedbiblioteket";
      String token = http.login("demo", "0000");
      http.post(b + "/desks/skranke-1/open", "{\"services\":[\"pas\",\"laan\"]}", token);
      for (int i = 0; i < 4; i++) {
        http.post(b + "/tickets", "{\"service\":\"pas\"}");
      }
      String leaving = http.post(b + "/tickets", "{\"service\":\"laan\"}").body().get("id").asText();
      http.delete("/api/tickets/" + leaving);
      http.post(b + "/desks/skranke-1/call-next", null, token);
      http.post(b + "/desks/skranke-1/start", null, token);
      http.post(b + "/desks/skranke-1/done", null, token);
      http.post(b + "/desks/skranke-1/call-next", null, token);
      http.post(b + "/desks/skranke-1/no-show", null, token);
      http.post(b + "/desks/skranke-1/call-next", null, token);
      http.post(b + "/desks/skranke-1/transfer", "{\"service\":\"laan\",\"placement\":\"first\"}", token);
      try (var sse = new dk.queue.core.node.SseClient(Http.CLIENT, http.base() + b + "/events?client=screen", null)) {
        sse.next(5000);
        // The owner reports the branch's state every two seconds: wait until the scrape has it all.
        Set<String> exported = dk.queue.core.node.Eventually.value(java.time.Duration.ofSeconds(20),
            () -> exported(http.get("/metrics").text()), e -> e.containsAll(used));
        assertThat(exported).as("metrics used by dashboards and alerts").containsAll(used);
      }
    } finally {
      node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
