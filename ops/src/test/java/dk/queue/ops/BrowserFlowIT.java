package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.node.QueueNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole flow in a real headless chromium: a citizen takes a ticket at the kiosk, staff sign in
 * at a desk and call it, and the waiting-room screen and the phone show the call.
 */
class BrowserFlowIT {
  static QueueNode node;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    node = DemoNode.start("queue-browser");
    base = DemoNode.base(node);
  }

  @AfterAll
  static void stop() throws Exception {
    DemoNode.stop(node);
  }

  private static String text(Browser b, String css) {
    return b.await(5).until(d -> d.findElement(By.cssSelector(css)).getText().trim());
  }

  @Test
  @SuppressWarnings("unchecked")
  void ticketFromKioskIsCalledAtTheDeskAndShownOnScreenAndPhone() throws Exception {
    try (Browser screen = new Browser(1920, 1080); Browser person = new Browser(1280, 1024)) {
      screen.driver.get(base + "/screens/hovedbiblioteket-venteomraade");
      assertThat(text(screen, ".screen-top .branch")).isEqualTo("Hovedbiblioteket");

      // Staff open desk 1 for passports and loans.
      person.driver.get(base + "/desk/hovedbiblioteket/skranke-1");
      person.driver.findElement(By.id("user")).sendKeys("demo");
      person.driver.findElement(By.id("pin")).sendKeys("0000", Keys.ENTER);
      person.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("setup")));
      person.driver.findElement(By.id("svc-pas")).click();
      person.driver.findElement(By.id("svc-laan")).click();
      person.driver.findElement(By.id("open")).click();
      person.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("work")));
      person.screenshot("desk-open");

      // The screen now says passports are available.
      screen.await(5).until(ExpectedConditions.attributeContains(
          By.cssSelector(".service[data-service='pas']"), "class", " available"));

      // A citizen takes a passport ticket at the kiosk.
      // The kiosk is given its device key once, in the fragment; it keeps it and drops it from the address.
      person.driver.get(base + "/kiosk/hovedbiblioteket-kiosk#key=demo-kiosk-key");
      WebElement pas = person.await(10).until(ExpectedConditions.elementToBeClickable(
          By.cssSelector(".service-button[data-service='pas']")));
      assertThat(person.driver.getCurrentUrl()).doesNotContain("key=");
      assertThat((String) person.driver.executeScript(
          "return localStorage.getItem('queue.deviceKey.hovedbiblioteket-kiosk')")).isEqualTo("demo-kiosk-key");
      person.screenshot("kiosk");
      pas.click();
      String number = person.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-number"))).getText();
      assertThat(number).matches("P\\d{3}");
      String phoneUrl = person.driver.findElement(By.id("phone-link")).getAttribute("href");
      person.screenshot("kiosk-ticket");

      // The phone page shows the place in the queue.
      person.driver.get(phoneUrl);
      assertThat(person.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("position"))).getText())
          .contains("1");

      // Staff call the next citizen with the keyboard.
      person.driver.get(base + "/desk/hovedbiblioteket/skranke-1");
      person.await(10).until(ExpectedConditions.elementToBeClickable(By.id("call-next")));
      long before = System.nanoTime();
      new Actions(person.driver).sendKeys("n").perform();
      person.await(10).until(ExpectedConditions.textToBe(By.id("current-number"), number));

      // The screen shows the call within a second, highlighted, and announces it.
      screen.await(2).until(ExpectedConditions.textToBe(By.cssSelector(".call.latest .number"), number));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
      assertThat(text(screen, ".call.latest .desk")).isEqualTo("→ Skranke 1");
      assertThat(screen.driver.findElement(By.cssSelector(".call.latest")).getAttribute("class")).contains("fresh");
      screen.await(5).until(d -> !((List<?>) screen.driver.executeScript("return window.announcements")).isEmpty());
      assertThat((List<Object>) screen.driver.executeScript("return window.announcements"))
          .contains("Nummer P " + Integer.parseInt(number.substring(1)) + ", Skranke 1 / Number P "
              + Integer.parseInt(number.substring(1)) + ", Skranke 1");
      screen.screenshot("screen-landscape");
      person.screenshot("desk-calling");
      System.out.println("call to screen: " + millis + " ms (desk key press to screen text)");

      // The phone page shows where to go.
      person.driver.get(phoneUrl);
      assertThat(person.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("go-to"))).getText())
          .isEqualTo("Gå til Skranke 1");
      person.screenshot("phone-called");
    }
  }

  @Test
  void unavailableServiceShowsWhenAndWhereInstead() throws Exception {
    try (Browser kiosk = new Browser(1280, 1024)) {
      kiosk.driver.get(base + "/kiosk/hovedbiblioteket-kiosk");
      WebElement mitid = kiosk.await(10).until(ExpectedConditions.elementToBeClickable(
          By.cssSelector(".service-button[data-service='vielse']")));
      assertThat(mitid.getAttribute("class")).contains("closed");
      assertThat(mitid.getText()).contains("Kun efter aftale");
      mitid.click();
      WebElement box = kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("unavailable")));
      assertThat(box.getText()).contains("Vielse kan ikke fås her lige nu").contains("kræver en aftale");
      kiosk.screenshot("kiosk-unavailable");
    }
  }

  @Test
  void portraitScreenRendersTheSameRegion() throws Exception {
    try (Browser portrait = new Browser(1080, 1920)) {
      portrait.driver.get(base + "/screens/hovedbiblioteket-portraet");
      assertThat(portrait.driver.findElement(By.tagName("body")).getAttribute("class")).contains("portrait");
      assertThat(portrait.driver.findElements(By.cssSelector(".service"))).hasSizeGreaterThan(5);
      portrait.screenshot("screen-portrait");
    }
  }

  @Test
  void operationsOverviewFollowsDesksAndTicketsLive() throws Exception {
    try (Browser ops = new Browser(1600, 1000)) {
      ops.driver.get(base + "/ops");
      String section = "section.branch[data-branch='filial-vest'] ";
      ops.await(10).until(d -> !d.findElements(By.cssSelector(section + "tr[data-service='laan']")).isEmpty());
      assertThat(text(ops, section + "li[data-desk='skranke-2']")).contains("lukket");
      dk.queue.core.node.Http http = new dk.queue.core.node.Http(base);
      String token = http.login("lars", "1234");
      Instant at = Instant.now();
      boolean open = ConfigLoader.demo().branch("filial-vest").orElseThrow().service("laan").orElseThrow().hours()
          .isOpen(at.atZone(java.time.ZoneId.of("Europe/Copenhagen")));
      assertThat(http.post("/api/branches/filial-vest/desks/skranke-2/open", "{\"services\":[\"laan\"]}", token).status())
          .isEqualTo(200);
      ops.await(3).until(ExpectedConditions.attributeToBe(By.cssSelector(section + "li[data-desk='skranke-2']"), "data-state", "open"));
      // /ops without sign-in has the public view: what the desk serves, not who sits there.
      assertThat(text(ops, section + "li[data-desk='skranke-2']")).doesNotContain("lars")
          .contains(ConfigLoader.demo().branch("filial-vest").orElseThrow().service("laan").orElseThrow().name().da());
      int before = Integer.parseInt(ops.driver.findElement(By.cssSelector(section + ".chart")).getAttribute("data-total"));
      // Vestby lends only in its opening hours; the main library is open around the clock.
      String branch = open ? "filial-vest" : "hovedbiblioteket";
      String where = "section.branch[data-branch='" + branch + "'] ";
      if (!open) {
        String demo = http.login("demo", "0000");
        http.post("/api/branches/hovedbiblioteket/desks/skranke-5/open", "{\"services\":[\"laan\"]}", demo);
        before = Integer.parseInt(ops.driver.findElement(By.cssSelector(where + ".chart")).getAttribute("data-total"));
      }
      int expectedTotal = before + 1;
      assertThat(http.post("/api/branches/" + branch + "/tickets", "{\"service\":\"laan\"}").status()).isEqualTo(201);
      ops.await(3).until(d -> Integer.parseInt(d.findElement(By.cssSelector(where + ".chart")).getAttribute("data-total"))
          == expectedTotal);
      assertThat(Integer.parseInt(text(ops, where + "tr[data-service='laan'] .waiting"))).isGreaterThanOrEqualTo(1);
      ops.screenshot("ops-overview");
    }
  }
}
