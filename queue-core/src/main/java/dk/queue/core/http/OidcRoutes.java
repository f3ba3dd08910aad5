package dk.queue.core.http;

import dk.queue.core.engine.HazelcastFutures;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dk.queue.core.config.OidcConfig;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.engine.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Staff sign-in through an OpenID Connect provider: the authorization code flow with PKCE, the
 * provider found by discovery from its issuer. {@code GET /auth/oidc/login?return=/desk/...} sends
 * the browser to the provider; {@code GET /auth/oidc/callback} takes its answer, finds the staff
 * member (by {@code oidc.matchBy}) and opens the same kind of session as a PIN sign-in. The browser
 * goes back to the page it came from with the token in the fragment ({@code #oidc=<token>}), which
 * no server sees and the page removes at once, or with what went wrong ({@code #oidc-error=<code>}).
 * <p>
 * The flow's state (PKCE verifier, nonce, page) is kept in a cluster map under the {@code state}
 * parameter, for {@link #FLOW_TTL} and once only, so the callback may reach any node; the map is
 * capped like the other maps keyed by strangers' requests.
 */
public final class OidcRoutes {
  public static final String LOGIN = "/auth/oidc/login";
  static final long FLOW_TTL_SECONDS = 600;
  static final long PROVIDER_TIMEOUT_SECONDS = 10;
  /** A page of this site to come back to: a path, without a scheme, host, query or fragment. */
  private static final String LOCAL_PATH = "/[A-Za-z0-9/_.~-]{0,200}";
  private static final Logger LOG = Logger.getLogger(OidcRoutes.class.getName());

  private final Vertx vertx;
  private final Supplier<QueueConfig> config;
  private final Sessions sessions;
  private final IMap<String, String> flows;
  private final SecureRandom random = new SecureRandom();
  /** The provider as discovered for {@link #discoveredFor}; discovered again after a failure or a new setup. */
  private OidcConfig discoveredFor;
  private Future<OAuth2Auth> provider;

  public OidcRoutes(Vertx vertx, Supplier<QueueConfig> config, Sessions sessions, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.config = config;
    this.sessions = sessions;
    this.flows = hazelcast.getMap(Addresses.OIDC_FLOW_MAP);
  }

  public void mount(Router router) {
    router.get(LOGIN).handler(this::start);
    router.get(OidcConfig.CALLBACK_PATH).handler(this::finish);
    router.route("/auth/oidc/*").failureHandler(Errors::handle);
  }

  private void start(RoutingContext rc) {
    OidcConfig oidc = setUp();
    String back = Optional.ofNullable(rc.queryParams().get("return")).filter(p -> p.matches(LOCAL_PATH)
        && !p.startsWith("//") && !p.contains("..")).orElse("/");
    String state = randomText();
    String nonce = randomText();
    String verifier = randomText();
    JsonObject flow = new JsonObject().put("verifier", verifier).put("nonce", nonce).put("back", back);
    Context ctx = rc.vertx().getOrCreateContext();
    provider(oidc)
        .compose(auth -> HazelcastFutures.of(flows.setAsync(state, flow.encode(), FLOW_TTL_SECONDS, TimeUnit.SECONDS), ctx)
            .map(v -> auth.authorizeURL(new OAuth2AuthorizationURL().setRedirectUri(oidc.redirectUri())
                .setScopes(oidc.scopes()).setState(state).setCodeChallenge(challenge(verifier))
                .setCodeChallengeMethod("S256").putAdditionalParameter("nonce", nonce))))
        .onSuccess(url -> redirect(rc, url))
        .onFailure(e -> {
          LOG.log(Level.WARNING, "OpenID Connect provider " + oidc.issuer() + " cannot be reached", e);
          redirect(rc, back + "#oidc-error=unavailable");
        });
  }

  private void finish(RoutingContext rc) {
    OidcConfig oidc = setUp();
    String state = rc.queryParams().get("state");
    if (state == null || state.length() > 100) {
      throw expired();
    }
    Context ctx = rc.vertx().getOrCreateContext();
    HazelcastFutures.of(flows.removeAsync(state), ctx).onFailure(rc::fail).onSuccess(text -> {
      if (text == null) {
        rc.fail(expired());
        return;
      }
      JsonObject flow = new JsonObject(text);
      String back = flow.getString("back");
      String refused = rc.queryParams().get("error");
      String code = rc.queryParams().get("code");
      if (refused != null || code == null) {
        LOG.info("OpenID Connect sign-in refused by the provider: "
            + (refused == null ? "no code" : refused.replaceAll("[^A-Za-z0-9_.-]", "?")));
        redirect(rc, back + "#oidc-error=refused");
        return;
      }
      provider(oidc)
          .compose(auth -> auth.authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE).setCode(code)
              .setRedirectUri(oidc.redirectUri()).setCodeVerifier(flow.getString("verifier")))
              .timeout(PROVIDER_TIMEOUT_SECONDS, TimeUnit.SECONDS))
          .onFailure(e -> {
            LOG.log(Level.WARNING, "OpenID Connect sign-in failed at the token exchange", e);
            redirect(rc, back + "#oidc-error=failed");
          })
          .onSuccess(user -> {
            JsonObject claims = user.attributes().getJsonObject("idToken");
            if (claims == null || !flow.getString("nonce").equals(claims.getValue("nonce"))) {
              LOG.warning("OpenID Connect sign-in refused: the ID token's nonce is not the one sent");
              redirect(rc, back + "#oidc-error=failed");
              return;
            }
            QueueConfig now = config.get();
            String claimValue = claims.getValue(oidc.matchBy().claim()) instanceof String value ? value : null;
            Optional<String> staff = oidc.user(claimValue).filter(now.staff()::containsKey);
            if (staff.isEmpty()) {
              LOG.info("OpenID Connect sign-in refused: no staff member has " + oidc.matchBy().claim() + " " + claimValue);
              redirect(rc, back + "#oidc-error=unknown_user");
              return;
            }
            String roles = oidc.rolesClaim() == null ? null : ProviderRoles.of(claims, oidc,
                now.branches().stream().map(BranchDef::id).collect(Collectors.toSet()));
            sessions.open(ctx, staff.get(), roles)
                .onSuccess(token -> redirect(rc, back + "#oidc=" + token))
                .onFailure(rc::fail);
          });
    });
  }

  /** The configuration's provider setup, or a 404 where there is none. */
  private OidcConfig setUp() {
    OidcConfig oidc = config.get().oidc();
    if (oidc == null) {
      throw ApiException.notFound("not_found", "Sign-in through an identity provider is not set up here");
    }
    return oidc;
  }

  private synchronized Future<OAuth2Auth> provider(OidcConfig oidc) {
    if (provider == null || !oidc.equals(discoveredFor) || provider.failed()) {
      discoveredFor = oidc;
      // A provider that does not answer fails the sign-in in time, and is asked again the next time.
      provider = OpenIDConnectAuth.discover(vertx, new OAuth2Options().setClientId(oidc.clientId())
          .setClientSecret(oidc.clientSecret().orElse(null)).setSite(oidc.issuer()))
          .timeout(PROVIDER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    return provider;
  }

  private static ApiException expired() {
    return new ApiException(400, "sign_in_expired",
        "This sign-in is unknown, was used already or took too long; start again from the desk or the administration page");
  }

  private static void redirect(RoutingContext rc, String location) {
    rc.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
  }

  private String randomText() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The PKCE challenge of a verifier: its SHA-256, base64url. */
  private static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
