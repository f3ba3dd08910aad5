package dk.queue.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.node.Eventually;
import dk.queue.core.node.SseClient;
import dk.queue.core.node.TestNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A scrape of a running node after a known flow gives the known values. */
class MetricsIT {
  static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? ([-+0-9.eENaInf]+)$");
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  /** Every sample of a scrape, keyed by name and labels in order: name{a="x",b="y"}. */
  static Map<String, Double> scrape() throws Exception {
    Map<String, Double> samples = new HashMap<>();
    for (String line : node.get("/metrics").text().split("\n")) {
      Matcher m = SAMPLE.matcher(line.trim());
      if (!line.startsWith("#") && m.matches()) {
        String labels = m.group(2) == null ? "" : m.group(2).replace(",}", "}");
        samples.put(m.group(1) + labels, Double.parseDouble(m.group(3)));
      }
    }
    return samples;
  }

  @Test
  void knownFlowGivesKnownCountsTimesAndGauges() throws Exception {
    String anna = node.login("anna");
    node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\",\"lib\"]}", anna);
    String[] ids = new String[5];
    for (int i = 0; i < 3; i++) {
      ids[i] = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("id").asText();
    }
    for (int i = 3; i < 5; i++) {
      ids[i] = node.post("/api/branches/main/tickets", "{\"service\":\"lib\"}").body().get("id").asText();
    }
    node.post("/api/branches/main/tickets", "{\"service\":\"pension\"}"); // refused: never open
    node.post("/api/branches/main/desks/d1/call-next", null, anna);
    node.post("/api/branches/main/desks/d1/start", null, anna);
    node.post("/api/branches/main/desks/d1/done", "{\"outcome\":\"served\"}", anna);
    node.post("/api/branches/main/desks/d1/call-next", null, anna);
    node.post("/api/branches/main/desks/d1/no-show", null, anna);
    node.post("/api/branches/main/desks/d1/call-next", null, anna);
    node.post("/api/branches/main/desks/d1/transfer", "{\"service\":\"lib\",\"placement\":\"last\"}", anna);
    node.delete("/api/tickets/" + ids[4]);

    try (SseClient desk = new SseClient(node.http, node.base() + "/api/branches/main/events?client=desk", null);
         SseClient screen = new SseClient(node.http, node.base() + "/api/branches/main/events?client=kiosk", null)) {
      desk.next(5000);
      screen.next(5000);
      Map<String, Double> m = scrape();
      assertThat(m.get("queue_tickets_issued_total{branch=\"main\",service=\"pas\"}")).isEqualTo(3.0);
      assertThat(m.get("queue_tickets_issued_total{branch=\"main\",service=\"lib\"}")).isEqualTo(2.0);
      assertThat(m).doesNotContainKey("queue_tickets_issued_total{branch=\"main\",service=\"pension\"}");
      assertThat(m.get("queue_tickets_called_total{branch=\"main\",service=\"pas\"}")).isEqualTo(3.0);
      assertThat(m.get("queue_tickets_served_total{branch=\"main\",service=\"pas\"}")).isEqualTo(1.0);
      assertThat(m.get("queue_tickets_no_show_total{branch=\"main\",service=\"pas\"}")).isEqualTo(1.0);
      assertThat(m.get("queue_tickets_transferred_total{branch=\"main\",service=\"pas\"}")).isEqualTo(1.0);
      assertThat(m.get("queue_tickets_cancelled_total{branch=\"main\",service=\"lib\"}")).isEqualTo(1.0);
      assertThat(m.get("queue_wait_seconds_count{branch=\"main\",service=\"pas\"}")).isEqualTo(3.0);
      assertThat(m.get("queue_wait_seconds_bucket{branch=\"main\",service=\"pas\",le=\"900.0\"}")).isEqualTo(3.0);
      assertThat(m.get("queue_service_time_seconds_count{branch=\"main\",service=\"pas\"}")).isEqualTo(1.0);
      // waiting now: lib has the first lib ticket and the transferred passport ticket
      assertThat(m.get("queue_waiting{branch=\"main\",service=\"lib\"}")).isEqualTo(2.0);
      assertThat(m.get("queue_waiting{branch=\"main\",service=\"pas\"}")).isEqualTo(0.0);
      assertThat(m.get("queue_service_available{branch=\"main\",service=\"pas\"}")).isEqualTo(1.0);
      assertThat(m.get("queue_service_available{branch=\"main\",service=\"pension\"}")).isEqualTo(0.0);
      assertThat(m.get("queue_service_desks{branch=\"main\",service=\"lib\"}")).isEqualTo(1.0);
      assertThat(m.get("queue_target_wait_seconds{branch=\"main\",service=\"pas\"}")).isEqualTo(900.0);
      assertThat(m.get("queue_desks{branch=\"main\",state=\"open\"}")).isEqualTo(1.0);
      assertThat(m.get("queue_desks{branch=\"main\",state=\"closed\"}")).isEqualTo(3.0);
      assertThat(m.get("queue_outbox_backlog{branch=\"main\"}")).isEqualTo(0.0);
      assertThat(m.get("queue_connected_clients{kind=\"desk\"}")).isEqualTo(1.0);
      assertThat(m.get("queue_connected_clients{kind=\"kiosk\"}")).isEqualTo(1.0);
      assertThat(m.get("queue_cluster_members")).isEqualTo(1.0);
      assertThat(m.get("queue_cluster_quorum")).isEqualTo(1.0);
      assertThat(m.get("queue_node_ready")).isEqualTo(1.0);
      assertThat(m.keySet()).anyMatch(k -> k.startsWith("vertx_http_server_requests_total"));
      assertThat(m.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes"));
      assertThat(m.keySet()).noneMatch(k -> k.contains(ids[0]));
    }
    assertThat(Eventually.value(Duration.ofSeconds(10), MetricsIT::scrape,
        s -> Double.valueOf(0.0).equals(s.get("queue_connected_clients{kind=\"desk\"}")))
        .get("queue_connected_clients{kind=\"desk\"}")).isEqualTo(0.0);
  }
}
