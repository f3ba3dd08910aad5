package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The administration page in a real chromium against a real node. */
class AdminBrowserIT {
  private static final String HASH = BCrypt.hashpw("1234", BCrypt.gensalt(4));
  private static TestNode node;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Path data = Files.createTempDirectory("queue-admin-page");
    Path file = data.resolve("organisation.yaml");
    Files.writeString(file, String.join("\n",
        "services:",
        "  - {id: pas, name: {da: Pas, en: Passport}, letter: P, group: borgerservice}",
        "branches:",
        "  - id: main",
        "    name: Hovedbiblioteket",
        "    hours: {mon-fri: \"09:00-17:00\"}",
        "    services: [{id: pas, booking: {}}]",
        "    desks: [{id: d1, name: Skranke 1}]",
        "staff:",
        "  - {user: anna, name: Anna, pinHash: \"" + HASH + "\", skills: [pas]}",
        "  - {user: boss, name: Boss, pinHash: \"" + HASH + "\", skills: [pas], admin: true}",
        "kiosks:",
        "  - {id: k1, branch: main}",
        "outcomes: [served]",
        ""));
    node = TestNode.start(data.resolve("node"), o -> o.withConfig(ConfigLoader.load(file))
        .withWebModules(Main.webModules()));
    browser = new Browser(1280, 1400);
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    node.close();
  }

  @Test
  void anAdministratorSetsClosedDaysAndResetsAPinAndTheAuditLogShowsBoth() throws Exception {
    var d = browser.driver;
    d.get(node.base() + "/admin");
    d.findElement(By.id("user")).sendKeys("anna");
    d.findElement(By.id("pin")).sendKeys("1234");
    d.findElement(By.cssSelector("#signin button")).click();
    // Staff without the role get the API's refusal, in words.
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "is not admin"));
    d.findElement(By.id("user")).clear();
    d.findElement(By.id("user")).sendKeys("boss");
    d.findElement(By.cssSelector("#signin button")).click();
    browser.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("h-juledag")));

    d.findElement(By.id("h-helligdage")).click();
    d.findElement(By.id("h-juleaftensdag")).click();
    // A date field's typing order follows the browser's locale; its value does not.
    d.executeScript("document.getElementById('from').value = '2026-12-28';"
        + "document.getElementById('to').value = '2026-12-30';");
    d.findElement(By.id("reason")).sendKeys("Lukket mellem jul og nytår");
    d.findElement(By.id("add")).click();
    d.findElement(By.id("save-days")).click();
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Gemt"));
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "closed days of main: 3 entries"));
    browser.screenshot("admin-closed-days");

    var main = node.node.engine().config().branch("main").orElseThrow();
    assertThat(main.closedDays().closedOn(java.time.LocalDate.of(2026, 12, 25))).as("helligdage").isTrue();
    assertThat(main.closedDays().closedOn(java.time.LocalDate.of(2026, 12, 24))).isTrue();
    assertThat(main.closedDays().on(java.time.LocalDate.of(2026, 12, 29)).orElseThrow().reason().da())
        .isEqualTo("Lukket mellem jul og nytår");

    new org.openqa.selenium.support.ui.Select(d.findElement(By.id("pin-user"))).selectByValue("anna");
    d.findElement(By.id("new-pin")).sendKeys("12");
    d.findElement(By.id("save-pin")).click();
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "4 to 8 digits"));
    d.findElement(By.id("new-pin")).sendKeys("3456");
    d.findElement(By.id("save-pin")).click();
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "new PIN for anna"));
    assertThat(node.post("/api/login", "{\"user\":\"anna\",\"pin\":\"123456\"}").status()).isEqualTo(200);

    // Closed today: the kiosk says so at once.
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).toString();
    d.executeScript("document.getElementById('from').value = arguments[0];"
        + "document.getElementById('to').value = '';", today);
    d.findElement(By.id("reason")).clear();
    d.findElement(By.id("reason")).sendKeys("Personaledag");
    d.findElement(By.id("add")).click();
    d.findElement(By.id("save-days")).click();
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "closed days of main: 4 entries"));
    d.get(node.base() + "/kiosk/k1");
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("closed-today"),
        "I dag er der lukket (Personaledag)."));
    assertThat(d.findElement(By.id("closed-today")).getText()).contains("Vi åbner igen");

    // The booking page says the branch is closed that day, why, and the first time that can be booked.
    d.get(node.base() + "/book");
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("slots"),
        "Stedet har lukket denne dag: Personaledag."));
    assertThat(d.findElement(By.id("slots")).getText()).contains("Første tid der kan bestilles:").contains("09.00");
  }
}
