package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.IMap;
import dk.queue.core.config.ConfigLoader;
import dk.queue.core.engine.Addresses;
import dk.queue.core.node.ClusterOptions;
import dk.queue.core.node.Http;
import dk.queue.core.node.Ports;
import dk.queue.core.node.TestConfig;
import dk.queue.core.node.TestNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Staff sign-in through a real OpenID Connect provider started here, in a real chromium, against two
 * clustered nodes: the sign-in starts on one node and the provider sends the browser back to the
 * other (the configuration's public URL), which finds the flow in the cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcBrowserIT {
  private static final String HASH = TestConfig.PIN_HASH;
  private static OidcSignIn provider;
  private static TestNode a;
  private static TestNode b;
  private static Browser browser;
  private static String yaml;

  @BeforeAll
  static void start() throws Exception {
    provider = new OidcSignIn();
    int clusterA = Ports.free();
    int clusterB = Ports.free();
    int httpB = Ports.free();
    yaml = TestConfig.TWO_BRANCHES_YAML + String.join("\n",
        "staff:",
        "  - {user: anna, name: Anna, pinHash: \"" + HASH + "\", skills: [pas], email: Anna.Hansen@kommune.dk}",
        "  - {user: boss, name: Boss, pinHash: \"" + HASH + "\", skills: [pas], admin: true, email: boss@kommune.dk}",
        "outcomes: [served]",
        provider.section("http://127.0.0.1:" + httpB));
    Path data = Files.createTempDirectory("queue-oidc");
    Path file = data.resolve("organisation.yaml");
    Files.writeString(file, yaml);
    List<String> members = List.of("127.0.0.1:" + clusterA, "127.0.0.1:" + clusterB);
    a = TestNode.start(data.resolve("a"), o -> o.withConfig(ConfigLoader.load(file)).withWebModules(Main.webModules())
        .withCluster(new ClusterOptions(true, "127.0.0.1", clusterA, members, false, 1, 1, "oidc-test")));
    b = TestNode.start(data.resolve("b"), o -> o.withConfig(ConfigLoader.load(file)).withWebModules(Main.webModules())
        .withPort(httpB).withCluster(new ClusterOptions(true, "127.0.0.1", clusterB, members, false, 1, 1, "oidc-test")));
    for (int i = 0; i < 100 && a.node.hazelcast().getCluster().getMembers().size() < 2; i++) {
      Thread.sleep(100);
    }
    assertThat(a.node.hazelcast().getCluster().getMembers()).hasSize(2);
    browser = new Browser(1280, 1000);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    b.close();
    a.close();
    provider.close();
  }

  private static IMap<String, String> sessions() {
    return a.node.hazelcast().getMap(Addresses.SESSION_MAP);
  }

  @Test
  @Order(1)
  void aStaffMemberSignsInWithTheProviderAtADeskOfOneNodeAndCallsATicket() throws Exception {
    var d = browser.driver;
    d.get(a.base() + "/desk/main/d1");
    assertThat(d.findElement(By.id("oidc-signin")).getText()).isEqualTo("Log ind med kommunens konto");
    // The e-mail is matched whatever its case.
    provider.signIn(browser, "7f3c-anna", "{\"email\": \"anna.hansen@kommune.dk\"}");
    browser.await(10).until(ExpectedConditions.elementToBeClickable(By.id("svc-pas"))).click();
    // Back on the node of the public URL, signed in, and the token is no longer in the address.
    assertThat(d.getCurrentUrl()).isEqualTo(b.base() + "/desk/main/d1");
    assertThat(d.findElement(By.id("who")).getText()).contains("Anna");
    browser.screenshot("oidc-desk-signed-in");
    d.findElement(By.id("open")).click();
    browser.await(10).until(ExpectedConditions.textToBe(By.id("desk-state"), "Åben"));
    Http.Reply issued = a.post("/api/branches/main/tickets", "{\"service\":\"pas\"}");
    assertThat(issued.status()).as(issued.text()).isEqualTo(201);
    String ticket = issued.body().get("number").asText();
    browser.await(10).until(ExpectedConditions.elementToBeClickable(By.id("call-next"))).click();
    browser.await(10).until(ExpectedConditions.textToBe(By.id("current-number"), ticket));
    String token = (String) d.executeScript("return sessionStorage.getItem('desk-token')");
    Http.Reply me = a.get("/api/me", token);
    assertThat(me.body().get("user").asText()).as("the same session on every node").isEqualTo("anna");
    d.findElement(By.id("sign-out")).click();
    browser.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("oidc-signin")));
    assertThat(a.get("/api/me", token).status()).isEqualTo(401);

    // Started on the node of the public URL itself (as with a single node), the sign-in works too.
    d.get(b.base() + "/desk/main/d1");
    provider.signIn(browser, "7f3c-anna", "{\"email\": \"anna.hansen@kommune.dk\"}");
    try {
      browser.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("not signed in at " + d.getCurrentUrl() + "; the page says: "
          + d.findElement(By.tagName("body")).getText(), e);
    }
    d.findElement(By.id("sign-out")).click();
    browser.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("oidc-signin")));
  }

  @Test
  @Order(2)
  void anAdministratorSignsInWithTheProviderOnTheAdministrationPage() throws Exception {
    var d = browser.driver;
    d.get(a.base() + "/admin");
    // Staff without the role are signed in, and told what they may not do.
    provider.signIn(browser, "7f3c-anna", "{\"email\": \"anna.hansen@kommune.dk\"}");
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "anna is not admin"));
    provider.signIn(browser, "b0ss", "{\"email\": \"boss@kommune.dk\"}");
    browser.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("work")));
    assertThat(d.findElement(By.id("signin")).isDisplayed()).isFalse();
    assertThat(d.getCurrentUrl()).isEqualTo(b.base() + "/admin");
    assertThat(d.findElement(By.cssSelector("#branch option")).getText()).isEqualTo("Hovedbiblioteket");
    browser.screenshot("oidc-admin-signed-in");

    // Started on the node of the public URL itself, the same.
    d.get(b.base() + "/admin");
    provider.signIn(browser, "b0ss", "{\"email\": \"boss@kommune.dk\"}");
    try {
      browser.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("work")));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("not signed in at " + d.getCurrentUrl() + "; the page says: "
          + d.findElement(By.tagName("body")).getText(), e);
    }
  }

  @Test
  @Order(3)
  void someoneNotInTheConfigurationIsRefusedAndNoSessionIsMade() throws Exception {
    int before = sessions().size();
    var d = browser.driver;
    d.get(a.base() + "/desk/main/d1");
    d.executeScript("sessionStorage.clear()");
    provider.signIn(browser, "stranger", "{\"email\": \"someone.else@kommune.dk\"}");
    assertThat(browser.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("oidc-note"))).getText())
        .isEqualTo("Din konto er ikke oprettet som medarbejder her. Bed en administrator om at tilføje dig.");
    assertThat(d.findElement(By.id("login")).isDisplayed()).isTrue();
    assertThat(d.executeScript("return sessionStorage.getItem('desk-token')")).isNull();
    assertThat(d.getCurrentUrl()).doesNotContain("#");
    assertThat(sessions().size()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void aSignInTheProviderRefusesOrThatIsReplayedMakesNoSession() throws Exception {
    int before = sessions().size();
    HttpResponse<String> started = get(a.base() + "/auth/oidc/login?return=/desk/main/d1");
    assertThat(started.statusCode()).isEqualTo(302);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(provider.issuer()).contains("code_challenge_method=S256").contains("nonce=");
    String state = location.replaceAll(".*[?&]state=([^&]+).*", "$1");
    HttpResponse<String> refused = get(b.base() + "/auth/oidc/callback?state=" + state + "&error=access_denied");
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location")).hasValue("/desk/main/d1#oidc-error=refused");
    HttpResponse<String> again = get(a.base() + "/auth/oidc/callback?state=" + state + "&code=anything");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("sign_in_expired");
    // Only pages of this site are gone back to.
    String elsewhere = get(a.base() + "/auth/oidc/login?return=//evil.example/x").headers().firstValue("Location")
        .orElseThrow();
    String otherState = elsewhere.replaceAll(".*[?&]state=([^&]+).*", "$1");
    assertThat(get(a.base() + "/auth/oidc/callback?state=" + otherState + "&error=x").headers().firstValue("Location"))
        .hasValue("/#oidc-error=refused");
    assertThat(sessions().size()).isEqualTo(before);

    var d = browser.driver;
    d.get(a.base() + "/desk/main/d1#oidc-error=refused");
    assertThat(browser.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("oidc-note"))).getText())
        .startsWith("Login hos kommunens konto blev afbrudt");
  }

  @Test
  @Order(5)
  void withPinSignInTurnedOffThePinIsRefusedAndTheProviderStillSignsInWithRolesFromItsClaim() throws Exception {
    String boss = a.login("boss");
    String off = yaml.replace("  matchBy: email\n", "  matchBy: email\n  pinSignIn: false\n  rolesClaim: groups.queue\n");
    Http.Reply saved = a.send("POST", "/api/admin/config", off,
        java.util.Map.of("Content-Type", "application/yaml", "Authorization", "Bearer " + boss));
    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    for (int i = 0; i < 100 && (a.node.engine().config().pinSignIn() || b.node.engine().config().pinSignIn()); i++) {
      Thread.sleep(50);
    }
    Http.Reply pin = b.post("/api/login", "{\"user\":\"anna\",\"pin\":\"1234\"}");
    assertThat(pin.status()).isEqualTo(403);
    assertThat(pin.error()).isEqualTo("pin_sign_in_off");

    var d = browser.driver;
    d.get(a.base() + "/desk/main/d1");
    d.executeScript("sessionStorage.clear()");
    assertThat(d.findElement(By.id("pin")).isDisplayed()).as("the PIN field is not offered").isFalse();
    // Typed in anyway (the field shown by hand), the PIN is refused in words.
    d.executeScript("document.querySelectorAll('#login label, #login input, #sign-in').forEach(e => e.hidden = false)");
    d.findElement(By.id("user")).sendKeys("anna");
    d.findElement(By.id("pin")).sendKeys("1234");
    d.findElement(By.id("sign-in")).click();
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "Log ind med PIN er slået fra her"));
    provider.signIn(browser, "7f3c-anna", "{\"email\": \"anna.hansen@kommune.dk\"}");
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Anna"));
    assertThat(d.findElement(By.id("login")).isDisplayed()).isFalse();

    // Roles now come from the provider's claim: Anna is an administrator there, the boss is not.
    d.get(a.base() + "/admin");
    provider.signIn(browser, "b0ss", "{\"email\": \"boss@kommune.dk\", \"groups\": {\"queue\": [\"staff\"]}}");
    browser.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "boss is not admin"));
    provider.signIn(browser, "7f3c-anna", "{\"email\": \"anna.hansen@kommune.dk\", \"groups\": {\"queue\": [\"admin\"]}}");
    browser.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("work")));
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return Http.CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
