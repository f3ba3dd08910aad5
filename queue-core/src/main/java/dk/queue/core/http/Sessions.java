package dk.queue.core.http;

import dk.queue.core.engine.HazelcastFutures;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.config.StaffMember;
import dk.queue.core.engine.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Staff sign-in: bearer tokens held in a cluster map with a time to live, so that any node accepts
 * them and they expire on their own. The map holds a SHA-256 hash of each token, never the token:
 * whoever reads it learns nothing to sign in with. Attempts are counted and slowed down by
 * {@link SignInAttempts}; an unknown user costs the same hashing as a known one and gets the same answer.
 */
public final class Sessions {
  private final IMap<String, String> tokens;
  /** The roles of sessions whose roles came from the provider's claim, under the same keys as {@link #tokens}. */
  private final IMap<String, String> providerRoles;
  private final SignInAttempts attempts;
  /** Checked when the user is unknown, so that the answer takes as long as for a known user. */
  private final String dummyHash;
  private final java.util.function.Supplier<QueueConfig> config;
  private final Duration ttl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** @param config the node's configuration now: staff and their PINs change with it */
  public Sessions(HazelcastInstance hazelcast, java.util.function.Supplier<QueueConfig> config, Duration ttl, Clock clock) {
    this.tokens = hazelcast.getMap(Addresses.SESSION_MAP);
    this.providerRoles = hazelcast.getMap(Addresses.SESSION_ROLES_MAP);
    this.config = config;
    this.ttl = ttl;
    this.clock = clock;
    this.attempts = new SignInAttempts(hazelcast);
    int cost = config.get().staff().values().stream().map(StaffMember::pinHash).filter(h -> h.matches("\\$2[aby]\\$\\d\\d\\$.*"))
        .map(h -> Integer.parseInt(h.substring(4, 6))).findFirst().orElse(10);
    this.dummyHash = BCrypt.hashpw("no such user", BCrypt.gensalt(cost));
  }

  /**
   * Reserves an attempt for (user, client address), checks the PIN (off the event loop: hashing is
   * slow on purpose) and opens a session.
   */
  Future<String> login(Context ctx, String user, String pin, String address) {
    if (!config.get().pinSignIn()) {
      return Future.failedFuture(new ApiException(403, "pin_sign_in_off",
          "PIN sign-in is turned off here; sign in with the municipality's account"));
    }
    StaffMember staff = config.get().staff().get(user);
    return attempts.reserve(ctx, user, address, clock.instant())
        .compose(v -> ctx.<Boolean>executeBlocking(() -> matches(staff, pin), false))
        .compose(ok -> {
          if (!ok) {
            return Future.failedFuture(ApiException.unauthorized("Unknown user or wrong PIN"));
          }
          return attempts.succeeded(ctx, user, address).compose(x -> open(ctx, user, null));
        });
  }

  /**
   * Opens a session for a user who has proved who they are, and answers its token.
   *
   * @param roles the roles a provider gave them ({@link ProviderRoles}), or null: those of their staff entry
   */
  Future<String> open(Context ctx, String user, String roles) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    String key = hash(token);
    Future<?> granted = roles == null ? Future.succeededFuture()
        : HazelcastFutures.of(providerRoles.setAsync(key, roles, ttl.toSeconds(), TimeUnit.SECONDS), ctx);
    return granted.compose(x -> HazelcastFutures.of(tokens.setAsync(key, user, ttl.toSeconds(), TimeUnit.SECONDS), ctx))
        .map(x -> token);
  }

  /** Whether the PIN is the staff member's; for an unknown user, as slow a no. */
  private boolean matches(StaffMember staff, String pin) {
    if (staff == null) {
      BCrypt.checkpw(pin, dummyHash);
      return false;
    }
    return staff.pinMatches(pin);
  }

  /** The key of a token in the session map. */
  static String hash(String token) {
    return Sha256.hex(token);
  }

  /** The signed-in staff member of a request, or a 401. */
  Future<StaffMember> staff(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Future.failedFuture(ApiException.unauthorized("Sign in: send Authorization: Bearer <token>"));
    }
    String key = hash(header.substring(7).trim());
    Context ctx = rc.vertx().getOrCreateContext();
    return HazelcastFutures.of(tokens.getAsync(key), ctx).compose(user -> {
      StaffMember staff = user == null ? null : config.get().staff().get(user);
      if (staff == null) {
        return Future.failedFuture(ApiException.unauthorized("The session has expired; sign in again"));
      }
      if (!ProviderRoles.claimed(config.get())) {
        return Future.succeededFuture(staff);
      }
      return HazelcastFutures.of(providerRoles.getAsync(key), ctx)
          .map(roles -> roles == null ? staff : ProviderRoles.apply(staff, roles));
    });
  }

  /** Ends the request's session: the user it was of, or null when there was none. */
  Future<String> logout(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || header.length() <= 7) {
      return Future.succeededFuture();
    }
    String key = hash(header.substring(7).trim());
    providerRoles.removeAsync(key);
    return HazelcastFutures.of(tokens.removeAsync(key), rc.vertx().getOrCreateContext());
  }

  /**
   * Calls {@code ended} with the user of each session that ran out, once in the cluster (on the
   * member that held it), on a Hazelcast thread.
   */
  public void onExpired(java.util.function.Consumer<String> ended) {
    tokens.addLocalEntryListener((com.hazelcast.map.listener.EntryExpiredListener<String, String>)
        e -> ended.accept(e.getOldValue()), com.hazelcast.query.Predicates.alwaysTrue(), true);
  }

  /** Whether the user still has a session somewhere. Blocks: it asks every member. */
  public boolean signedIn(String user) {
    return !tokens.values(com.hazelcast.query.Predicates.equal("this", user)).isEmpty();
  }
}
