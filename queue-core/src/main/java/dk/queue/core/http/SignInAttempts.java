package dk.queue.core.http;

import dk.queue.core.engine.HazelcastFutures;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import dk.queue.core.engine.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sign-in attempts, counted cluster-wide in a Hazelcast map, per (user, client address) and per
 * client address alone. An attempt is reserved atomically, where the key lives, before the PIN is
 * hashed: parallel guesses cannot slip past the count. After a few free attempts each further one
 * must wait a delay that doubles up to {@link #MAX_DELAY}, so a four-digit PIN takes weeks to guess
 * from one address; a right PIN from another address is never held back by someone else's guesses.
 * Keys are hashes (fixed size, whatever the user name), and each entry expires a day after its last
 * attempt; the map is also capped by the eviction of its configuration.
 */
final class SignInAttempts {
  /** Attempts for one user from one address before the delays begin. */
  static final int FREE_PER_USER = 3;
  /** Attempts from one address, all users together, before the delays begin. */
  static final int FREE_PER_ADDRESS = 20;
  static final Duration MAX_DELAY = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofDays(1);

  private final IMap<String, Attempts> attempts;

  SignInAttempts(HazelcastInstance hazelcast) {
    this.attempts = hazelcast.getMap(Addresses.SIGN_IN_MAP);
  }

  /** The count of one key: failed or pending attempts, and when the next may begin. */
  record Attempts(int count, long notBeforeMillis) implements Serializable {}

  /**
   * Reserves an attempt for {@code user} from {@code address}: succeeds with nothing, or fails with
   * 429 and the seconds to wait. A reserved attempt counts as failed until {@link #succeeded} clears it.
   */
  Future<Void> reserve(Context ctx, String user, String address, Instant now) {
    return reserve(ctx, key("user", user + "\n" + address), FREE_PER_USER, now)
        .compose(v -> reserve(ctx, key("address", address), FREE_PER_ADDRESS, now));
  }

  /** A right PIN: the counts of the user and of the address start again. */
  Future<Void> succeeded(Context ctx, String user, String address) {
    return HazelcastFutures.of(attempts.removeAsync(key("user", user + "\n" + address)), ctx)
        .compose(v -> HazelcastFutures.of(attempts.removeAsync(key("address", address)), ctx)).mapEmpty();
  }

  private Future<Void> reserve(Context ctx, String key, int free, Instant now) {
    return HazelcastFutures.of(attempts.submitToKey(key, new Reserve(now.toEpochMilli(), free)), ctx)
        .compose(waitMillis -> {
          if (waitMillis == 0) {
            return Future.succeededFuture();
          }
          long seconds = (waitMillis + 999) / 1000;
          return Future.failedFuture(new ApiException(429, "too_many_requests",
              "Too many sign-in attempts; try again in " + seconds + " s", Map.of("retryAfterSeconds", seconds)));
        });
  }

  /** The wait before attempt number {@code n + 1} when {@code n} attempts have been made. */
  static long delayMillis(int n, int free) {
    if (n < free) {
      return 0;
    }
    int doublings = Math.min(n - free, 20);
    return Math.min(1000L << doublings, MAX_DELAY.toMillis());
  }

  private static String key(String kind, String text) {
    return kind + ":" + Sha256.hex(text);
  }

  /** Runs where the key lives: answers 0 and counts the attempt, or the millis still to wait. */
  record Reserve(long nowMillis, int free) implements EntryProcessor<String, Attempts, Long> {
    @Override
    public Long process(Map.Entry<String, Attempts> entry) {
      Attempts a = entry.getValue() == null ? new Attempts(0, 0) : entry.getValue();
      if (nowMillis < a.notBeforeMillis()) {
        return a.notBeforeMillis() - nowMillis;
      }
      int count = a.count() + 1;
      Attempts next = new Attempts(count, nowMillis + delayMillis(count, free));
      ((ExtendedMapEntry<String, Attempts>) entry).setValue(next, FORGET_AFTER.toSeconds(), TimeUnit.SECONDS);
      return 0L;
    }
  }
}
