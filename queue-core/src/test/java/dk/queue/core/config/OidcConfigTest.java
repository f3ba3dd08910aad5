package dk.queue.core.config;

import static dk.queue.core.config.SampleConfig.FILE;
import static dk.queue.core.config.SampleConfig.VALID;
import static dk.queue.core.config.SampleConfig.afterLine;
import static dk.queue.core.config.SampleConfig.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code oidc:}: staff sign-in through an OpenID Connect provider, and the staff entries it matches. */
class OidcConfigTest {
  private static final String SECTION = String.join("\n",
      "oidc:",                                                   // 31
      "  issuer: https://login.example.dk/tenant/v2.0/",         // 32
      "  clientId: queue",                                       // 33
      "  publicUrl: https://koe.kommune.dk",                     // 34
      "");

  private static String with(String more) {
    return afterLine(30, SECTION + more);
  }

  @Test
  void withoutTheSectionThereIsNoProviderAndThePinWorks() {
    QueueConfig config = ConfigLoader.parse(VALID, FILE);
    assertThat(config.oidc()).isNull();
    assertThat(config.pinSignIn()).isTrue();
  }

  @Test
  void theSectionIsReadWithItsDefaults() {
    OidcConfig oidc = ConfigLoader.parse(afterLine(24, "    email: Demo.User@Kommune.dk") + "\n" + SECTION, FILE).oidc();
    assertThat(oidc.issuer()).isEqualTo("https://login.example.dk/tenant/v2.0");
    assertThat(oidc.redirectUri()).isEqualTo("https://koe.kommune.dk/auth/oidc/callback");
    assertThat(oidc.scopes()).containsExactly("openid");
    assertThat(oidc.matchBy()).isEqualTo(OidcConfig.MatchBy.EMAIL);
    assertThat(oidc.rolesClaim()).isNull();
    assertThat(oidc.pinSignIn()).isTrue();
    assertThat(oidc.clientSecret()).isEmpty();
    assertThat(oidc.user("demo.user@kommune.dk")).hasValue("demo");
    assertThat(oidc.user("someone@kommune.dk")).isEmpty();
  }

  @Test
  void subjectsRolesScopesAndTheSwitchedOffPinAreRead() {
    QueueConfig config = ConfigLoader.parse(afterLine(24, "    subject: 0a1b-2c3d") + "\n" + SECTION + String.join("\n",
        "  scopes: [email, profile, email]", "  matchBy: sub", "  rolesClaim: realm_access.roles", "  pinSignIn: false", ""),
        FILE);
    OidcConfig oidc = config.oidc();
    assertThat(oidc.scopes()).isEqualTo(List.of("openid", "email", "profile"));
    assertThat(oidc.user("0a1b-2c3d")).hasValue("demo");
    assertThat(oidc.user("0A1B-2C3D")).as("subjects are exact").isEmpty();
    assertThat(oidc.rolesClaim()).isEqualTo("realm_access.roles");
    assertThat(config.pinSignIn()).isFalse();
  }

  @Test
  void mistakesAreRefusedWhereTheyAreWritten() {
    refused(afterLine(30, "oidc: {clientId: queue, publicUrl: \"https://koe.kommune.dk\"}"), 31, 7, "oidc",
        "missing required field 'issuer'");
    refused(afterLine(30, SECTION.replace("https://login.example.dk/tenant/v2.0/", "login.example.dk")), 32, 11,
        "oidc.issuer", "'login.example.dk' is not an http(s) address");
    refused(with("  matchBy: upn\n"), 35, 12, "oidc.matchBy", "must be sub");
    refused(with("  clientSecretEnv: s3cret-value\n"), 35, 20, "oidc.clientSecretEnv",
        "is not an environment variable name");
    refused(with("  clientSecretEnv: QUEUE_TEST_SURELY_UNSET_SECRET\n"), 35, 20, "oidc.clientSecretEnv",
        "the environment variable QUEUE_TEST_SURELY_UNSET_SECRET is not set");
    refused(with("  rolesClaim: \"roles[0]\"\n"), 35, 15, "oidc.rolesClaim", "is not a claim name");
    refused(with("  pinSignin: false\n"), 35, 3, "oidc.pinSignin", "unknown field 'pinSignin'");
    refused(afterLine(24, "    email: not-an-address") + "\n" + SECTION, 25, 12, "staff[0].email", "is not an e-mail address");
  }
}
