package dk.queue.core.remind;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.config.ReminderSettings;
import dk.queue.core.node.BookingConfig;
import dk.queue.core.node.ClusterOptions;
import dk.queue.core.node.Ports;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two clustered nodes, both configured to remind: only the owner of the branch sends, each
 * reminder once, and after the owner leaves the other member, now the owner, does not send again
 * what was recorded.
 */
class ReminderClusterIT {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

  @Test
  void eachReminderIsSentOnceByTheOwnerAndNotAgainAfterTheOwnerLeaves() throws Exception {
    BookingConfig.MovableClock clock = new BookingConfig.MovableClock();
    try (SmsGateway gateway = new SmsGateway()) {
      ReminderSettings settings = new ReminderSettings(LocalTime.of(18, 0), 1, null,
          new ReminderSettings.Sms(gateway.url(), Map.of("Content-Type", "application/json"),
              "{\"to\": \"{to}\", \"message\": \"{text}\"}"));
      int p1 = Ports.free();
      int p2 = Ports.free();
      List<String> members = List.of("127.0.0.1:" + p1, "127.0.0.1:" + p2);
      TestNode first = node(p1, members, settings, clock);
      TestNode second = node(p2, members, settings, clock);
      try {
        LocalDate day = LocalDate.now(CPH).plusDays(2);
        for (int i = 0; i < 4; i++) {
          TestNode via = i % 2 == 0 ? first : second;
          String start = day.atTime(10, 15 * i).atZone(CPH).toOffsetDateTime().toString();
          assertThat(via.post("/api/branches/main/bookings", "{\"service\":\"pas\",\"start\":\"" + start
              + "\",\"name\":\"Borger " + i + "\",\"phone\":\"+45 1000000" + i + "\"}").status()).isEqualTo(201);
        }
        clock.set(day.minusDays(1).atTime(18, 0).atZone(CPH).toInstant());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (gateway.received.size() < 4 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        Thread.sleep(2500); // checks on both members go on
        assertThat(gateway.received).hasSize(4);
        assertThat(gateway.received.stream().map(j -> j.getString("to")).distinct()).hasSize(4);

        TestNode owner = owns(first) ? first : second;
        TestNode other = owner == first ? second : first;
        owner.close();
        deadline = System.nanoTime() + 30_000_000_000L;
        while (!owns(other) && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(owns(other)).as("the other member owns the branch").isTrue();
        Thread.sleep(2500);
        assertThat(gateway.received).as("not sent again by the new owner").hasSize(4);
        if (owner == first) {
          second.close();
        } else {
          first.close();
        }
      } finally {
        clock.set(Instant.now());
      }
    }
  }

  private static TestNode node(int port, List<String> members, ReminderSettings settings,
                               BookingConfig.MovableClock clock) throws Exception {
    return TestNode.start(Files.createTempDirectory("queue-reminder-cluster"),
        o -> o.withConfig(BookingConfig.create(2).withReminders(settings)).withClock(clock)
            .withCluster(new ClusterOptions(true, "127.0.0.1", port, members, false, 1, 1)));
  }

  private static boolean owns(TestNode node) throws Exception {
    for (JsonNode b : node.get("/health/ready").body().at("/checks/cluster/ownedBranches")) {
      if (b.asText().equals("main")) {
        return true;
      }
    }
    return false;
  }
}
