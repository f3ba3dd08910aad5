package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.node.Http;
import dk.queue.core.node.QueueNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A day at the desks in a real headless chromium, against a node with the demo organisation: desks
 * left by their staff, supervisors, and the work at the desk.
 */
class DeskDayIT {
  static final String DESK = "/desk/hovedbiblioteket/skranke-4";
  static final String KIOSK = "/kiosk/hovedbiblioteket-kiosk#key=demo-kiosk-key";
  static QueueNode node;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    node = DemoNode.start("queue-desk-day");
    base = DemoNode.base(node);
  }

  @AfterAll
  static void stop() throws Exception {
    DemoNode.stop(node);
  }

  /** Signs in at the desk page with the keyboard; waits until the page shows who is signed in. */
  static void signIn(Browser b, String path, String user, String pin) {
    b.driver.get(base + path);
    b.driver.findElement(By.id("user")).sendKeys(user, Keys.TAB, pin, Keys.ENTER);
    b.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
  }

  /** Opens the desk (its setup shown) for the one service. */
  static void open(Browser b, String service) {
    b.await(10).until(ExpectedConditions.elementToBeClickable(By.id("svc-" + service))).click();
    b.driver.findElement(By.id("open")).click();
    b.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("work")));
  }

  static JsonNode deskAsStaff(String desk) throws Exception {
    Http http = new Http(base);
    for (JsonNode d : http.get("/api/branches/hovedbiblioteket", http.login("jens", "1234")).body().get("desks")) {
      if (d.get("id").asText().equals(desk)) {
        return d;
      }
    }
    throw new AssertionError("no desk " + desk);
  }

  @Test
  void theStartPageSaysHowToBeginInTheDemo() throws Exception {
    try (Browser start = new Browser(1280, 900)) {
      start.driver.get(base + "/");
      String firstRun = start.driver.findElement(By.id("first-run")).getText();
      assertThat(firstRun).contains("Log ind ved en skranke").contains("brugernavn demo, PIN-kode 0000")
          .contains("åbn skranken").contains("Ikke mulig her lige nu");
    }
  }

  @Test
  void signingOutPausesTheDeskTheKioskStopsOfferingItAndASupervisorClosesIt() throws Exception {
    try (Browser mette = new Browser(1280, 900); Browser kiosk = new Browser(1280, 1024);
         Browser lars = new Browser(1280, 900); Browser demo = new Browser(1280, 900)) {
      signIn(mette, DESK, "mette", "1234");
      open(mette, "mitid");
      kiosk.driver.get(base + KIOSK);
      kiosk.await(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".service-button.open[data-service='mitid']")));

      // Signed out without closing: the desk pauses at once, and the kiosk no longer offers MitID.
      mette.driver.findElement(By.id("sign-out")).click();
      kiosk.await(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".service-button.closed[data-service='mitid']")));
      JsonNode left = deskAsStaff("skranke-4");
      assertThat(left.get("state").asText()).isEqualTo("paused");
      assertThat(left.get("pauseReason").asText()).isEqualTo("signed-out");
      assertThat(left.get("closesAt").asText()).as("closes by itself after the configured time").isNotEmpty();

      // Someone else at that desk is told who left it and when it closes, and whom to ask.
      signIn(lars, DESK, "lars", "1234");
      String told = lars.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("taken-text"))).getText();
      assertThat(told).startsWith("mette er logget ud uden at lukke skranken. Den lukker af sig selv kl. ")
          .endsWith("En supervisor kan lukke eller overtage den.");
      assertThat(lars.driver.findElement(By.id("supervise")).isDisplayed()).isFalse();
      assertThat(lars.driver.findElement(By.id("desk-state")).getText()).isEqualTo("Pause – Logget ud");

      // A supervisor closes it; then anyone can open it, and nobody is told someone else is signed in.
      signIn(demo, DESK, "demo", "0000");
      demo.await(10).until(ExpectedConditions.elementToBeClickable(By.id("close-other"))).click();
      demo.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("setup")));
      assertThat(demo.driver.findElement(By.id("desk-state")).getText()).isEqualTo("Lukket");
      // Select all ticks every service the person can serve (all twelve for demo).
      // (the setup's list of services is filled in after the setup shows)
      demo.await(10).until(d -> !d.findElements(By.cssSelector("#service-choice input")).isEmpty());
      demo.driver.findElement(By.id("select-all")).click();
      demo.await(10).until(d -> d.findElements(By.cssSelector("#service-choice input:checked")).size() >= 12);
      assertThat(demo.driver.findElements(By.cssSelector("#service-choice input:checked"))).hasSize(12);
      lars.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("setup")));
      assertThat(lars.driver.findElement(By.id("taken")).isDisplayed()).isFalse();
      open(lars, "laan");
      assertThat(lars.driver.findElement(By.id("error")).isDisplayed()).isFalse();
      assertThat(deskAsStaff("skranke-4").get("staff").asText()).isEqualTo("lars");
    }
  }

  @Test
  void aSupervisorTakesOverADeskLeftWithACitizenCalledToIt() throws Exception {
    try (Browser aisha = new Browser(1280, 900); Browser demo = new Browser(1280, 900)) {
      signIn(aisha, "/desk/hovedbiblioteket/skranke-5", "aisha", "1234");
      open(aisha, "digital-post");
      Http citizen = new Http(base);
      String number = citizen.post("/api/branches/hovedbiblioteket/tickets", "{\"service\":\"digital-post\"}")
          .body().get("number").asText();
      aisha.await(10).until(ExpectedConditions.elementToBeClickable(By.id("call-next"))).click();
      aisha.await(10).until(ExpectedConditions.textToBe(By.id("current-number"), number));
      aisha.driver.findElement(By.id("sign-out")).click();

      signIn(demo, "/desk/hovedbiblioteket/skranke-5", "demo", "0000");
      demo.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("supervise")));
      assertThat(demo.driver.findElement(By.id("close-other")).isEnabled()).as("a citizen is at the desk").isFalse();
      demo.driver.findElement(By.id("take-over")).click();
      demo.await(10).until(ExpectedConditions.textToBe(By.id("current-number"), number));
      assertThat(deskAsStaff("skranke-5").get("staff").asText()).isEqualTo("demo");
      demo.driver.findElement(By.id("no-show")).click();
      demo.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("current"), "Ingen borger ved skranken"));
      demo.driver.findElement(By.id("close")).click();
      demo.await(10).until(ExpectedConditions.textToBe(By.id("desk-state"), "Lukket"));
    }
  }

  static String active(Browser b) {
    return (String) b.driver.executeScript("return document.activeElement && document.activeElement.id");
  }

  /** Waits until the element with this id has the focus. */
  static void focusedOn(Browser b, String id) {
    b.await(10).until(d -> id.equals(active(b)));
  }

  static String issue(String service) throws Exception {
    return new Http(base).post("/api/branches/hovedbiblioteket/tickets", "{\"service\":\"" + service + "\"}")
        .body().get("number").asText();
  }

  /** WCAG's contrast ratio of two CSS colours "rgb(r, g, b)". */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  static double luminance(String rgb) {
    String[] p = rgb.replaceAll("[^0-9,]", "").split(",");
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(p[i]) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  @Test
  void theDeskCallsInItsOwnOrderOrAChosenTicketTakesANoShowBackAndKeepsTheFocusOnTheWork() throws Exception {
    try (Browser demo = new Browser(1280, 900)) {
      demo.driver.get(base + "/desk/hovedbiblioteket/skranke-1");
      demo.driver.findElement(By.id("user")).sendKeys("demo", Keys.TAB, "0000", Keys.ENTER);
      // Signed in: the focus is on the first service to choose, then on "Kald næste" once open.
      demo.await(10).until(d -> String.valueOf(active(demo)).startsWith("svc-"));
      demo.driver.findElement(By.id("svc-pas")).sendKeys(Keys.SPACE);
      demo.driver.findElement(By.id("svc-flytning")).sendKeys(Keys.SPACE);
      demo.driver.findElement(By.id("open")).sendKeys(Keys.ENTER);
      focusedOn(demo, "call-next");
      String ring = (String) demo.driver.executeScript("return getComputedStyle(document.activeElement).outlineColor");
      String paper = (String) demo.driver.executeScript("return getComputedStyle(document.body).backgroundColor");
      assertThat(contrast(ring, paper)).as("focus ring " + ring + " on " + paper).isGreaterThanOrEqualTo(3.0);

      // Nobody waits: calm information, no error.
      demo.driver.findElement(By.id("call-next")).sendKeys(Keys.ENTER);
      demo.await(10).until(ExpectedConditions.textToBe(By.id("notice-text"), "Ingen venter på dine ydelser"));
      assertThat(demo.driver.findElement(By.id("error")).isDisplayed()).isFalse();

      // The list is in the order this desk calls: passports first (its first service), though the
      // change of address was taken first.
      String moving = issue("flytning");
      String passport = issue("pas");
      demo.await(10).until(d -> d.findElements(By.cssSelector("#waiting .call-this")).size() == 2);
      assertThat(demo.driver.findElements(By.cssSelector("#waiting li strong"))).extracting(e -> e.getText())
          .containsExactly(passport, moving);

      // Call this one: the change of address, out of turn; the focus goes to "Start betjening".
      demo.driver.findElement(By.cssSelector("#waiting li:nth-child(2) .call-this")).click();
      demo.await(10).until(ExpectedConditions.textToBe(By.id("current-number"), moving));
      focusedOn(demo, "start");
      JsonNode stats = new Http(base).get("/api/branches/hovedbiblioteket/stats").body();
      int outOfTurn = 0;
      for (JsonNode row : stats.get("totals")) {
        outOfTurn += row.get("service").asText().equals("flytning") ? row.path("calledOutOfTurn").asInt() : 0;
      }
      assertThat(outOfTurn).as("in the statistics").isEqualTo(1);

      // No-show, then undo: the citizen is called at the desk again.
      demo.driver.findElement(By.id("no-show")).sendKeys(Keys.ENTER);
      demo.await(10).until(ExpectedConditions.textToBe(By.id("notice-text"), moving + " er markeret som udeblevet."));
      focusedOn(demo, "call-next");
      demo.driver.findElement(By.id("undo")).click();
      demo.await(10).until(ExpectedConditions.textToBe(By.id("current-number"), moving));
      focusedOn(demo, "start");
      demo.driver.findElement(By.id("start")).sendKeys(Keys.ENTER);
      focusedOn(demo, "done");
      demo.driver.findElement(By.id("done")).sendKeys(Keys.ENTER);
      demo.await(10).until(ExpectedConditions.textToBe(By.id("notice-text"), moving + " er færdig."));
      focusedOn(demo, "call-next");

      // A double click calls one citizen, not two.
      String second = issue("pas");
      demo.driver.executeScript("const b = document.getElementById('call-next'); b.click(); b.click();");
      demo.await(10).until(ExpectedConditions.textToBe(By.id("current-number"), passport));
      Thread.sleep(500);
      assertThat(demo.driver.findElement(By.id("error")).isDisplayed()).isFalse();
      assertThat(demo.driver.findElements(By.cssSelector("#waiting li strong"))).extracting(e -> e.getText())
          .containsExactly(second);
      demo.driver.executeScript("window.scrollTo(0, 0)");
      demo.screenshot("desk-call-this");
    }
  }

  @Test
  void theScreenShowsEachCallOnceAnnouncesItAndDropsATransferredOne() throws Exception {
    try (Browser room = new Browser(1920, 1080)) {
      Http http = new Http(base);
      String jens = http.login("jens", "1234");
      String desk = "/api/branches/hovedbiblioteket/desks/skranke-3/";
      assertThat(http.post(desk + "open", "{\"services\":[\"sundhedskort\",\"print\"]}", jens).status()).isEqualTo(200);
      room.driver.get(base + "/screens/hovedbiblioteket-venteomraade");
      String number = issue("sundhedskort");
      assertThat(http.post(desk + "call-next", "{}", jens).body().get("number").asText()).isEqualTo(number);
      room.await(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".call.latest[data-number='" + number + "']")));

      // Once on the screen, however it is drawn, and said in a live region for screen readers.
      Number shown = (Number) room.driver.executeScript("return document.body.innerText.split(arguments[0]).length - 1", number);
      assertThat(shown.intValue()).as(number + " on the screen").isEqualTo(1);
      room.await(5).until(d -> d.findElement(By.id("said")).getAttribute("textContent").contains("Skranke 3"));
      assertThat(room.driver.findElement(By.id("said")).getAttribute("aria-live")).isEqualTo("assertive");

      // English at least 60 % of the Danish beside it.
      Number smallest = (Number) room.driver.executeScript("return Math.min(...Array.from(document.querySelectorAll('.en'))"
          + ".filter(e => e.offsetParent !== null)"
          + ".map(e => parseFloat(getComputedStyle(e).fontSize) / parseFloat(getComputedStyle(e.parentElement).fontSize)))");
      assertThat(smallest.doubleValue()).isGreaterThanOrEqualTo(0.6);
      room.screenshot("screen-call-once");

      // Transferred: it leaves the large highlight (its citizen waits again, for printing).
      assertThat(http.post(desk + "transfer", "{\"service\":\"print\",\"placement\":\"last\"}", jens).status()).isEqualTo(200);
      room.await(10).until(d -> d.findElements(By.cssSelector(".call.latest[data-number='" + number + "']")).isEmpty());
      assertThat(http.post(desk + "close", "{\"waiting\":{\"choice\":\"end\",\"message\":\"Lukket\"}}", jens).status()).isEqualTo(200);
    }
  }
}
