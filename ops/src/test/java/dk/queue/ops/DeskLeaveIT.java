package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.node.ClusterOptions;
import dk.queue.core.node.Http;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.Ports;
import dk.queue.core.node.QueueNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * In a real headless chromium against real nodes: closing or pausing the last desk of a service
 * with citizens waiting asks what becomes of them, and their phones, the kiosk and /ops show what
 * was chosen; a desk page whose node restarts shows whether it is still signed in before the next action.
 */
class DeskLeaveIT {
  static final String BRANCH = "/api/branches/hovedbiblioteket/";
  static QueueNode node;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    node = DemoNode.start("queue-desk-leave");
    base = DemoNode.base(node);
  }

  @AfterAll
  static void stop() throws Exception {
    DemoNode.stop(node);
  }

  static String issue(String service) throws Exception {
    return new Http(base).post(BRANCH + "tickets", "{\"service\":\"" + service + "\"}").body().get("id").asText();
  }

  static String active(Browser b) {
    return (String) b.driver.executeScript("return document.activeElement && document.activeElement.id");
  }

  /** Clicks the desk's button, and waits for the dialog that asks what becomes of those waiting. */
  static String asked(Browser desk, String button) {
    desk.await(10).until(ExpectedConditions.elementToBeClickable(By.id(button))).click();
    desk.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("leave")));
    desk.await(5).until(d -> "leave-keep".equals(active(desk)));
    return desk.driver.findElement(By.id("leave-counts")).getText();
  }

  @Test
  void closingOrPausingTheLastDeskWithCitizensWaitingAsksAndTheirPhonesShowTheChoice() throws Exception {
    Http http = new Http(base);
    String jens = http.login("jens", "1234");
    assertThat(http.post(BRANCH + "desks/skranke-2/open", "{\"services\":[\"laan\"]}", jens).status()).isEqualTo(200);
    try (Browser desk = new Browser(1280, 900); Browser phone = Browser.phone(390, 800);
         Browser kiosk = new Browser(1280, 1024)) {
      openDesk(desk, base, "skranke-1");
      String first = issue("pas");
      phone.driver.get(base + "/t/" + first);
      phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("position")));
      long before = http.seq("hovedbiblioteket");

      // A pause asks first, in Danish and English, and cancelling changes nothing.
      assertThat(asked(desk, "pause")).contains("Pas: 1 venter").contains("Passport: 1 waiting");
      assertThat(desk.driver.findElement(By.id("leave-title")).getText()).contains("Der venter stadig borgere")
          .contains("Citizens are still waiting");
      desk.driver.findElement(By.id("leave-cancel")).click();
      desk.await(5).until(d -> "pause".equals(active(desk)));
      assertThat(http.seq("hovedbiblioteket")).as("nothing changed").isEqualTo(before);

      // Keep waiting: the phone, the kiosk, the screen, /ops and the metrics behind the alert say nobody serves them.
      asked(desk, "pause");
      desk.driver.findElement(By.id("leave-confirm")).click();
      desk.await(10).until(ExpectedConditions.textToBe(By.id("desk-state"), "Pause"));
      assertThat(phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("unserved"))).getText())
          .isEqualTo("Ingen skranke betjener denne kø lige nu. Du beholder din plads.");
      kiosk.driver.get(base + "/kiosk/hovedbiblioteket-kiosk#key=demo-kiosk-key");
      assertThat(kiosk.await(10).until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".service-button[data-service='pas'] .status"))).getText())
          .isEqualTo("Ingen skranke betjener køen lige nu · 1 venter");
      kiosk.driver.get(base + "/screens/hovedbiblioteket-venteomraade");
      // Read within the wait: the screen draws its region again at each change, replacing the row.
      assertThat(kiosk.await(10).until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector("tr.service[data-service='pas'] .status"), "Ingen skranke lige nu"))).isTrue();
      kiosk.driver.get(base + "/ops");
      kiosk.await(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.unserved[data-service='pas'] td.late")));
      assertThat(kiosk.driver.findElements(By.cssSelector("tr.unserved")))
          .extracting(e -> e.getAttribute("data-service")).containsExactly("pas");
      String metrics = http.get("/metrics").text();
      assertThat(metrics).contains("queue_waiting{branch=\"hovedbiblioteket\",service=\"pas\"} 1.0")
          .contains("queue_service_desks{branch=\"hovedbiblioteket\",service=\"pas\"} 0.0");
      desk.driver.findElement(By.id("resume")).click();
      phone.await(10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("unserved")));

      // Move to another service that another desk serves: the phone says where it went.
      asked(desk, "close");
      desk.driver.findElement(By.id("leave-move")).click();
      assertThat(new Select(desk.driver.findElement(By.id("leave-service"))).getOptions())
          .as("only services another open desk serves").extracting(e -> e.getAttribute("value")).containsExactly("laan");
      desk.driver.findElement(By.id("leave-confirm")).click();
      desk.await(10).until(ExpectedConditions.textToBe(By.id("desk-state"), "Lukket"));
      assertThat(phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("moved"))).getText())
          .isEqualTo("Du er flyttet fra Pas til denne kø.");
      assertThat(phone.driver.findElement(By.className("ticket-service")).getText()).isEqualTo("Hjælp til lån");
      assertThat(http.get("/api/tickets/" + first).body().get("service").asText()).isEqualTo("laan");

      // End with a message: the phone shows it.
      desk.await(10).until(ExpectedConditions.elementToBeClickable(By.id("svc-pas"))).click();
      desk.driver.findElement(By.id("open")).click();
      desk.await(10).until(ExpectedConditions.textToBe(By.id("desk-state"), "Åben"));
      String second = issue("pas");
      phone.driver.get(base + "/t/" + second);
      phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("position")));
      asked(desk, "close");
      desk.driver.findElement(By.id("leave-end")).click();
      desk.driver.findElement(By.id("leave-message")).clear();
      desk.driver.findElement(By.id("leave-message")).sendKeys("Kom igen i morgen kl. 10");
      desk.driver.findElement(By.id("leave-confirm")).sendKeys(Keys.ENTER);
      desk.await(10).until(ExpectedConditions.textToBe(By.id("desk-state"), "Lukket"));
      assertThat(phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-message"))).getText())
          .isEqualTo("Kom igen i morgen kl. 10");
      assertThat(phone.driver.findElement(By.id("ended")).getText()).isEqualTo("Dit nummer er afsluttet af personalet.");
      assertThat(desk.driver.findElement(By.id("error")).isDisplayed()).isFalse();
      assertThat(http.post(BRANCH + "desks/skranke-2/close", "{}", jens).status()).as("nobody left for loans").isEqualTo(409);
      assertThat(http.post(BRANCH + "desks/skranke-2/close", "{\"waiting\":{\"choice\":\"keep\"}}", jens).status())
          .isEqualTo(200);
    }
  }

  static QueueNode startNode(Path data, int port, UnaryOperator<NodeOptions> more) throws Exception {
    NodeOptions options = more.apply(NodeOptions.defaults(ConfigLoader.demo(), data).withPort(port)
        .withWebModules(Main.webModules()));
    return QueueNode.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Signs in as demo at the desk and opens it for passports; answers the page's token. */
  static String openDesk(Browser desk, String url, String deskId) {
    desk.driver.get(url + "/desk/hovedbiblioteket/" + deskId);
    desk.driver.findElement(By.id("user")).sendKeys("demo", Keys.TAB, "0000", Keys.ENTER);
    desk.await(10).until(ExpectedConditions.elementToBeClickable(By.id("svc-pas"))).click();
    desk.driver.findElement(By.id("open")).click();
    desk.await(10).until(ExpectedConditions.textToBe(By.id("desk-state"), "Åben"));
    return (String) desk.driver.executeScript("return sessionStorage.getItem('desk-token')");
  }

  @Test
  void aDeskPageWhoseNodeRestartsAloneSaysItIsSignedOutBeforeTheNextActionAndTheDeskIsAsItWas() throws Exception {
    Path data = Files.createTempDirectory("queue-desk-restart");
    int port = Ports.free();
    QueueNode alone = startNode(data, port, o -> o);
    String url = "http://127.0.0.1:" + port;
    try (Browser desk = new Browser(1280, 900)) {
      openDesk(desk, url, "skranke-3");
      DemoNode.stop(alone);
      alone = startNode(data, port, o -> o);
      // The stream comes back to a node that has never seen this sign-in: the page says so at once.
      assertThat(desk.await(45).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-note"))).getText())
          .isEqualTo("Du er logget ud – log ind igen.");
      assertThat(desk.driver.findElement(By.id("who")).getText()).isEmpty();
      assertThat(desk.driver.findElement(By.id("work")).isDisplayed()).isFalse();
      assertThat(active(desk)).isEqualTo("user");
      // Signed in again, the desk is as it was before the restart: open, for passports.
      assertThat(desk.driver.findElement(By.id("desk-state")).getText()).as("no state shown while signed out").isEmpty();
      desk.driver.findElement(By.id("user")).clear();
      desk.driver.findElement(By.id("user")).sendKeys("demo", Keys.TAB, "0000", Keys.ENTER);
      desk.await(10).until(ExpectedConditions.textToBe(By.id("desk-state"), "Åben"));
      assertThat(desk.driver.findElement(By.id("login-note")).isDisplayed()).isFalse();
      desk.driver.findElement(By.id("call-next")).click();
      desk.await(10).until(ExpectedConditions.textToBe(By.id("notice-text"), "Ingen venter på dine ydelser"));
    } finally {
      DemoNode.stop(alone);
    }
  }

  @Test
  void aSignInOutlivesTheRestartOfTheNodeTheDeskPageTalksTo() throws Exception {
    int httpA = Ports.free();
    int httpB = Ports.free();
    int hzA = Ports.free();
    int hzB = Ports.free();
    List<String> members = List.of("127.0.0.1:" + hzA, "127.0.0.1:" + hzB);
    List<String> urls = List.of("http://127.0.0.1:" + httpA, "http://127.0.0.1:" + httpB);
    String name = "desk-leave-" + ProcessHandle.current().pid();
    UnaryOperator<NodeOptions> clusterA = o -> o.withNodeUrls(urls)
        .withCluster(new ClusterOptions(true, "127.0.0.1", hzA, members, false, 1, 1, name));
    UnaryOperator<NodeOptions> clusterB = o -> o.withNodeUrls(urls)
        .withCluster(new ClusterOptions(true, "127.0.0.1", hzB, members, false, 1, 1, name));
    Path dataA = Files.createTempDirectory("queue-desk-a");
    QueueNode a = startNode(dataA, httpA, clusterA);
    QueueNode b = startNode(Files.createTempDirectory("queue-desk-b"), httpB, clusterB);
    try (Browser desk = new Browser(1280, 900)) {
      for (int i = 0; i < 100 && a.hazelcast().getCluster().getMembers().size() < 2; i++) {
        Thread.sleep(100);
      }
      String token = openDesk(desk, urls.get(0), "skranke-3");
      DemoNode.stop(a);
      a = startNode(dataA, httpA, clusterA);
      for (int i = 0; i < 100 && a.hazelcast().getCluster().getMembers().size() < 2; i++) {
        Thread.sleep(100);
      }
      // Held by the cluster with a backup: the restarted node knows the sign-in too.
      assertThat(new Http(urls.get(0)).get("/api/me", token).status()).isEqualTo(200);
      String number = new Http(urls.get(1)).post(BRANCH + "tickets", "{\"service\":\"pas\"}").body().get("number").asText();
      desk.await(30).until(d -> d.findElements(By.cssSelector("#waiting .call-this")).size() == 1);
      assertThat(desk.driver.findElement(By.id("who")).getText()).isEqualTo("Logget ind som Demo Medarbejder");
      assertThat(desk.driver.findElement(By.id("login")).isDisplayed()).isFalse();
      desk.driver.findElement(By.id("call-next")).click();
      desk.await(10).until(ExpectedConditions.textToBe(By.id("current-number"), number));
      assertThat(desk.driver.findElement(By.id("error")).isDisplayed()).isFalse();
    } finally {
      DemoNode.stop(b);
      DemoNode.stop(a);
    }
  }
}
