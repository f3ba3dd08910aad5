package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.queue.core.config.ConfigLoader;
import dk.queue.core.config.ReminderSettings;
import dk.queue.core.node.BookingConfig;
import dk.queue.core.node.Http;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.QueueNode;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
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
 * Appointments in a real headless chromium against a node with the demo organisation (passport is
 * booked at Hovedbiblioteket): a citizen books on the phone page, gets the reminder e-mail (from a
 * real SMTP server, GreenMail) whose link opens the booking, checks in at the kiosk with the
 * code, is called at the booked time by a desk ahead of walk-ins who came earlier and appears on
 * the waiting-room screen; another cancels by the private link. The node's clock is moved to the
 * booked time.
 */
class BookingBrowserIT {
  static final String BRANCH = "hovedbiblioteket";
  static final BookingConfig.MovableClock CLOCK = new BookingConfig.MovableClock();
  static QueueNode node;
  static String base;
  static GreenMail smtp;

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    ReminderSettings reminders = new ReminderSettings(ReminderSettings.DEFAULT_AT, 60, new ReminderSettings.Smtp(
        "127.0.0.1", smtp.getSmtp().getPort(), "borgerservice@example.dk", false, null, null), null);
    NodeOptions options = NodeOptions.defaults(ConfigLoader.demo().withReminders(reminders),
            Files.createTempDirectory("queue-booking-browser"))
        .withPort(0).withClock(CLOCK).withWebModules(Main.webModules());
    node = QueueNode.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + node.port();
  }

  @AfterAll
  static void stop() throws Exception {
    node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    smtp.stop();
  }

  /** The reminder e-mail of the booking with this code; booked today, after its reminder time, it is sent at once. */
  static MimeMessage reminderOf(String code) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      for (MimeMessage m : smtp.getReceivedMessages()) {
        if (((String) m.getContent()).contains(code)) {
          return m;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no reminder e-mail with the code " + code);
  }

  /** Books the first free time of today on the phone page; returns the confirmation's code. */
  static String bookOnThePhone(Browser phone, String name) {
    phone.driver.get(base + "/book");
    WebElement first = phone.await(10).until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("#slots label.slot")));
    assertThat(phone.driver.findElement(By.id("bring")).getText()).startsWith("Medbring: Gammelt pas");
    first.click();
    phone.driver.findElement(By.id("name")).sendKeys(name);
    phone.driver.findElement(By.id("email")).sendKeys("borger@example.dk");
    phone.driver.findElement(By.id("submit")).click();
    String code = phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("b-code"))).getText();
    assertThat(code).matches("[ACDEFHJKLMNPRTUVWXY34679]{6}");
    assertThat(phone.driver.findElement(By.id("b-heading")).getText()).isEqualTo("Din tid er bestilt");
    assertThat((Boolean) phone.driver.executeScript(
        "const i = document.getElementById('b-qr'); return i.complete && i.naturalWidth > 0;")).as("QR code").isTrue();
    return code;
  }

  @Test
  void bookCheckInAtTheKioskAndBeCalledOnTimeAheadOfWalkIns() throws Exception {
    Http http = new Http(base);
    try (Browser phone = Browser.phone(360, 740); Browser kiosk = new Browser(1280, 1024);
         Browser desk = new Browser(1280, 900); Browser screen = new Browser(1920, 1080)) {
      String code = bookOnThePhone(phone, "Karen Blixen");
      assertThat((Long) phone.driver.executeScript("return document.documentElement.scrollWidth"))
          .as("no sideways scrolling").isLessThanOrEqualTo(360);
      phone.screenshot("book-confirmation");
      String secret = phone.driver.getCurrentUrl().substring((base + "/b/").length());

      // The reminder e-mail, in Danish, with the private link; the link opens the booking.
      MimeMessage reminder = reminderOf(code);
      assertThat(reminder.getAllRecipients()[0].toString()).isEqualTo("borger@example.dk");
      assertThat(reminder.getSubject()).startsWith("Påmindelse: Pas");
      String mailed = (String) reminder.getContent();
      assertThat(mailed).contains("Hej Karen Blixen", "Medbring: Gammelt pas");
      java.util.regex.Matcher link = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(base) + "/b/\\S+")
          .matcher(mailed);
      assertThat(link.find()).as(mailed).isTrue();
      phone.driver.get(link.group());
      phone.await(10).until(ExpectedConditions.textToBe(By.id("b-code"), code));
      assertThat(link.group()).endsWith(secret);
      OffsetDateTime start = OffsetDateTime.parse(http.get("/api/bookings/" + secret).body().get("start").asText());

      // Two citizens come without a booking (a desk is open for passports) before the booked citizen checks in.
      assertThat(http.post("/api/branches/" + BRANCH + "/desks/skranke-5/open", "{\"services\":[\"pas\"]}",
          http.login("mette", "1234")).status()).isEqualTo(200);
      String walkIn1 = http.post("/api/branches/" + BRANCH + "/tickets", "{\"service\":\"pas\"}").body().get("number").asText();
      http.post("/api/branches/" + BRANCH + "/tickets", "{\"service\":\"pas\"}");

      kiosk.driver.get(base + "/kiosk/hovedbiblioteket-kiosk#key=demo-kiosk-key");
      kiosk.await(10).until(ExpectedConditions.elementToBeClickable(By.id("hb-open"))).click();
      kiosk.await(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("hb-code")))
          .sendKeys(code.toLowerCase(), Keys.ENTER); // as a scanner types it
      kiosk.await(10).until(ExpectedConditions.textMatches(By.id("hb-result"),
          java.util.regex.Pattern.compile("Du er tjekket ind.*")));
      String said = kiosk.driver.findElement(By.id("hb-result")).getText();
      JsonNode booking = http.get("/api/bookings/" + secret).body();
      String number = booking.get("ticket").get("number").asText();
      assertThat(said).contains(number).doesNotContain("Karen");
      kiosk.screenshot("kiosk-check-in");

      screen.driver.get(base + "/screens/hovedbiblioteket-venteomraade");
      assertThat(screen.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("booking-line"))).getText())
          .contains("Tjek ind ved standeren");

      desk.driver.get(base + "/desk/" + BRANCH + "/skranke-4");
      desk.driver.findElement(By.id("user")).sendKeys("demo", Keys.TAB, "0000", Keys.ENTER);
      desk.await(10).until(ExpectedConditions.elementToBeClickable(By.id("svc-pas"))).sendKeys(Keys.SPACE);
      desk.driver.findElement(By.id("open")).sendKeys(Keys.ENTER);
      desk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("work")));
      WebElement list = desk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("bk-list")));
      desk.await(10).until(ExpectedConditions.textToBePresentInElement(list, "Karen Blixen"));
      assertThat(list.getText()).contains(number);
      desk.driver.executeScript("document.getElementById('bookings').scrollIntoView()");
      desk.screenshot("desk-bookings");

      // The booked time comes: the desk's next call is the booking, ahead of the walk-ins.
      CLOCK.set(start.toInstant().plusSeconds(5));
      new Actions(desk.driver).sendKeys("n").perform();
      desk.await(10).until(ExpectedConditions.textToBe(By.id("current-number"), number));
      assertThat(http.get("/api/branches/" + BRANCH).body().toString()).doesNotContain("Karen");
      screen.await(10).until(ExpectedConditions.attributeToBe(By.cssSelector(".call.latest"), "data-number", number));
      screen.screenshot("screen-booking-called");
      assertThat(walkIn1).isNotEqualTo(number);
    } finally {
      CLOCK.set(java.time.Instant.now());
    }
  }

  @Test
  void anotherCancelsByThePrivateLink() throws Exception {
    try (Browser phone = Browser.phone(360, 740)) {
      bookOnThePhone(phone, "Hans Christian");
      String link = phone.driver.findElement(By.id("b-link")).getAttribute("href");
      phone.driver.get(link);
      phone.await(10).until(ExpectedConditions.elementToBeClickable(By.id("cancel")));
      phone.driver.executeScript("window.confirm = function () { return true; };");
      phone.driver.findElement(By.id("cancel")).click();
      phone.await(10).until(ExpectedConditions.textToBe(By.id("b-heading"), "Tiden er aflyst"));
      assertThat(phone.driver.findElement(By.id("cancel")).isDisplayed()).isFalse();
      String secret = link.substring(link.lastIndexOf('/') + 1);
      assertThat(new Http(base).get("/api/bookings/" + secret).body().get("state").asText()).isEqualTo("cancelled");
    }
  }
}
