package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.json.JsonMapping;
import dk.queue.core.node.Http;
import dk.queue.core.node.QueueNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * axe-core, the accessibility rules from npm, run in a real headless chromium on every page of a
 * node with the demo organisation, in the states people meet them: WCAG 2.2 A and AA, no violation
 * allowed. axe-core is fetched by {@code .ci/axe} (the CI script runs it) into
 * {@code .ci/cache/axe-core/axe.min.js}. The desk and the silent screen are photographed for the README.
 */
class AccessibilityIT {
  static final Path AXE = Path.of(System.getProperty("axe.script", "../.ci/cache/axe-core/axe.min.js"));
  static final String RUN = "const done = arguments[arguments.length - 1];"
      + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },"
      + "  resultTypes: ['violations'] }).then(function (r) {"
      + "  done(r.passes.length < 5 ? 'axe checked only ' + r.passes.length + ' rules' :"
      + "    JSON.stringify(r.violations.map(function (v) { return { rule: v.id, impact: v.impact, help: v.help,"
      + "    nodes: v.nodes.map(function (n) { return n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' '); }) }; })));"
      + "}, function (e) { done('axe failed: ' + e); });";
  static QueueNode node;
  static String base;
  static Http http;
  static String axe;
  final Map<String, String> violations = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isRegularFile(AXE)) {
      throw new IllegalStateException("axe-core is missing at " + AXE.toAbsolutePath().normalize()
          + ": run .ci/axe (it fetches axe-core from npm), or point -Daxe.script at an axe.min.js");
    }
    axe = Files.readString(AXE);
    node = DemoNode.start("queue-axe");
    base = DemoNode.base(node);
    http = new Http(base);
  }

  @AfterAll
  static void stop() throws Exception {
    DemoNode.stop(node);
  }

  /** Runs axe-core in the page as it is now and keeps what it finds under the page's name. */
  void scan(Browser b, String page) {
    b.await(10).until(d -> Boolean.TRUE.equals(b.driver.executeScript(
        "return document.readyState === 'complete' && !document.querySelector('.stale');")));
    b.driver.executeScript(axe);
    b.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    String found = (String) b.driver.executeAsyncScript(RUN);
    if (!"[]".equals(found)) {
      violations.put(page, found);
    }
  }

  /** Each page's violations: the rule, what it asks, and each element with what is wrong with it. */
  String readable() {
    StringBuilder text = new StringBuilder();
    violations.forEach((page, found) -> {
      text.append("\n== ").append(page).append('\n');
      if (!found.startsWith("[")) {
        text.append(found).append('\n');
        return;
      }
      for (JsonNode v : JsonMapping.decode(found, JsonNode.class)) {
        text.append("  ").append(v.get("rule").asText()).append(" (").append(v.get("impact").asText()).append("): ")
            .append(v.get("help").asText()).append('\n');
        v.get("nodes").forEach(n -> text.append("    ").append(n.asText()).append('\n'));
      }
    });
    return text.toString();
  }

  /** Books the first free passport time in the coming days at Hovedbiblioteket; its secret. */
  private String booking() throws Exception {
    java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));
    for (int i = 1; i <= 10; i++) {
      JsonNode slots = http.get("/api/branches/hovedbiblioteket/services/pas/slots?date=" + day.plusDays(i)).body();
      for (JsonNode slot : slots.path("slots")) {
        if (slot.get("free").asInt() > 0) {
          Http.Reply r = http.post("/api/branches/hovedbiblioteket/bookings",
              "{\"service\":\"pas\",\"start\":\"" + slot.get("start").asText() + "\",\"name\":\"Jens Hansen\"}");
          assertThat(r.status()).as(r.text()).isEqualTo(201);
          return r.body().get("secret").asText();
        }
      }
    }
    throw new AssertionError("no free passport time in ten days");
  }

  @Test
  void everyPageHasNoWcagViolations() throws Exception {
    String token = http.login("demo", "0000");
    String first = null;
    try (Browser b = new Browser(1280, 1024)) {
      b.driver.get(base + "/");
      scan(b, "start page");
      b.driver.get(base + "/kiosk/nowhere");
      scan(b, "page not found");

      // The desk signed out, then signed in and choosing services (its saved profiles too).
      b.driver.get(base + "/desk/hovedbiblioteket/skranke-2");
      scan(b, "desk, signed out");
      b.driver.findElement(By.id("user")).sendKeys("demo", Keys.TAB, "0000", Keys.ENTER);
      b.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("setup")));
      b.await(10).until(d -> !d.findElements(By.cssSelector("#service-choice input")).isEmpty());
      scan(b, "desk, setup");
      for (String service : new String[] {"pas", "koerekort", "mitid"}) {
        b.driver.findElement(By.id("svc-" + service)).click();
      }
      b.driver.findElement(By.id("open")).click();
      b.await(10).until(ExpectedConditions.elementToBeClickable(By.id("call-next")));

      // Citizens waiting; the desk calls the first, with the rest on its waiting list.
      for (String service : new String[] {"pas", "koerekort", "mitid", "pas"}) {
        JsonNode ticket = http.post("/api/branches/hovedbiblioteket/tickets", "{\"service\":\"" + service + "\"}").body();
        first = first == null ? ticket.get("id").asText() : first;
      }
      b.await(10).until(d -> d.findElements(By.cssSelector("#waiting li .call-this")).size() == 4);
      // Closing the last desk of those waiting asks what becomes of them.
      b.driver.findElement(By.id("close")).click();
      b.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("leave-confirm")));
      scan(b, "desk, closing with citizens waiting");
      b.driver.findElement(By.id("leave-cancel")).click();
      b.await(10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("leave-confirm")));
      b.driver.findElement(By.id("call-next")).click();
      b.await(10).until(d -> d.findElements(By.cssSelector("#waiting li .call-this")).size() == 3);
      b.await(10).until(ExpectedConditions.elementToBeClickable(By.id("start")));
      scan(b, "desk, a ticket called and three waiting");
      b.screenshot("desk-called");

      // The kiosk: both text modes, a ticket, and a service not to be had here now.
      b.driver.get(base + "/kiosk/hovedbiblioteket-kiosk#key=demo-kiosk-key");
      b.await(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".service-button.open")));
      scan(b, "kiosk");
      b.driver.findElement(By.id("large-text")).click();
      scan(b, "kiosk, large text");
      b.driver.findElement(By.cssSelector(".service-button[data-service='mitid']")).click();
      b.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-number")));
      scan(b, "kiosk, large text, the ticket");
      b.driver.findElement(By.id("ticket-ok")).click();
      b.await(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".service-button[data-service='vielse']"))).click();
      b.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("unavailable")));
      scan(b, "kiosk, a service not to be had now");

      // Screens and operations.
      b.driver.get(base + "/screens/hovedbiblioteket-venteomraade");
      scan(b, "waiting-room screen, landscape");
      b.driver.get(base + "/screens/hovedbiblioteket-portraet");
      scan(b, "waiting-room screen, portrait");
      b.driver.get(base + "/screens/hovedbiblioteket-skranke-2");
      scan(b, "counter screen");
      b.driver.get(base + "/ops");
      b.await(10).until(d -> !d.findElements(By.cssSelector("section.branch .services tbody tr")).isEmpty());
      scan(b, "/ops");
      b.driver.get(base + "/ops/plan");
      scan(b, "/ops/plan");

      // Booking: the page, and a booking's own page; administration signed out and signed in.
      b.driver.get(base + "/book");
      b.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("choose")));
      scan(b, "/book");
      b.driver.get(base + "/b/" + booking());
      b.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("b-code")));
      scan(b, "a booking's own page");
      b.driver.get(base + "/admin");
      scan(b, "/admin, signed out");
      b.driver.findElement(By.id("user")).sendKeys("admin", Keys.TAB, "0000", Keys.ENTER);
      b.await(30).withMessage(() -> "signed in to /admin; the page says: " + b.driver.findElement(By.id("message")).getText())
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("work")));
      scan(b, "/admin");
    }
    try (Browser phone = Browser.phone(360, 740)) {
      phone.driver.get(base + "/t/" + first);
      phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ticket-number")));
      scan(phone, "phone, a called ticket");
    }
    try (Browser silent = Browser.silent(1280, 720)) {
      silent.driver.get(base + "/screens/filial-vest-skaerm");
      silent.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("sound-notice")));
      scan(silent, "waiting-room screen, sound off");
    }
    http.post("/api/branches/hovedbiblioteket/desks/skranke-2/close", "{}", token);
    assertThat(violations).as("axe-core's WCAG 2.2 AA violations, page by page:%s", readable()).isEmpty();
  }
}
