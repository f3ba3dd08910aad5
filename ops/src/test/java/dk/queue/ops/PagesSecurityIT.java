package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.http.EdgeOptions;
import dk.queue.core.http.Kiosks;
import dk.queue.core.node.Http;
import dk.queue.core.node.Http.Reply;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.QueueNode;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages and the receipt printer against strangers: every page carries a strict policy and has no
 * inline script, style or handler; a receipt names the configured public address whatever {@code Host}
 * says, and only the kiosk that issued a ticket prints it, at most twice.
 */
class PagesSecurityIT {
  static final String PUBLIC_URL = "https://koe.example.dk";
  static final String KEY = "demo-kiosk-key";
  static QueueNode node;
  static String base;
  static ServerSocket printer;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    printer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    String yaml;
    try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.DEMO_RESOURCE)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String hash = "deviceKeySha256: " + Kiosks.sha256(KEY);
    yaml = yaml.replace("kiosks:\n", "kiosks:\n"
        + "  - {id: printer-kiosk, branch: hovedbiblioteket, printer: \"127.0.0.1:" + printer.getLocalPort() + "\", " + hash + "}\n"
        + "  - {id: other-kiosk, branch: hovedbiblioteket, printer: \"127.0.0.1:" + printer.getLocalPort() + "\", " + hash + "}\n");
    NodeOptions options = NodeOptions.defaults(ConfigLoader.parse(yaml, "pages-security.yaml"),
        Files.createTempDirectory("queue-pages")).withPort(0).withWebModules(Main.webModules())
        .withEdge(EdgeOptions.defaults().withPublicUrl(PUBLIC_URL));
    node = QueueNode.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + node.port();
    http = new Http(base);
    assertThat(http.post("/api/branches/hovedbiblioteket/desks/skranke-3/open", "{\"services\":[\"laan\"]}",
        http.login("lars", "1234")).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    printer.close();
    node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\b(src=|type=\"application/json\"))[^>]*>");
  private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=");
  private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE);

  @Test
  void everyPageHasAStrictPolicyAndNoInlineScriptStyleOrHandler() throws Exception {
    String ticket = issue("printer-kiosk").body().get("id").asText();
    for (String path : new String[] {"/", "/kiosk/printer-kiosk", "/desk/hovedbiblioteket/skranke-1", "/t/" + ticket,
        "/screens/hovedbiblioteket-venteomraade", "/ops", "/ops/plan"}) {
      HttpResponse<String> r = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).as(path).contains("script-src 'self'").contains("style-src 'self'").doesNotContain("unsafe");
      assertThat(csp).as(path).contains(path.startsWith("/screens/") ? "frame-ancestors 'self'" : "frame-ancestors 'none'");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).as("a ticket's address leaks to no one").contains("no-referrer");
      assertThat(INLINE_SCRIPT.matcher(r.body()).find()).as("inline script in " + path).isFalse();
      assertThat(INLINE_STYLE.matcher(r.body()).find()).as("inline style in " + path).isFalse();
      assertThat(HANDLER.matcher(r.body()).find()).as("inline handler in " + path).isFalse();
    }
  }

  @Test
  void thePagesRunUnderThePolicyWithoutAViolationInARealBrowser() throws Exception {
    String ticket = issue("printer-kiosk").body().get("id").asText();
    try (Browser browser = new Browser(1280, 900)) {
      // Injected by the browser itself, so it runs before the page's own scripts and outside the policy.
      browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
          "window.violations = []; document.addEventListener('securitypolicyviolation',"
              + " function (e) { window.violations.push(e.violatedDirective + ' ' + e.blockedURI); });"));
      Map<String, String> readyWhen = Map.of(
          "/kiosk/printer-kiosk#key=" + KEY, "return document.querySelectorAll('.service-button').length > 0",
          "/desk/hovedbiblioteket/skranke-1", "return document.getElementById('user') !== null",
          "/t/" + ticket, "var p = document.getElementById('position'); return p !== null && p.textContent.length > 0",
          "/screens/hovedbiblioteket-venteomraade",
          "return getComputedStyle(document.body).getPropertyValue('--bg').trim().length > 0");
      for (Map.Entry<String, String> page : readyWhen.entrySet()) {
        browser.driver.get(base + page.getKey());
        browser.await(20).until(d -> Boolean.TRUE.equals(browser.driver.executeScript(page.getValue())));
        Thread.sleep(500);
        assertThat((java.util.List<?>) browser.driver.executeScript("return window.violations")).as(page.getKey()).isEmpty();
      }
    }
  }

  private static Reply issue(String kiosk) throws Exception {
    Reply r = http.send("POST", "/api/branches/hovedbiblioteket/tickets",
        "{\"service\":\"laan\",\"kiosk\":\"" + kiosk + "\"}", Map.of("Content-Type", "application/json", Kiosks.KEY_HEADER, KEY));
    assertThat(r.status()).isEqualTo(201);
    return r;
  }

  /** A print request as an attacker may send it: any Host, any key. */
  private static String print(String kiosk, String ticket, String key) throws Exception {
    String body = "{\"ticket\":\"" + ticket + "\"}";
    try (Socket s = new Socket("127.0.0.1", node.port())) {
      s.setSoTimeout(15_000);
      s.getOutputStream().write(("POST /kiosk/" + kiosk + "/print HTTP/1.1\r\nHost: evil.example\r\n"
          + "Content-Type: application/json\r\nConnection: close\r\n" + (key == null ? "" : Kiosks.KEY_HEADER + ": " + key + "\r\n")
          + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static CompletableFuture<byte[]> nextReceipt() {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket s = printer.accept()) {
        return s.getInputStream().readAllBytes();
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
  }

  @Test
  void onlyTheIssuingKioskPrintsATicketTwiceAtMostWithThePublicAddress() throws Exception {
    String ticket = issue("printer-kiosk").body().get("id").asText();
    assertThat(print("printer-kiosk", ticket, null)).startsWith("HTTP/1.1 401").contains("invalid_device_key");
    assertThat(print("printer-kiosk", ticket, "guessed")).startsWith("HTTP/1.1 401");
    assertThat(print("other-kiosk", ticket, KEY)).as("another kiosk's ticket").startsWith("HTTP/1.1 404");
    for (int i = 0; i < 2; i++) {
      CompletableFuture<byte[]> receipt = nextReceipt();
      assertThat(print("printer-kiosk", ticket, KEY)).startsWith("HTTP/1.1 200");
      assertThat(TerminalsFlowIT.qrData(receipt.get(10, TimeUnit.SECONDS)))
          .as("the configured address, not the Host header").isEqualTo(PUBLIC_URL + "/t/" + ticket);
    }
    assertThat(print("printer-kiosk", ticket, KEY)).startsWith("HTTP/1.1 409").contains("\"printed\"");
    Reply phone = http.post("/api/branches/hovedbiblioteket/tickets", "{\"service\":\"laan\",\"channel\":\"mobile\"}");
    assertThat(print("printer-kiosk", phone.body().get("id").asText(), KEY)).as("a ticket no kiosk issued")
        .startsWith("HTTP/1.1 404");
  }

  @Test
  void aQrCodeAskedOverHttp10WithoutHostIsNoServerError() throws Exception {
    String ticket = issue("printer-kiosk").body().get("id").asText();
    for (String path : new String[] {"/t/x/qr.svg", "/t/" + ticket + "/qr.svg"}) {
      try (Socket s = new Socket("127.0.0.1", node.port())) {
        s.setSoTimeout(15_000);
        s.getOutputStream().write(("GET " + path + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).as(path).matches("(?s)HTTP/1\\.0 (200|400|404) .*");
      }
    }
  }
}
