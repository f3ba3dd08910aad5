package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.node.Http;
import dk.queue.core.node.Http.Reply;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.QueueNode;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Kiosk, desk and phone in a real headless chromium against a node with the demo organisation and a
 * few extra kiosks: one with a printer (a server socket of this test), one whose printer is gone, one
 * that goes back to the start after five seconds and one allowed two tickets a minute.
 */
class TerminalsFlowIT {
  static QueueNode node;
  static String base;
  static ServerSocket printer;
  static int deadPrinterPort;

  /** The demo's device key, given to each kiosk browser once in the address's fragment. */
  static final String DEMO_KEY = "demo-kiosk-key";
  static final String KEY = "deviceKeySha256: " + dk.queue.core.http.Kiosks.sha256(DEMO_KEY);

  @BeforeAll
  static void start() throws Exception {
    printer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPrinterPort = gone.getLocalPort();
    }
    String yaml;
    try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.DEMO_RESOURCE)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    yaml = yaml.replace("kiosks:\n", "kiosks:\n"
        + "  - {id: printer-kiosk, branch: hovedbiblioteket, printer: \"127.0.0.1:" + printer.getLocalPort() + "\", " + KEY + "}\n"
        + "  - {id: broken-printer-kiosk, branch: hovedbiblioteket, printer: \"127.0.0.1:" + deadPrinterPort + "\", " + KEY + "}\n"
        + "  - {id: idle-kiosk, branch: hovedbiblioteket, idleSeconds: 5, " + KEY + "}\n"
        + "  - {id: limit-kiosk, branch: hovedbiblioteket, maxTicketsPerMinute: 2, " + KEY + "}\n");
    NodeOptions options = NodeOptions.defaults(ConfigLoader.parse(yaml, "terminals-test.yaml"),
        Files.createTempDirectory("queue-terminals")).withPort(0).withWebModules(Main.webModules());
    node = QueueNode.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + node.port();
    // Loans are served at desk 3 all through these tests; printing help nowhere at the main library.
    Http http = new Http(base);
    assertThat(http.post("/api/branches/hovedbiblioteket/desks/skranke-3/open", "{\"services\":[\"laan\"]}",
        http.login("lars", "1234")).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    printer.close();
    node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** How many wait at the main library, by the public view's counts. */
  static int waiting() throws Exception {
    int n = 0;
    for (com.fasterxml.jackson.databind.JsonNode s : new Http(base).get("/api/branches/hovedbiblioteket").body().get("services")) {
      n += s.get("waiting").asInt();
    }
    return n;
  }

  /** What the test printer receives next: every byte until the node closes the connection. */
  static CompletableFuture<byte[]> nextReceipt() {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket s = printer.accept()) {
        return s.getInputStream().readAllBytes();
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
  }

  /** The data of the QR code a receipt stores ({@code GS ( k cn=49 fn=80 m=48 data}). */
  static String qrData(byte[] b) {
    for (int i = 0; i + 8 < b.length; i++) {
      if (b[i] == 0x1D && b[i + 1] == '(' && b[i + 2] == 'k' && b[i + 5] == 49 && b[i + 6] == 80) {
        int length = (b[i + 3] & 0xFF) | (b[i + 4] & 0xFF) << 8;
        return new String(b, i + 8, length - 3, StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Test
  void kioskTicketIsPrintedFollowedOnThePhoneAndCalledServedAndDoneAtTheDesk() throws Exception {
    try (Browser desk = new Browser(1280, 900); Browser kiosk = new Browser(1280, 1024); Browser phone = Browser.phone(360, 740)) {
      // Staff sign in and open desk 2 for passports with the keyboard alone.
      desk.driver.get(base + "/desk/hovedbiblioteket/skranke-2");
      desk.driver.findElement(By.id("user")).sendKeys("demo", Keys.TAB, "0000", Keys.ENTER);
      WebElement passports = desk.await(10).until(ExpectedConditions.elementToBeClickable(By.id("svc-pas")));
      passports.sendKeys(Keys.SPACE);
      desk.driver.findElement(By.id("open")).sendKeys(Keys.ENTER);
      desk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("work")));
      assertThat(desk.driver.findElement(By.id("desk-state")).getText()).isEqualTo("Åben");

      // A citizen takes a passport ticket; the node prints it on the kiosk's printer.
      kiosk.driver.get(base + "/kiosk/printer-kiosk#key=" + DEMO_KEY);
      WebElement pas = kiosk.await(10).until(ExpectedConditions.elementToBeClickable(
          By.cssSelector(".service-button.open[data-service='pas']")));
      assertThat(pas.getText()).contains("Pas").contains("Åben nu").contains("Medbring: Gammelt pas");
      kiosk.screenshot("kiosk-start");
      CompletableFuture<byte[]> receipt = nextReceipt();
      pas.click();
      String number = kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-number"))).getText();
      assertThat(number).matches("P\\d{3}");
      assertThat(kiosk.driver.findElement(By.id("ticket-service")).getText()).isEqualTo("Pas");
      assertThat(kiosk.driver.findElement(By.id("ticket-wait")).getText()).as("an idle desk serves passports").isEqualTo("Ingen ventetid");
      kiosk.await(10).until(ExpectedConditions.textToBe(By.id("print-status"), "Tag din billet fra printeren."));
      String phoneUrl = kiosk.driver.findElement(By.id("phone-link")).getAttribute("href");
      assertThat(phoneUrl).startsWith(base + "/t/hovedbiblioteket-");
      assertThat((Boolean) kiosk.driver.executeScript(
          "const i = document.getElementById('qr'); return i.complete && i.naturalWidth > 0;")).as("QR image loaded").isTrue();
      kiosk.screenshot("kiosk-issued");

      byte[] bytes = receipt.get(10, TimeUnit.SECONDS);
      String printed = new String(bytes, Charset.forName("windows-1252"));
      assertThat(printed).contains(number).contains("Pas").contains("Hovedbiblioteket").contains("Dit nummer");
      assertThat(qrData(bytes)).isEqualTo(phoneUrl);

      // The phone page shows the place in the queue, on a 360 px screen.
      phone.driver.get(phoneUrl);
      assertThat(phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("position"))).getText())
          .isEqualTo("Du er nr. 1 i køen");
      assertThat((Long) phone.driver.executeScript("return document.documentElement.scrollWidth"))
          .as("no sideways scrolling").isLessThanOrEqualTo(360);
      phone.screenshot("phone-waiting");

      // The desk calls with its shortcut; the phone follows live.
      desk.await(10).until(ExpectedConditions.elementToBeClickable(By.id("call-next")));
      assertThat(desk.driver.findElement(By.id("call-next")).getText()).contains("Kald næste").contains("N");
      new Actions(desk.driver).sendKeys("n").perform();
      desk.await(10).until(ExpectedConditions.textToBe(By.id("current-number"), number));
      assertThat(phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("go-to"))).getText())
          .isEqualTo("Gå til Skranke 2");
      phone.screenshot("phone-called");

      // Start, and the time at the desk ticks.
      desk.driver.findElement(By.id("start")).sendKeys(Keys.ENTER);
      desk.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("current"), "Betjenes"));
      String first = desk.driver.findElement(By.id("current-since")).getText();
      desk.await(4).until(d -> !d.findElement(By.id("current-since")).getText().equals(first));
      assertThat(desk.driver.findElement(By.id("queues")).getText()).contains("Pas");
      desk.driver.executeScript("window.scrollTo(0, 0)");
      desk.screenshot("desk-serving");

      // Done, with an outcome chosen by its Danish name.
      Select outcome = new Select(desk.driver.findElement(By.id("outcome")));
      assertThat(outcome.getOptions()).extracting(WebElement::getText).contains("Ekspederet", "Henvist videre");
      outcome.selectByVisibleText("Henvist videre");
      desk.driver.findElement(By.id("done")).sendKeys(Keys.ENTER);
      desk.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("current"), "Ingen borger ved skranken"));
      assertThat(phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ended"))).getText())
          .isEqualTo("Tak for besøget");

      // A pause with a reason from the list, then resume.
      new Select(desk.driver.findElement(By.id("pause-reason"))).selectByVisibleText("Frokost");
      desk.driver.findElement(By.id("pause")).click();
      desk.await(10).until(ExpectedConditions.textToBe(By.id("desk-state"), "Pause – Frokost"));
      desk.driver.findElement(By.id("resume")).click();
      desk.await(10).until(ExpectedConditions.textToBe(By.id("desk-state"), "Åben"));
    }
  }

  @Test
  void aPrinterFailureLeavesTheTicketOnScreenWithAClearMessage() throws Exception {
    try (Browser kiosk = new Browser(1280, 1024)) {
      kiosk.driver.get(base + "/kiosk/broken-printer-kiosk#key=" + DEMO_KEY);
      kiosk.await(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".service-button.open[data-service='laan']")))
          .click();
      String number = kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-number"))).getText();
      kiosk.await(15).until(ExpectedConditions.attributeContains(By.id("print-status"), "class", "failed"));
      assertThat(kiosk.driver.findElement(By.id("print-status")).getText())
          .isEqualTo("Printeren virker ikke lige nu. Dit nummer er " + number + " – husk det, eller scan QR-koden.");
      Http staff = new Http(base);
      assertThat(staff.get("/api/branches/hovedbiblioteket", staff.login("lars", "1234")).body().get("waiting").toString())
          .contains(number);
      kiosk.screenshot("kiosk-printer-failed");

      // The citizen leaves after all: the phone page gives the number up, after asking.
      kiosk.driver.get(kiosk.driver.findElement(By.id("phone-link")).getAttribute("href"));
      kiosk.await(10).until(ExpectedConditions.elementToBeClickable(By.id("leave"))).click();
      kiosk.await(5).until(ExpectedConditions.alertIsPresent()).dismiss();
      assertThat(kiosk.driver.findElement(By.id("position")).isDisplayed()).as("still waiting after 'no'").isTrue();
      kiosk.driver.findElement(By.id("leave")).click();
      assertThat(kiosk.await(5).until(ExpectedConditions.alertIsPresent()).getText()).isEqualTo("Vil du opgive dit nummer?");
      kiosk.driver.switchTo().alert().accept();
      assertThat(kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ended"))).getText())
          .isEqualTo("Dit nummer er annulleret");
      assertThat(staff.get("/api/branches/hovedbiblioteket", staff.login("lars", "1234")).body().get("waiting").toString())
          .doesNotContain(number);
    }
  }

  @Test
  void aServiceNobodyServesHereSaysWhereElseItIsOffered() throws Exception {
    try (Browser kiosk = new Browser(1280, 1024)) {
      kiosk.driver.get(base + "/kiosk/idle-kiosk");
      WebElement print = kiosk.await(10).until(ExpectedConditions.elementToBeClickable(
          By.cssSelector(".service-button[data-service='print']")));
      assertThat(print.getAttribute("class")).contains("closed");
      assertThat(print.getText()).contains("Ikke mulig her lige nu");
      print.click();
      WebElement box = kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("unavailable")));
      assertThat(box.getText()).contains("Hjælp til print kan ikke fås her lige nu").contains("Ingen her kan hjælpe");
      assertThat(box.findElement(By.cssSelector(".alternatives li[data-branch='filial-vest']")).getText())
          .startsWith("Vestby Bibliotek – ").containsAnyOf("åben nu", "åbner", "ikke muligt lige nu");
      kiosk.screenshot("kiosk-unavailable");
    }
  }

  @Test
  void theKioskGoesBackToTheStartInDanishWhenLeftAlone() throws Exception {
    try (Browser kiosk = new Browser(1280, 1024)) {
      kiosk.driver.get(base + "/kiosk/idle-kiosk");
      kiosk.await(10).until(ExpectedConditions.elementToBeClickable(By.id("language"))).click();
      kiosk.await(5).until(ExpectedConditions.textToBe(By.id("k-choose"), "What do you need help with?"));
      kiosk.await(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".service-button[data-service='print']")))
          .click();
      kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("unavailable")));
      assertThat(kiosk.driver.findElement(By.id("unavailable")).getText()).contains("Printing help is not available here");
      kiosk.screenshot("kiosk-english-unavailable");
      long start = System.nanoTime();
      kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("choose")));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(waited).as("idle time of this kiosk is 5 s").isBetween(3000L, 7000L);
      assertThat(kiosk.driver.findElement(By.id("k-choose")).getText()).isEqualTo("Hvad skal du have hjælp til?");
      assertThat(kiosk.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
    }
  }

  @Test
  void aKioskPastItsTicketsPerMinuteSaysSoKindly() throws Exception {
    try (Browser kiosk = new Browser(1280, 1024)) {
      kiosk.driver.get(base + "/kiosk/limit-kiosk#key=" + DEMO_KEY);
      for (int i = 0; i < 2; i++) {
        kiosk.await(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".service-button.open[data-service='laan']")))
            .click();
        kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-number")));
        if (i == 0) {
          // Without a printer of its own the kiosk prints from the browser: the receipt alone, 80 mm wide.
          kiosk.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
          assertThat(kiosk.driver.findElement(By.cssSelector("header.bar")).isDisplayed()).isFalse();
          assertThat(kiosk.driver.findElement(By.id("ticket-ok")).isDisplayed()).isFalse();
          assertThat(kiosk.driver.findElement(By.id("qr")).isDisplayed()).isTrue();
          kiosk.screenshot("kiosk-print-layout");
          kiosk.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
        kiosk.driver.findElement(By.id("ticket-ok")).click();
      }
      int waitingBefore = waiting();
      kiosk.await(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".service-button.open[data-service='laan']")))
          .click();
      WebElement note = kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("too-many")));
      assertThat(note.getText()).startsWith("Der er taget mange numre her på kort tid. Vent ").contains("sekunder");
      assertThat(waiting()).as("no ticket issued").isEqualTo(waitingBefore);
      kiosk.screenshot("kiosk-too-many");
    }
  }

  @Test
  void printingRefusesWhatItCannotPrintWithClearErrors() throws Exception {
    Http http = new Http(base);
    assertThat(http.post("/kiosk/nowhere/print", "{\"ticket\":\"x\"}").error()).isEqualTo("unknown_kiosk");
    assertThat(print(http, "idle-kiosk", "{\"ticket\":\"hovedbiblioteket-x\"}").error()).isEqualTo("no_printer");
    Reply missing = print(http, "printer-kiosk", "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("field").asText()).isEqualTo("ticket");
    Reply unknown = print(http, "printer-kiosk", "{\"ticket\":\"filial-vest-aaaaaaaaaaaaaaaa\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error()).isEqualTo("unknown_ticket");
    assertThat(http.get("/t/nowhere-aaaa/qr.svg").status()).isEqualTo(404);
  }

  /** A print request as the kiosk sends it, with its device key. */
  static Reply print(Http http, String kiosk, String body) throws Exception {
    return http.send("POST", "/kiosk/" + kiosk + "/print", body,
        java.util.Map.of("Content-Type", "application/json", dk.queue.core.http.Kiosks.KEY_HEADER, DEMO_KEY));
  }
}
