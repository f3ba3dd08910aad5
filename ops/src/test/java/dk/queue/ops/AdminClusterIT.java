package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.config.ConfigLoader;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.node.ClusterOptions;
import dk.queue.core.node.Eventually;
import dk.queue.core.node.Http;
import dk.queue.core.node.Ports;
import dk.queue.core.node.TestConfig;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The administration pages editing the running configuration of a cluster of two real nodes: in a
 * real chromium an administrator signs in through the identity provider (mock-oauth2-server) and
 * adds a service, a closed day and a member of staff on node A; a kiosk on node B shows them, the new member serves a ticket there, the export loads into a fresh
 * node. Then, through the API, a change racing another is refused and shown it, a version outlives
 * the crash of the node that took it, and a restart starts from the newest version.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminClusterIT {
  static final String HASH = TestConfig.PIN_HASH;
  static final String YAML = TestConfig.TWO_BRANCHES_YAML + String.join("\n",
      "staff:",
      "  - {user: boss, name: Boss, pinHash: \"" + HASH + "\", skills: [pas], admin: true, email: boss@kommune.dk}",
      "signage:",
      "  - {branch: main, colours: {background: \"#0d1b2a\", text: \"#ffffff\", muted: \"#c5d0dc\", accent: \"#ffd23f\"}}",
      "kiosks:",
      "  - {id: k1, branch: main}",
      "  - {id: k2, branch: vest}",
      "outcomes: [served]",
      "");
  /** The municipality's identity provider, through which the administrator signs in. */
  static OidcSignIn provider;
  static Path dir;
  static TestNode a;
  static TestNode b;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("queue-admin-cluster");
    Path file = dir.resolve("organisation.yaml");
    provider = new OidcSignIn();
    int httpA = Ports.free();
    Files.writeString(file, YAML + provider.section("http://127.0.0.1:" + httpA));
    int portA = Ports.free();
    int portB = Ports.free();
    List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
    String name = "admin-" + ProcessHandle.current().pid();
    a = TestNode.start(dir.resolve("a"), o -> o.withConfig(ConfigLoader.load(file)).withWebModules(Main.webModules())
        .withPort(httpA).withCluster(new ClusterOptions(true, "127.0.0.1", portA, members, false, 1, 1, name)));
    b = TestNode.start(dir.resolve("b"), o -> o.withConfig(ConfigLoader.load(file)).withWebModules(Main.webModules())
        .withCluster(new ClusterOptions(true, "127.0.0.1", portB, members, false, 1, 1, name)));
    assertThat(Eventually.value(Duration.ofSeconds(10), () -> a.node.hazelcast().getCluster().getMembers().size(),
        n -> n == 2)).isEqualTo(2);
    browser = new Browser(1280, 1000);
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    provider.close();
    // The second test stops both nodes its own way (and sets them to null).
    for (TestNode n : new TestNode[] {b, a}) {
      if (n != null) {
        n.close();
      }
    }
  }

  /** The administrator signs in on the page through the municipality's identity provider. */
  static void signIn(String subject, String email) {
    provider.signIn(browser, subject, "{\"email\": \"" + email + "\"}");
    // The editors are filled once the running configuration has been read.
    try {
      browser.await(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#e-branches-choose option[value=main]")));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("not signed in at " + browser.driver.getCurrentUrl() + "; the page says: "
          + browser.driver.findElement(By.tagName("body")).getText(), e);
    }
  }

  private static void type(String id, String text) {
    var field = browser.driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private static void saved(String change) {
    shows("audit", change);
  }

  /** Waits for the text in the element; failing, tells what the page's message says. */
  private static void shows(String id, String text) {
    try {
      browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("no '" + text + "' in #" + id + "; the page says: "
          + browser.driver.findElement(By.id("message")).getText() + " " + browser.driver.executeScript(
          "return Array.from(document.querySelectorAll('.field-error')).map(e => e.id + ': ' + e.textContent)"
          + ".filter(t => !t.endsWith(': ')).join('; ')"), e);
    }
  }

  @Test
  @Order(1)
  void anAdministratorAddsAServiceAClosedDayAndStaffAndTheOtherNodeServesThem() throws Exception {
    var d = browser.driver;
    // The sign-in starts on node B; the provider sends the browser back to node A (the public address).
    d.get(b.base() + "/admin");
    signIn("b0ss", "boss@kommune.dk");

    // A service, first with a letter the loader refuses: its message stands next to the field.
    type("e-services-key", "bolig");
    type("e-services-name-da", "Boligstøtte");
    type("e-services-name-en", "Housing benefit");
    type("e-services-letter", "b1");
    type("e-services-targetWaitMinutes", "20");
    type("e-services-bring-da", "Lejekontrakt");
    d.findElement(By.id("e-services-save")).click();
    shows("e-services-letter-err", "is not a ticket letter");
    assertThat(d.findElement(By.id("e-services-letter")).getAttribute("aria-invalid")).isEqualTo("true");
    type("e-services-letter", "B");
    d.findElement(By.id("e-services-save")).click();
    saved("services: bolig added");

    // Offered at the main branch.
    new Select(d.findElement(By.id("e-branches-choose"))).selectByValue("main");
    d.findElement(By.id("e-branches-services-bolig")).click();
    d.findElement(By.id("e-branches-booked-bolig")).click();
    d.findElement(By.id("e-branches-save")).click();
    saved("branches: main changed (");
    assertThat(a.node.engine().config().branch("main").orElseThrow().services().stream()
        .filter(s -> s.id().equals("bolig")).findFirst().orElseThrow().booking()).as("bookable").isNotNull();

    // The west branch closed today.
    new Select(d.findElement(By.id("branch"))).selectByValue("vest");
    String today = LocalDate.now(ZoneId.of("Europe/Copenhagen")).toString();
    d.executeScript("document.getElementById('from').value = arguments[0];", today);
    type("reason", "Personaledag");
    d.findElement(By.id("add")).click();
    d.findElement(By.id("save-days")).click();
    saved("closed days of vest: 1 entries");

    // A member of staff with the new skill.
    type("e-staff-key", "bo");
    type("e-staff-name", "Bo Hansen");
    d.findElement(By.id("e-staff-skills-bolig")).click();
    type("e-staff-pin", "5678");
    d.findElement(By.id("e-staff-save")).click();
    saved("staff: bo added");

    // A slide for main's screens, in both languages.
    new Select(d.findElement(By.id("e-signage-choose"))).selectByValue("main");
    type("e-signage-slides", "Velkommen | Welcome\nTag et nummer ved standeren | Take a number at the kiosk");
    d.findElement(By.id("e-signage-save")).click();
    saved("signage: main changed");
    assertThat(a.node.engine().config().look("main").slides()).extracting(slide -> slide.text().en())
        .containsExactly("Take a number at the kiosk");
    for (String change : List.of("services: bolig added", "branches: main changed (", "closed days of vest", "staff: bo added")) {
      assertThat(d.findElement(By.id("audit")).getText()).contains(change).contains("boss");
    }
    AccessibilityScan.assertClean(browser, "admin");
    d.executeScript("document.getElementById('a-editing').scrollIntoView()");
    browser.screenshot("admin-services");
    d.executeScript("document.getElementById('e-staff-h').scrollIntoView()");
    browser.screenshot("admin-staff");

    // Node B's kiosks: the new service at main, the closed day at vest.
    d.get(b.base() + "/kiosk/k1");
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), "Boligstøtte"));
    d.get(b.base() + "/kiosk/k2");
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("closed-today"),
        "I dag er der lukket (Personaledag)."));

    // The new member signs in at a desk page on node B and serves a ticket of the new service.
    d.get(b.base() + "/desk/main/d1");
    d.findElement(By.id("user")).sendKeys("bo", Keys.TAB, "5678", Keys.ENTER);
    browser.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    DeskDayIT.open(browser, "bolig");
    Http.Reply ticket = b.post("/api/branches/main/tickets", "{\"service\":\"bolig\"}");
    assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
    String number = ticket.body().get("number").asText();
    assertThat(number).startsWith("B");
    browser.await(10).until(ExpectedConditions.elementToBeClickable(By.id("call-next"))).click();
    browser.await(10).until(ExpectedConditions.textToBe(By.id("current-number"), number));
    browser.await(10).until(ExpectedConditions.elementToBeClickable(By.id("start"))).click();
    browser.await(10).until(ExpectedConditions.elementToBeClickable(By.id("done"))).click();
    browser.await(10).until(ExpectedConditions.textToBe(By.id("notice-text"), number + " er færdig."));
    assertThat(b.get("/api/tickets/" + ticket.body().get("id").asText()).body().get("state").asText()).isEqualTo("done");

    // The export loads into a fresh node with the same branches, staff and services.
    String exported = b.get("/api/admin/config", b.post("/api/login", "{\"user\":\"boss\",\"pin\":\"1234\"}")
        .body().get("token").asText()).text();
    Path file = Files.createTempDirectory("queue-admin-export").resolve("exported.yaml");
    Files.writeString(file, exported);
    try (TestNode fresh = TestNode.start(file.getParent().resolve("node"), o -> o.withConfig(ConfigLoader.load(file)))) {
      assertThat(fresh.node.engine().config().branches()).isEqualTo(b.node.engine().config().branches());
      assertThat(fresh.node.engine().config().staff()).isEqualTo(b.node.engine().config().staff());
      assertThat(fresh.post("/api/login", "{\"user\":\"bo\",\"pin\":\"5678\"}").status()).isEqualTo(200);
    }
  }

  @Test
  @Order(2)
  void aRacingSaveIsRefusedAndShownTheOtherAndAVersionOutlivesACrashAndARestart() throws Exception {
    String boss = a.post("/api/login", "{\"user\":\"boss\",\"pin\":\"1234\"}").body().get("token").asText();
    long version = b.get("/api/admin/audit", boss).body().get(0).get("version").asLong();
    String bo = a.post("/api/login", "{\"user\":\"bo\",\"pin\":\"5678\"}").body().get("token").asText();
    assertThat(a.post("/api/branches/main/desks/d1/open", "{\"services\":[\"bolig\"]}", bo).status()).isEqualTo(200);
    Http.Reply ticket = a.post("/api/branches/main/tickets", "{\"service\":\"bolig\"}");
    assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);

    Http.Reply first = a.post("/api/admin/services/bolig", "{\"version\": " + version
        + ", \"set\": {\"targetWaitMinutes\": 25}}", boss);
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(Eventually.value(Duration.ofSeconds(10), () -> service(b, "bolig").targetWaitSeconds(), w -> w == 25 * 60))
        .isEqualTo(25 * 60);
    JsonNode bolig = b.get("/api/branches/main").body().get("services").get(1);
    assertThat(bolig.get("waiting").asInt()).as("the ticket taken before the change waits still").isEqualTo(1);

    // Made on B from the version before: refused, and told what was saved on A.
    Http.Reply racing = b.post("/api/admin/services/pas", "{\"version\": " + version
        + ", \"set\": {\"targetWaitMinutes\": 30}}", boss);
    assertThat(racing.status()).isEqualTo(409);
    assertThat(racing.error()).isEqualTo("version_conflict");
    assertThat(racing.body().get("currentVersion").asLong()).isEqualTo(version + 1);
    assertThat(racing.body().get("change").asText()).isEqualTo("services: bolig changed (targetWaitMinutes)");
    assertThat(service(b, "pas").targetWaitSeconds()).isEqualTo(15 * 60);

    // The loader's messages, each with its field.
    Http.Reply invalid = b.post("/api/admin/services/pas", "{\"version\": " + (version + 1)
        + ", \"set\": {\"letter\": \"p1\"}}", boss);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().get("problems").get(0).get("path").asText()).isEqualTo("services[0].letter");

    // Saved on B, then B is killed: A has the version and goes on from it.
    Http.Reply onB = b.post("/api/admin/services/pas", "{\"version\": " + (version + 1)
        + ", \"set\": {\"targetWaitMinutes\": 30}}", boss);
    assertThat(onB.status()).as(onB.text()).isEqualTo(200);
    b.node.hazelcast().getLifecycleService().terminate();
    b.node.vertx().close();
    b = null;
    assertThat(Eventually.value(Duration.ofSeconds(10), () -> service(a, "pas").targetWaitSeconds(), w -> w == 30 * 60))
        .isEqualTo(30 * 60);
    JsonNode audit = a.get("/api/admin/audit", boss).body();
    assertThat(audit.get(0).get("version").asLong()).isEqualTo(version + 2);
    assertThat(audit.get(0).get("change").asText()).isEqualTo("services: pas changed (targetWaitMinutes)");

    // Every node down: the first one up starts from the newest version, not from the file.
    a.close();
    a = null;
    Path file = dir.resolve("organisation.yaml");
    try (TestNode again = TestNode.start(dir.resolve("a"), o -> o.withConfig(ConfigLoader.load(file)))) {
      assertThat(service(again, "pas").targetWaitSeconds()).isEqualTo(30 * 60);
      assertThat(again.node.engine().config().staff()).containsKey("bo");
      assertThat(again.post("/api/login", "{\"user\":\"bo\",\"pin\":\"5678\"}").status()).isEqualTo(200);
    }
  }

  /** The service as the node's configuration has it at branch main; null if it is not offered there. */
  private static ServiceDef service(TestNode node, String id) {
    return node.node.engine().config().branch("main").orElseThrow().services().stream()
        .filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }
}
