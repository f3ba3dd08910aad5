package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.node.Http;
import dk.queue.core.node.QueueNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The devices of a front desk in a real headless chromium against a node with the demo organisation:
 * the kiosk for poor sight (large text, open services first, everything on one 1280×1024 screen), a
 * screen whose browser keeps the sound off, and saved desk profiles.
 */
class FrontDeskDevicesIT {
  static final String KIOSK = "/kiosk/hovedbiblioteket-kiosk#key=demo-kiosk-key";
  static final String SCREEN = "hovedbiblioteket-venteomraade";
  static QueueNode node;
  static String base;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    node = DemoNode.start("queue-front-desk");
    base = DemoNode.base(node);
    http = new Http(base);
  }

  @AfterAll
  static void stop() throws Exception {
    DemoNode.stop(node);
  }

  static Object js(Browser b, String script) {
    return ((JavascriptExecutor) b.driver).executeScript(script);
  }

  /**
   * The lowest bottom edge of any service button (or of the page, were it to scroll), the window's
   * height, and the size of a service's name, in CSS pixels.
   */
  static double[] fold(Browser b) {
    @SuppressWarnings("unchecked")
    List<Number> m = (List<Number>) js(b, "return [Math.max.apply(null, Array.from(document.querySelectorAll('.service-button'))"
        + ".map(function (e) { return e.getBoundingClientRect().bottom + window.scrollY; })"
        + ".concat([document.documentElement.scrollHeight])),"
        + " window.innerHeight,"
        + " parseFloat(getComputedStyle(document.querySelector('.service-button .name')).fontSize)];");
    return new double[] {m.get(0).doubleValue(), m.get(1).doubleValue(), m.get(2).doubleValue()};
  }

  @Test
  void theKioskShowsOpenServicesFirstAndEverythingOnOneScreenInLargeTextToo() throws Exception {
    String token = http.login("demo", "0000");
    assertThat(http.post("/api/branches/hovedbiblioteket/desks/skranke-1/open",
        "{\"services\":[\"flytning\",\"print\",\"digital-hjaelp\"]}", token).status()).isEqualTo(200);
    try (Browser kiosk = new Browser(1280, 1024)) {
      kiosk.driver.get(base + KIOSK);
      kiosk.await(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".service-button.open[data-service='print']")));
      // In each group the open services come first (print is not first in the configuration).
      assertThat(js(kiosk, "return Array.from(document.querySelectorAll('.group')).map(function (g) {"
          + " return Array.from(g.querySelectorAll('.service-button')).map(function (b) { return b.classList.contains('open') ? 'open' : 'closed'; }).join(); })"))
          .asList().allSatisfy(group -> assertThat((String) group).doesNotContain("closed,open"));
      assertThat(js(kiosk, "return document.querySelector('.group:nth-of-type(2) .service-button').dataset.service")).isEqualTo("print");
      double[] normal = fold(kiosk);
      assertThat(normal[0]).as("every service button above the fold").isLessThanOrEqualTo(normal[1]);

      kiosk.driver.findElement(By.id("large-text")).click();
      assertThat(kiosk.driver.findElement(By.id("large-text")).getAttribute("aria-pressed")).isEqualTo("true");
      assertThat(kiosk.driver.findElement(By.id("large-text")).getText()).endsWith("Stor skrift / Large text");
      double[] large = fold(kiosk);
      assertThat(large[0]).as("every service button above the fold in large text").isLessThanOrEqualTo(large[1]);
      assertThat(large[2]).as("service names in large text").isGreaterThanOrEqualTo(normal[2] * 1.2);
      kiosk.screenshot("kiosk-large-text");

      // The ticket stays longer when nothing confirms a printed receipt (the browser printed, or nothing did),
      // in large text still; the next person starts in normal text.
      kiosk.driver.findElement(By.cssSelector(".service-button[data-service='flytning']")).click();
      kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-number")));
      assertThat(js(kiosk, "return document.body.dataset.ticketSeconds")).isEqualTo("60");
      assertThat(kiosk.driver.findElement(By.id("idle-note")).getText()).contains("60 sekunder");
      assertThat(kiosk.driver.findElement(By.id("large-text")).getAttribute("aria-pressed")).isEqualTo("true");
      kiosk.driver.findElement(By.id("ticket-ok")).click();
      kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("choose")));
      assertThat(kiosk.driver.findElement(By.id("large-text")).getAttribute("aria-pressed")).isEqualTo("false");
      assertThat(fold(kiosk)[2]).isEqualTo(normal[2]);
    } finally {
      http.post("/api/branches/hovedbiblioteket/desks/skranke-1/close", "{}", token);
    }
  }

  static JsonNode sound(String screen) {
    try {
      return http.get("/api/screens/" + screen + "/sound").body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSilentScreenSaysSoOnceATapTurnsItOnAndOpsSeesWhichScreensAreSilent() throws Exception {
    try (Browser screen = Browser.silent(1024, 576); Browser ops = new Browser(1280, 900)) {
      screen.driver.get(base + "/screens/" + SCREEN);
      String offer = screen.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("sound-notice"))).getText();
      assertThat(offer).contains("Lyd er slået fra – tryk for at tænde").contains("Sound is off – tap to turn on")
          .contains("Tænd lyd");
      screen.await(10).until(d -> !sound(SCREEN).path("playing").asBoolean(true));
      assertThat(sound(SCREEN).get("turnedOn").asBoolean()).isFalse();
      screen.screenshot("screen-silent");

      ops.driver.get(base + "/ops");
      String told = ops.await(10).until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("#silent-screens li[data-screen='" + SCREEN + "']"))).getText();
      assertThat(told).startsWith("Venteområdet: lyden er slået fra");

      screen.driver.findElement(By.id("sound-on")).click();
      screen.await(10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("sound-notice")));
      assertThat(js(screen, "return document.body.querySelector('#sound-notice') && window.getComputedStyle(document.getElementById('sound-notice')).display"))
          .isEqualTo("none");
      screen.await(10).until(d -> sound(SCREEN).path("playing").asBoolean(false));
      assertThat(sound(SCREEN).get("turnedOn").asBoolean()).as("the node remembers the tap").isTrue();

      // Loaded again, the browser needs a tap again: the notice says the sound is off, without the offer.
      screen.driver.navigate().refresh();
      screen.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("sound-again")));
      assertThat(screen.driver.findElement(By.id("sound-on")).isDisplayed()).isFalse();
      assertThat(screen.driver.findElement(By.id("sound-offer")).isDisplayed()).isFalse();
      assertThat(screen.driver.findElement(By.id("sound-notice")).getText()).contains("Lyd er slået fra").contains("Sound is off")
          .doesNotContain("tryk for at tænde");
      screen.await(10).until(d -> !sound(SCREEN).path("playing").asBoolean(true));
      ops.driver.navigate().refresh();
      assertThat(ops.await(10).until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("#silent-screens li[data-screen='" + SCREEN + "']"))).getText())
          .contains("slået fra igen").contains("--autoplay-policy=no-user-gesture-required");

      // A browser started with the autoplay flag (as the tests' are) plays at once and shows no notice.
      ops.driver.get(base + "/screens/filial-vest-skaerm");
      ops.await(10).until(d -> sound("filial-vest-skaerm").path("playing").asBoolean(false));
      assertThat(ops.driver.findElement(By.id("sound-notice")).isDisplayed()).isFalse();
    }
    assertThat(http.post("/api/screens/no-such-screen/sound", "{\"playing\":false}").status()).isEqualTo(404);
    assertThat(http.post("/api/screens/" + SCREEN + "/sound", "{\"playing\":false,\"tapped\":true}").error()).isEqualTo("invalid");
  }

  static final String PROFILES = "/api/me/profiles";

  @Test
  void staffSaveDeskProfilesAndPickThemInTheSetup() throws Exception {
    String mette = http.login("mette", "1234");
    assertThat(http.post(PROFILES, "{\"name\":\"Pas og kørekort\",\"services\":[\"koerekort\",\"pas\"]}", mette).status()).isEqualTo(200);
    // Bad input is refused with the field named, and changes nothing.
    assertThat(http.post(PROFILES, "{\"name\":\"" + "x".repeat(41) + "\",\"services\":[\"pas\"]}", mette).body().get("field").asText())
        .isEqualTo("name");
    assertThat(http.post(PROFILES, "{\"name\":\"Lån\",\"services\":[\"laan\"]}", mette).body().get("message").asText())
        .contains("does not serve [laan]");
    assertThat(http.post(PROFILES, "{\"name\":\"Tom\",\"services\":[]}", mette).status()).isEqualTo(400);
    assertThat(http.get(PROFILES).status()).isEqualTo(401);
    assertThat(http.send("DELETE", PROFILES + "/Findes%20ikke", null, Map.of("Authorization", "Bearer " + mette)).status())
        .isEqualTo(404);
    for (int i = 1; i <= 9; i++) {
      assertThat(http.post(PROFILES, "{\"name\":\"Profil " + i + "\",\"services\":[\"mitid\"]}", mette).status()).isEqualTo(200);
    }
    Http.Reply full = http.post(PROFILES, "{\"name\":\"Den ellevte\",\"services\":[\"mitid\"]}", mette);
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.error()).isEqualTo("too_many_profiles");
    // Saving under a name in use replaces that profile, also when ten are kept.
    assertThat(http.post(PROFILES, "{\"name\":\"Profil 9\",\"services\":[\"vielse\"]}", mette).status()).isEqualTo(200);
    JsonNode kept = http.get(PROFILES, mette).body().get("profiles");
    assertThat(kept).hasSize(10);
    for (int i = 1; i <= 9; i++) {
      http.send("DELETE", PROFILES + "/Profil%20" + i, null, Map.of("Authorization", "Bearer " + mette));
    }
    // Each staff member has their own.
    assertThat(http.get(PROFILES, http.login("lars", "1234")).body().get("profiles")).isEmpty();

    try (Browser desk = new Browser(1280, 900)) {
      desk.driver.get(base + "/desk/hovedbiblioteket/skranke-3");
      desk.driver.findElement(By.id("user")).sendKeys("mette", Keys.TAB, "1234", Keys.ENTER);
      desk.await(10).until(d -> d.findElements(By.cssSelector("#profile option")).size() == 2);
      new Select(desk.driver.findElement(By.id("profile"))).selectByVisibleText("Pas og kørekort");
      assertThat(js(desk, "return Array.from(document.querySelectorAll('#service-choice input:checked')).map(function (i) { return i.value; })"))
          .as("the profile's services, in its order, first").isEqualTo(List.of("koerekort", "pas"));
      assertThat(js(desk, "return document.querySelector('#service-choice input').value")).isEqualTo("koerekort");
      assertThat(desk.driver.findElement(By.id("profile-message")).getText()).contains("Pas og kørekort");

      // A new choice saved under a new name, through the page.
      desk.driver.findElement(By.id("svc-mitid")).click();
      desk.driver.findElement(By.id("profile-name")).clear();
      desk.driver.findElement(By.id("profile-name")).sendKeys("Pas, kørekort og MitID");
      desk.driver.findElement(By.id("profile-save")).click();
      desk.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-message"), "er gemt"));
      JsonNode saved = http.get(PROFILES, mette).body().get("profiles");
      assertThat(saved).hasSize(2);
      assertThat(saved.get(1).get("name").asText()).isEqualTo("Pas, kørekort og MitID");
      assertThat(saved.get(1).get("services").toString()).isEqualTo("[\"koerekort\",\"pas\",\"mitid\"]");

      desk.driver.findElement(By.id("open")).click();
      desk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("work")));
      JsonNode desks = http.get("/api/branches/hovedbiblioteket", mette).body().get("desks");
      assertThat(desks.get(2).get("id").asText()).isEqualTo("skranke-3");
      assertThat(desks.get(2).get("services").toString()).isEqualTo("[\"koerekort\",\"pas\",\"mitid\"]");
    }
  }
}
