package dk.queue.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff sign-in through an OpenID Connect provider ({@code oidc:} in the file): where the provider
 * is, who this application is to it, and how a signed-in person is found among the staff.
 *
 * @param issuer          the provider's issuer URL; its discovery document is read from there
 * @param clientId        this application's client id at the provider
 * @param clientSecretEnv the environment variable holding the client secret, or null for a public
 *                        client (PKCE alone)
 * @param publicUrl       the address users reach the nodes at (a load balancer's, in a cluster); the
 *                        provider sends them back to {@code publicUrl + /auth/oidc/callback}
 * @param scopes          the scopes asked for; always includes {@code openid}
 * @param matchBy         which claim finds the staff member: {@code sub} against a member's
 *                        {@code subject:}, {@code email} against a member's {@code email:}
 * @param rolesClaim      the claim that carries the roles ({@code admin}, {@code supervisor:<branch>}),
 *                        a dotted path for nested claims; null: the roles of the staff entry
 * @param pinSignIn       whether staff may still sign in with user name and PIN
 * @param identities      the claim value (subject, or e-mail in lower case) of each staff member
 *                        that has one, to their user name
 */
public record OidcConfig(String issuer, String clientId, String clientSecretEnv, String publicUrl, List<String> scopes,
                         MatchBy matchBy, String rolesClaim, boolean pinSignIn, Map<String, String> identities) {
  /** Where the provider sends the browser back to. */
  public static final String CALLBACK_PATH = "/auth/oidc/callback";

  /** Which claim finds the staff member. */
  public enum MatchBy {
    SUB("sub"), EMAIL("email");

    private final String claim;

    MatchBy(String claim) {
      this.claim = claim;
    }

    public String claim() {
      return claim;
    }
  }

  public OidcConfig {
    scopes = List.copyOf(scopes);
    identities = Map.copyOf(identities);
  }

  public String redirectUri() {
    return publicUrl + CALLBACK_PATH;
  }

  /** The client secret from the environment; empty for a public client. */
  public Optional<String> clientSecret() {
    return Optional.ofNullable(clientSecretEnv).map(System::getenv);
  }

  /** The user name of the staff member the claim value belongs to. */
  public Optional<String> user(String claimValue) {
    if (claimValue == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(identities.get(matchBy == MatchBy.EMAIL ? claimValue.toLowerCase(java.util.Locale.ROOT)
        : claimValue));
  }
}
