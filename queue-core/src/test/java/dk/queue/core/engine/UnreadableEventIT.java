package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.node.Http;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A node whose stored day holds one event it cannot read starts, restores the events before and
 * after it, sets it aside and counts it on /metrics, on PostgreSQL and in its own files.
 */
class UnreadableEventIT {
  static final Pattern SET_ASIDE = Pattern.compile("^queue_store_set_aside_events_total(\\{[^}]*\\})? ([0-9.eE+-]+)$",
      Pattern.MULTILINE);

  @Test
  void aRowThatCannotBeReadIsSetAsideAndTheNodeStartsWithTheRestOfTheDay() throws Exception {
    String url = PostgresServer.shared().newDatabase();
    List<String> tickets;
    try (TestNode node = TestNode.withStore(url)) {
      tickets = takeTickets(node, 3);
    }
    try (Connection c = PostgresServer.shared().connect(PostgresServer.database(url)); Statement st = c.createStatement()) {
      assertThat(st.executeUpdate("UPDATE events SET body = jsonb_set(body, '{event,type}', '\"TicketTeleported\"') "
          + "WHERE branch = 'main' AND body->'event'->>'ticket' = '" + tickets.get(1) + "'")).isEqualTo(1);
    }
    try (TestNode node = TestNode.withStore(url)) {
      assertRestoredWithout(node, tickets);
    }
    try (TestNode node = TestNode.withStore(url)) {
      assertThat(node.get("/api/tickets/" + tickets.get(2)).status()).as("replayed past the gap again").isEqualTo(200);
    }
  }

  @Test
  void aLineThatCannotBeReadIsSetAsideAndTheNodeStartsWithTheRestOfTheDay() throws Exception {
    Path data = Files.createTempDirectory("queue-node");
    List<String> tickets;
    try (TestNode node = TestNode.start(data)) {
      tickets = takeTickets(node, 3);
    }
    Path log = data.resolve("events/main.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    int damaged = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(tickets.get(1)) && lines.get(i).contains("TicketIssued")) {
        lines.set(i, lines.get(i).replace("TicketIssued", "TicketTeleported"));
        damaged++;
      }
    }
    assertThat(damaged).isEqualTo(1);
    Files.write(log, lines);
    try (TestNode node = TestNode.start(data)) {
      assertRestoredWithout(node, tickets);
    }
    try (TestNode node = TestNode.start(data)) {
      assertThat(node.get("/api/tickets/" + tickets.get(2)).status()).as("replayed past the gap again").isEqualTo(200);
    }
    assertThat(Files.readString(data.resolve("events/main.jsonl.set-aside"))).contains("TicketTeleported", tickets.get(1));
  }

  private static List<String> takeTickets(TestNode node, int n) throws Exception {
    assertThat(node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}", node.login("anna")).status())
        .isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Http.Reply r = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}");
      assertThat(r.status()).isEqualTo(201);
      ids.add(r.body().get("id").asText());
    }
    return ids;
  }

  /** The first and last ticket are back with their numbers, the middle one set aside, numbering goes on. */
  private static void assertRestoredWithout(TestNode node, List<String> tickets) throws Exception {
    Http.Reply first = node.get("/api/tickets/" + tickets.get(0));
    Http.Reply last = node.get("/api/tickets/" + tickets.get(2));
    assertThat(first.status()).isEqualTo(200);
    assertThat(last.status()).isEqualTo(200);
    assertThat(node.get("/api/tickets/" + tickets.get(1)).status()).isEqualTo(404);
    String lastNumber = last.body().get("number").asText();
    Http.Reply next = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}");
    assertThat(next.status()).isEqualTo(201);
    assertThat(Integer.parseInt(next.body().get("number").asText().substring(1)))
        .isEqualTo(Integer.parseInt(lastNumber.substring(1)) + 1);
    Matcher m = SET_ASIDE.matcher(node.get("/metrics").text());
    assertThat(m.find()).as("the set-aside counter is on /metrics").isTrue();
    assertThat(Double.parseDouble(m.group(2))).isEqualTo(1.0);
  }
}
