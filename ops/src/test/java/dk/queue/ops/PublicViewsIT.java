package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.node.Http;
import dk.queue.core.node.Http.Reply;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.QueueNode;
import dk.queue.core.node.SseClient;
import dk.queue.core.node.TestConfig;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Nothing crosses from a narrower audience to the public: a busy branch (tickets waiting, called,
 * serving, done, no-show, cancelled and transferred; desks signed in, one paused) is read through
 * every public answer and every public live frame (the API's stream, the screen's stream and page,
 * the kiosk's, phone's, start and /ops pages), and none holds a ticket id or a staff member's id or
 * name. A ticket cannot be cancelled by its number. The phone page follows its ticket from the
 * ticket's own stream.
 */
class PublicViewsIT {
  static final List<String> STAFF = List.of("anna", "carl", "dora");
  /** Any ticket id of the branch: {@code main-} and 16 base-32 characters. */
  static final Pattern TICKET_ID = Pattern.compile("main-[0-9a-z]{16}");
  static QueueNode node;
  static Http http;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    NodeOptions options = NodeOptions.defaults(TestConfig.create(), Files.createTempDirectory("queue-public"))
        .withPort(0).withWebModules(Main.webModules());
    node = QueueNode.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + node.port();
    http = new Http(base);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static String issue(String service) throws Exception {
    Reply r = http.post("/api/branches/main/tickets", "{\"service\":\"" + service + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.body().get("id").asText();
  }

  private static void ok(Reply r) {
    assertThat(r.status()).as(r.text()).isBetween(200, 204);
  }

  @Test
  void noPublicAnswerOrFrameHoldsATicketIdOrAStaffMember() throws Exception {
    List<String> texts = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    try (SseClient api = new SseClient(Http.CLIENT, base + "/api/branches/main/events?client=screen", null);
         SseClient screen = new SseClient(Http.CLIENT, base + "/screens/main-screen/live", null)) {
      String anna = http.login("anna", TestConfig.PIN);
      String carl = http.login("carl", TestConfig.PIN);
      String dora = http.login("dora", TestConfig.PIN);
      ok(http.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\",\"lib\"]}", anna));
      ok(http.post("/api/branches/main/desks/d2/open", "{\"services\":[\"pas\"]}", carl));
      ok(http.post("/api/branches/main/desks/d3/open", "{\"services\":[\"lib\"]}", dora));
      for (int i = 0; i < 12; i++) {
        ids.add(issue(i % 2 == 0 ? "pas" : "lib"));
      }
      ok(http.post("/api/branches/main/desks/d1/call-next", null, anna));
      ok(http.post("/api/branches/main/desks/d1/start", null, anna));
      ok(http.post("/api/branches/main/desks/d1/done", "{\"outcome\":\"served\"}", anna));
      ok(http.post("/api/branches/main/desks/d2/call-next", null, carl));
      ok(http.post("/api/branches/main/desks/d2/no-show", null, carl));
      ok(http.post("/api/branches/main/desks/d3/call-next", null, dora));
      ok(http.post("/api/branches/main/desks/d3/transfer", "{\"service\":\"pas\",\"placement\":\"first\"}", dora));
      String leaving = issue("lib");
      ids.add(leaving);
      ok(http.delete("/api/tickets/" + leaving));
      ok(http.post("/api/branches/main/desks/d1/call-next", null, anna));
      ok(http.post("/api/branches/main/desks/d1/start", null, anna));
      ok(http.post("/api/branches/main/desks/d2/call-next", null, carl));
      ok(http.post("/api/branches/main/desks/d2/recall", null, carl));
      ok(http.post("/api/branches/main/desks/d3/pause", "{\"reason\":\"lunch\",\"waiting\":{\"choice\":\"keep\"}}", dora));
      long last = http.seq("main");

      SseClient.Message m;
      do {
        m = api.next(10_000);
        texts.add(m.text());
      } while (m.id() < last);
      do {
        m = screen.next(10_000);
        texts.add(m.text());
      } while (m.id() < last);
      // Staff see the ids (so the scan below would find them if they leaked).
      assertThat(http.get("/api/branches/main", anna).text()).containsPattern(TICKET_ID).contains("\"anna\"");
    }
    String waiting = ids.iterator().next();
    for (String path : List.of("/api/branches", "/api/branches/main", "/api/branches/vest", "/screens/main-screen",
        "/kiosk/main-kiosk", "/ops", "/ops/plan?branch=main", "/", "/t/" + waiting)) {
      Reply r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      // The phone page is the holder's: its own id is its address, no other.
      texts.add(path.startsWith("/t/") ? r.text().replace(waiting, "") : r.text());
    }
    assertThat(texts).hasSizeGreaterThan(40);
    for (String text : texts) {
      Matcher id = TICKET_ID.matcher(text);
      assertThat(id.find()).as("a ticket id in a public answer: %s", text).isFalse();
      for (String user : STAFF) {
        String name = node.engine().config().staff().get(user).name();
        assertThat(text).as("staff in a public answer").doesNotContainPattern("\\b(" + user + "|" + name + ")\\b");
      }
      assertThat(text).doesNotContain("lunch");
    }
    // Nobody cancels a ticket by its number, which is public.
    Reply byNumber = http.delete("/api/tickets/P003");
    assertThat(byNumber.status()).isEqualTo(404);
    assertThat(byNumber.error()).isEqualTo("unknown_ticket");
  }

  @Test
  void thePhoneFollowsItsTicketFromTheTicketsOwnStream() throws Exception {
    String anna = http.login("anna", TestConfig.PIN);
    ok(http.post("/api/branches/main/desks/d4/open", "{\"services\":[\"lib\"]}", anna));
    // Everyone else in the lib queue is called away first, so that the phone's ticket is next.
    String ticket = issue("lib");
    try (Browser phone = Browser.phone(360, 740)) {
      phone.driver.get(base + "/t/" + ticket);
      assertThat(phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("position"))).getText())
          .isNotBlank();
      Reply called;
      do {
        called = http.post("/api/branches/main/desks/d4/call-next", null, anna);
        assertThat(called.status()).isEqualTo(200);
        if (!called.body().get("id").asText().equals(ticket)) {
          ok(http.post("/api/branches/main/desks/d4/no-show", null, anna));
        }
      } while (!called.body().get("id").asText().equals(ticket));
      // The page reads the ticket once when it opens; after that only its stream can tell it of the call.
      assertThat(phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("go-to"))).getText())
          .contains("Skranke 4");
    }
  }
}
