package dk.queue.core.http;

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
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Staff sign-in: bearer tokens held in a cluster map with a time to live, so that any node accepts
 * them and they expire on their own. Repeated wrong PINs lock the user out for a while.
 */
public final class Sessions {
  static final int MAX_FAILURES = 5;
  static final Duration LOCKOUT = Duration.ofMinutes(1);

  private final IMap<String, String> tokens;
  private final java.util.function.Supplier<QueueConfig> config;
  private final Duration ttl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /** @param config the node's configuration now: staff and their PINs change with it */
  public Sessions(HazelcastInstance hazelcast, java.util.function.Supplier<QueueConfig> config, Duration ttl, Clock clock) {
    this.tokens = hazelcast.getMap(Addresses.SESSION_MAP);
    this.config = config;
    this.ttl = ttl;
    this.clock = clock;
  }

  private record Failures(int count, Instant since) {}

  /** Checks the PIN (off the event loop: hashing is slow on purpose) and opens a session. */
  Future<String> login(Context ctx, String user, String pin) {
    StaffMember staff = config.get().staff().get(user);
    Failures f = failures.get(user);
    if (f != null && f.count() >= MAX_FAILURES && f.since().plus(LOCKOUT).isAfter(clock.instant())) {
      return Future.failedFuture(new ApiException(429, "too_many_requests",
          "Too many wrong PINs; try again in a minute"));
    }
    return ctx.<Boolean>executeBlocking(() -> staff != null && staff.pinMatches(pin), false).compose(ok -> {
      if (!ok) {
        failures.merge(user, new Failures(1, clock.instant()),
            (a, b) -> a.since().plus(LOCKOUT).isAfter(clock.instant()) ? new Failures(a.count() + 1, a.since()) : b);
        return Future.failedFuture(ApiException.unauthorized("Unknown user or wrong PIN"));
      }
      failures.remove(user);
      byte[] bytes = new byte[24];
      random.nextBytes(bytes);
      String token = HexFormat.of().formatHex(bytes);
      return Future.fromCompletionStage(tokens.setAsync(token, user, ttl.toSeconds(), TimeUnit.SECONDS), ctx)
          .map(v -> token);
    });
  }

  /** The signed-in staff member of a request, or a 401. */
  Future<StaffMember> staff(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Future.failedFuture(ApiException.unauthorized("Sign in: send Authorization: Bearer <token>"));
    }
    String token = header.substring(7).trim();
    return Future.fromCompletionStage(tokens.getAsync(token), rc.vertx().getOrCreateContext()).compose(user -> {
      StaffMember staff = user == null ? null : config.get().staff().get(user);
      if (staff == null) {
        return Future.failedFuture(ApiException.unauthorized("The session has expired; sign in again"));
      }
      return Future.succeededFuture(staff);
    });
  }

  Future<Void> logout(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || header.length() <= 7) {
      return Future.succeededFuture();
    }
    return Future.fromCompletionStage(tokens.removeAsync(header.substring(7).trim()), rc.vertx().getOrCreateContext())
        .mapEmpty();
  }
}
