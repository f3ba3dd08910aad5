package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.node.Http.Reply;
import dk.queue.core.node.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tickets taken at a named kiosk: the kiosk must exist at the branch, and issues at most its tickets per minute. */
class KioskTicketsIT {
  static TestNode node;
  static String anna;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
    anna = node.login("anna");
    assertThat(node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"lib\"]}", anna).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static String ticket(String service, String kiosk) {
    return "{\"service\":\"" + service + "\",\"kiosk\":\"" + kiosk + "\"}";
  }

  @Test
  void anUnknownKioskOrOneAtAnotherBranchIsRefusedAndChangesNothing() throws Exception {
    long before = node.seq("main");
    Reply unknown = node.post("/api/branches/main/tickets", ticket("lib", "nowhere"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("field").asText()).isEqualTo("kiosk");
    Reply elsewhere = node.post("/api/branches/vest/tickets", ticket("lib", "main-kiosk"));
    assertThat(elsewhere.status()).isEqualTo(400);
    assertThat(elsewhere.body().get("message").asText()).contains("stands at main");
    assertThat(node.seq("main")).isEqualTo(before);
  }

  @Test
  void aKioskIssuesItsTicketsPerMinuteThen429AndARefusedServiceDoesNotCount() throws Exception {
    // Pension is closed: refused, and the kiosk keeps all ten tickets of its minute.
    assertThat(node.postAsKiosk("/api/branches/main/tickets", ticket("pension", "main-kiosk")).status()).isEqualTo(409);
    for (int i = 0; i < 10; i++) {
      assertThat(node.postAsKiosk("/api/branches/main/tickets", ticket("lib", "main-kiosk")).status()).as("ticket " + (i + 1))
          .isEqualTo(201);
    }
    long before = node.seq("main");
    Reply refused = node.postAsKiosk("/api/branches/main/tickets", ticket("lib", "main-kiosk"));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.error()).isEqualTo("too_many_requests");
    assertThat(refused.body().get("retryAfterSeconds").asLong()).isBetween(1L, 60L);
    assertThat(node.seq("main")).as("nothing issued").isEqualTo(before);
    // A phone is no kiosk: it is not held back.
    assertThat(node.post("/api/branches/main/tickets", "{\"service\":\"lib\",\"channel\":\"mobile\"}").status())
        .isEqualTo(201);
  }

  @Test
  void aPauseReasonIsOneOfTheListedOrNothing() throws Exception {
    String token = node.login("carl");
    assertThat(node.post("/api/branches/main/desks/d4/open", "{\"services\":[\"pas\"]}", token).status()).isEqualTo(200);
    long before = node.seq("main");
    Reply freeText = node.post("/api/branches/main/desks/d4/pause", "{\"reason\":\"visiting Jens Hansen, 0101701234\"}", token);
    assertThat(freeText.status()).isEqualTo(400);
    assertThat(freeText.body().get("field").asText()).isEqualTo("reason");
    assertThat(node.seq("main")).as("nothing changed").isEqualTo(before);
    assertThat(node.post("/api/branches/main/desks/d4/pause", "{\"reason\":\"lunch\"}", token).status()).isEqualTo(200);
    assertThat(node.get("/api/branches/main", token).body().get("desks").get(3).get("pauseReason").asText()).isEqualTo("lunch");
    // Why a desk is paused is for colleagues: the public view says only that it is.
    assertThat(node.get("/api/branches/main").body().get("desks").get(3).has("pauseReason")).isFalse();
  }
}
