package dk.queue.ops;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A real OpenID Connect provider for tests (mock-oauth2-server, in this JVM, with its login form)
 * and the browser steps of signing in through it from a page that offers "Log ind med kommunens konto".
 */
final class OidcSignIn implements AutoCloseable {
  /** The client id the configuration names; the provider accepts any. */
  static final String CLIENT_ID = "queue";
  private final MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true));

  OidcSignIn() {
    server.start();
  }

  /** The provider's issuer, as the configuration's {@code oidc.issuer}. */
  String issuer() {
    String url = server.issuerUrl("kommune").toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * The configuration's {@code oidc:} section, staff matched by e-mail, sent back to {@code publicUrl},
   * with more fields of the section (indented as fields, such as {@code "  pinSignIn: false"}).
   */
  String section(String publicUrl, String... more) {
    return String.join("\n", "oidc:", "  issuer: " + issuer(), "  clientId: " + CLIENT_ID, "  publicUrl: " + publicUrl,
        "  scopes: [email, profile]", "  matchBy: email", String.join("\n", more), "");
  }

  /**
   * On a page showing the provider's button: clicks it, signs in at the provider as {@code subject}
   * with the claims (a JSON object such as {@code {"email": "anna@kommune.dk"}}), and waits until the
   * browser is back on the site.
   */
  void signIn(Browser browser, String subject, String claims) {
    browser.await(10).until(ExpectedConditions.elementToBeClickable(By.id("oidc-signin"))).click();
    browser.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(subject);
    browser.driver.findElement(By.name("claims")).sendKeys(claims);
    browser.driver.findElement(By.cssSelector("input[type=submit]")).click();
    String provider = server.baseUrl().toString();
    browser.await(10).until(d -> !d.getCurrentUrl().startsWith(provider)
        && "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
