package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.node.Http;
import dk.queue.core.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The screens in a real headless chromium against a node process started from the jar: calls reach
 * the waiting room and the counter display and are announced; the screen survives a restart of its
 * node; a long run of events leaves the page's size where it was. Screenshots of every layout go to
 * target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreenBrowserIT {
  static final String BRANCH = "hovedbiblioteket";
  static final String DESKS = "/api/branches/" + BRANCH + "/desks/";
  static NodeProcess node;
  static Http http;
  static String token;

  @BeforeAll
  static void start() throws Exception {
    int http0 = Ports.free();
    int cluster = Ports.free();
    Path data = Files.createTempDirectory("queue-screens");
    node = new NodeProcess(http0, cluster, List.of("127.0.0.1:" + cluster), data).start();
    node.awaitReady(120);
    http = new Http(node.base());
    token = http.login("demo", "0000");
    assertThat(http.post(DESKS + "skranke-2/open", "{\"services\":[\"laan\",\"pas\"]}", token).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  static Object js(Browser b, String script) {
    return ((JavascriptExecutor) b.driver).executeScript(script);
  }

  /** Waits until the page has applied the branch's latest change. */
  static void awaitCurrent(Browser b) throws Exception {
    String seq = String.valueOf(http.seq(BRANCH));
    try {
      b.await(10).until(d -> seq.equals(js(b, "return document.body.dataset.seq")));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("the screen did not reach the branch's seq " + seq + " within 10 s (it shows "
          + js(b, "return document.body.dataset.seq") + " now; offline marker: "
          + js(b, "return document.getElementById('offline').className") + ")", e);
    }
  }

  static String issue(String service) throws Exception {
    Http.Reply r = http.post("/api/branches/" + BRANCH + "/tickets", "{\"service\":\"" + service + "\"}");
    assertThat(r.status()).isEqualTo(201);
    return r.body().get("number").asText();
  }

  /** Calls the next ticket at desk 2, after finishing the one it has. */
  static String callNext() throws Exception {
    JsonNode desk = deskState("skranke-2");
    if (desk.hasNonNull("current")) {
      if (desk.get("state").asText().equals("calling")) {
        http.post(DESKS + "skranke-2/start", "{}", token);
      }
      http.post(DESKS + "skranke-2/done", "{}", token);
    }
    Http.Reply r = http.post(DESKS + "skranke-2/call-next", "{}", token);
    assertThat(r.status()).isEqualTo(200);
    return r.body().get("number").asText();
  }

  static JsonNode deskState(String id) throws Exception {
    for (JsonNode d : http.get("/api/branches/" + BRANCH).body().get("desks")) {
      if (d.get("id").asText().equals(id)) {
        return d;
      }
    }
    throw new AssertionError("no desk " + id);
  }

  @Test
  @Order(1)
  void callReachesWaitingRoomAndCounterWithinASecondAndIsAnnouncedInBothLanguages() throws Exception {
    try (Browser room = new Browser(1920, 1080); Browser counter = new Browser(1280, 720)) {
      room.driver.get(node.base() + "/screens/hovedbiblioteket-venteomraade");
      counter.driver.get(node.base() + "/screens/hovedbiblioteket-skranke-2");
      issue("laan");
      issue("pas");
      issue("laan");
      awaitCurrent(room);
      awaitCurrent(counter);
      assertThat(counter.driver.findElement(By.cssSelector(".counter-desk")).getText()).isEqualTo("Skranke 2");

      long t0 = System.nanoTime();
      String number = callNext();
      room.await(1).until(ExpectedConditions.attributeToBe(By.cssSelector(".call.latest"), "data-number", number));
      long roomMs = (System.nanoTime() - t0) / 1_000_000;
      counter.await(1).until(ExpectedConditions.attributeToBe(By.cssSelector(".counter-number"), "data-number", number));
      long counterMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("call-next -> waiting room %d ms, -> counter display %d ms%n", roomMs, counterMs);

      // Highlighted, and spoken in Danish then English.
      assertThat(room.driver.findElement(By.cssSelector(".call.latest")).getAttribute("class")).contains("fresh");
      String spoken = number.charAt(0) + " " + Integer.parseInt(number.substring(1));
      room.await(3).until(d -> js(room, "return window.announcements.join('|')").toString()
          .contains("Nummer " + spoken + ", Skranke 2 / Number " + spoken + ", Skranke 2"));
      assertThat(counter.driver.findElement(By.cssSelector(".counter-display")).getAttribute("data-state")).isEqualTo("calling");

      // Two calls close together are both announced, in order.
      String second = callNext();
      String third = callNext();
      room.await(20).until(d -> js(room, "return window.announcements.length").toString().equals("3"));
      @SuppressWarnings("unchecked")
      List<String> said = (List<String>) js(room, "return window.announcements");
      assertThat(said.get(1)).startsWith("Nummer " + second.charAt(0) + " " + Integer.parseInt(second.substring(1)));
      assertThat(said.get(2)).startsWith("Nummer " + third.charAt(0) + " " + Integer.parseInt(third.substring(1)));

      room.screenshot("screen-landscape");
      counter.screenshot("screen-counter");
    }
  }

  @Test
  @Order(2)
  void portraitScreenTakesTurnsBetweenDanishAndEnglish() throws Exception {
    try (Browser portrait = new Browser(1080, 1920)) {
      portrait.driver.get(node.base() + "/screens/hovedbiblioteket-portraet");
      awaitCurrent(portrait);
      By heading = By.cssSelector(".services h2");
      assertThat(portrait.driver.findElement(heading).getText()).isEqualTo("Ydelser lige nu");
      portrait.screenshot("screen-portrait");
      portrait.await(15).until(d -> d.findElement(heading).getText().equals("Services now"));
      // Every ticket number is at least 8% of the screen's height.
      Number smallest = (Number) js(portrait, "return Math.min(...Array.from(document.querySelectorAll('.call .number'))"
          + ".map(e => parseFloat(getComputedStyle(e).fontSize) / window.innerHeight))");
      assertThat(smallest.doubleValue()).isGreaterThanOrEqualTo(0.08);
    }
  }

  @Test
  @Order(3)
  void twoThousandEventsLeaveThePageAsLargeAsItWas() throws Exception {
    try (Browser room = new Browser(1920, 1080)) {
      room.driver.get(node.base() + "/screens/hovedbiblioteket-venteomraade");
      awaitCurrent(room);
      long before = ((Number) js(room, "return document.getElementsByTagName('*').length")).longValue();
      long heapBefore = ((Number) js(room, "return performance.memory.usedJSHeapSize")).longValue();
      // Four kiosks at once, each taking and cancelling 250 tickets: changes come faster than a
      // page could draw each one, and the page still shows the latest within seconds.
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> kiosks = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
          kiosks.add(pool.submit(() -> {
            for (int i = 0; i < 250; i++) {
              Http.Reply r = http.post("/api/branches/" + BRANCH + "/tickets", "{\"service\":\"laan\"}");
              assertThat(http.delete("/api/tickets/" + r.body().get("id").asText()).status()).isEqualTo(200);
            }
            return null;
          }));
        }
        for (Future<?> f : kiosks) {
          f.get(5, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }
      awaitCurrent(room);
      long after = ((Number) js(room, "return document.getElementsByTagName('*').length")).longValue();
      long heapAfter = ((Number) js(room, "return performance.memory.usedJSHeapSize")).longValue();
      System.out.printf("DOM elements before %d, after 2000 events %d; JS heap %d kB -> %d kB%n",
          before, after, heapBefore / 1024, heapAfter / 1024);
      assertThat(after).isEqualTo(before);
    }
  }

  @Test
  @Order(4)
  void screenSaysWhenItsNodeIsGoneAndRecoversTheStateAfterARestart() throws Exception {
    try (Browser room = new Browser(1920, 1080)) {
      room.driver.get(node.base() + "/screens/hovedbiblioteket-venteomraade");
      awaitCurrent(room);

      node.stop();
      room.await(15).until(ExpectedConditions.attributeContains(By.id("offline"), "class", "shown"));
      assertThat(room.driver.findElement(By.cssSelector("main.layout")).getAttribute("class")).contains("stale");
      assertThat(room.driver.findElement(By.id("offline")).getText()).startsWith("Ikke forbundet");
      room.screenshot("screen-offline");

      node.start();
      node.awaitReady(120);
      token = http.login("demo", "0000");
      issue("laan");
      String called = callNext();
      room.await(30).until(ExpectedConditions.attributeToBe(By.cssSelector(".call.latest"), "data-number", called));
      awaitCurrent(room);
      assertThat(room.driver.findElement(By.id("offline")).getAttribute("class")).doesNotContain("shown");
      assertThat(room.driver.findElement(By.cssSelector("main.layout")).getAttribute("class")).doesNotContain("stale");
      // Every service is on the screen, none cut off at the bottom.
      Number lowest = (Number) js(room, "return Math.max(...Array.from(document.querySelectorAll('.services tr'))"
          + ".map(e => e.getBoundingClientRect().bottom))");
      assertThat(lowest.doubleValue()).isLessThanOrEqualTo(1080);
      // The services panel shows exactly what the branch says.
      for (JsonNode s : http.get("/api/branches/" + BRANCH).body().get("services")) {
        String row = ".service[data-service='" + s.get("id").asText() + "']";
        assertThat(room.driver.findElement(By.cssSelector(row)).getAttribute("class"))
            .as(s.get("id").asText()).contains(s.get("available").asBoolean() && !s.get("appointmentOnly").asBoolean()
                ? " available" : "unavailable");
        if (room.driver.findElement(By.cssSelector(row)).getAttribute("class").contains(" available")) {
          assertThat(room.driver.findElement(By.cssSelector(row + " .waiting")).getText())
              .isEqualTo(s.get("waiting").asText());
        }
      }
    }
  }
}
