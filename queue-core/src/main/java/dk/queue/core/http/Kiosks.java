package dk.queue.core.http;

import dk.queue.core.engine.HazelcastFutures;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import dk.queue.core.config.KioskDef;
import dk.queue.core.domain.Channel;
import dk.queue.core.engine.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Who may take how many tickets, and which kiosk may print which. A kiosk proves itself with its
 * device key ({@value #KEY_HEADER}), whose SHA-256 the configuration holds; it then takes up to its
 * own limit per minute, counted cluster-wide. Anyone else takes up to a few tickets per minute per
 * client address, and mobile tickets are also limited per branch. A ticket issued at a kiosk with its
 * key is remembered for {@link #PRINTABLE_FOR}: only that kiosk may print it, at most {@link #MAX_PRINTS} times.
 * Bookings and check-in codes tried are limited per client address the same way ({@link #takeBooking}).
 */
public final class Kiosks {
  public static final String KEY_HEADER = "X-Device-Key";
  public static final Duration PRINTABLE_FOR = Duration.ofMinutes(10);
  public static final int MAX_PRINTS = 2;

  private final EdgeOptions edge;
  private final RateLimits limits;
  private final IMap<String, Printed> printed;

  public Kiosks(HazelcastInstance hazelcast, EdgeOptions edge) {
    this.edge = edge;
    this.limits = new RateLimits(hazelcast);
    this.printed = hazelcast.getMap(Addresses.KIOSK_TICKET_MAP);
  }

  /** Where phones reach the system: the configured public address, or {@code fallback} when none is. */
  public String publicUrl(String fallback) {
    return edge.publicUrl() != null ? edge.publicUrl() : fallback;
  }

  /** Whether the request carries the kiosk's own device key (a kiosk without a configured key has none). */
  public static boolean proves(HttpServerRequest request, KioskDef kiosk) {
    String key = request.getHeader(KEY_HEADER);
    if (key == null || kiosk.deviceKeySha256() == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(key).getBytes(StandardCharsets.US_ASCII),
        kiosk.deviceKeySha256().getBytes(StandardCharsets.US_ASCII));
  }

  /** The hex SHA-256 of a device key, as the configuration holds it. */
  public static String sha256(String key) {
    return Sha256.hex(key);
  }

  /**
   * Takes one ticket of this minute for the kiosk (proven) or the client address, and for the branch
   * when the ticket is mobile. Answers the keys taken, to give back if the ticket is refused; fails
   * with 429 beyond a limit, having taken nothing.
   */
  Future<List<String>> take(Context ctx, String branch, Channel channel, KioskDef kiosk, String address,
                                      Instant now) {
    String first = kiosk != null ? "kiosk:" + kiosk.id() : "address:" + address;
    int firstLimit = kiosk != null ? kiosk.maxTicketsPerMinute() : edge.ticketsPerAddressPerMinute();
    String who = kiosk != null ? "This kiosk has" : "This address has";
    Future<List<String>> taken = take(ctx, first, firstLimit, now, who + " taken " + firstLimit
        + " tickets in the last minute").map(v -> List.of(first));
    if (channel != Channel.MOBILE) {
      return taken;
    }
    String second = "mobile:" + branch;
    return taken.compose(keys -> take(ctx, second, edge.remoteTicketsPerBranchPerMinute(), now,
            "The branch has issued " + edge.remoteTicketsPerBranchPerMinute() + " mobile tickets in the last minute")
        .map(v -> List.of(first, second))
        .recover(e -> limits.giveBack(ctx, first, now).compose(v -> Future.failedFuture(e))));
  }

  /**
   * Takes one booking ({@code checkIn} false) or one check-in code tried of this minute: a kiosk
   * proven by its key checks in up to its own limit (a check-in issues a ticket, counted with its
   * tickets); any other client, of its address's limit, tried codes known or not. Fails with 429
   * beyond it, having taken nothing.
   */
  Future<Void> takeBooking(Context ctx, boolean checkIn, KioskDef kiosk, String address, Instant now) {
    if (kiosk != null) {
      return take(ctx, "kiosk:" + kiosk.id(), kiosk.maxTicketsPerMinute(), now,
          "This kiosk has taken " + kiosk.maxTicketsPerMinute() + " tickets in the last minute");
    }
    int limit = edge.bookingsPerAddressPerMinute();
    return checkIn
        ? take(ctx, "check-in:" + address, limit, now, "This address has tried " + limit + " check-in codes in the last minute")
        : take(ctx, "booking:" + address, limit, now, "This address has booked " + limit + " times in the last minute");
  }

  /**
   * The kiosk named in a request when the request proves it with the kiosk's device key; null when no
   * kiosk is named or the kiosk has no key (the request then counts against the client's address).
   */
  static KioskDef proven(dk.queue.core.config.QueueConfig config, HttpServerRequest request, String id, String branch) {
    if (id == null) {
      return null;
    }
    KioskDef kiosk = config.kiosk(id)
        .orElseThrow(() -> ApiException.invalid("kiosk", "no kiosk '" + id + "' is configured"));
    if (!kiosk.branch().equals(branch)) {
      throw ApiException.invalid("kiosk", "kiosk '" + id + "' stands at " + kiosk.branch() + ", not " + branch);
    }
    if (proves(request, kiosk)) {
      return kiosk;
    }
    if (request.getHeader(KEY_HEADER) != null) {
      throw new ApiException(401, "invalid_device_key", "This is not kiosk '" + id + "''s device key");
    }
    return null;
  }

  void giveBack(Context ctx, List<String> keys, Instant at) {
    keys.forEach(k -> limits.giveBack(ctx, k, at));
  }

  private Future<Void> take(Context ctx, String key, int limit, Instant now, String message) {
    return limits.take(ctx, key, limit, now).compose(wait -> wait == 0 ? Future.succeededFuture()
        : Future.failedFuture(new ApiException(429, "too_many_requests", message + "; try again in " + wait + " s",
            Map.of("retryAfterSeconds", wait))));
  }

  /** Remembers that the kiosk issued the ticket, for its receipt. */
  Future<Void> issued(Context ctx, String ticket, KioskDef kiosk) {
    return HazelcastFutures.of(printed.setAsync(ticket, new Printed(kiosk.id(), 0),
        PRINTABLE_FOR.toSeconds(), TimeUnit.SECONDS), ctx).mapEmpty();
  }

  /**
   * Takes one print of a ticket for the kiosk: fails with 404 when the kiosk did not issue it (or too
   * long ago), 409 when it is printed {@link #MAX_PRINTS} times already.
   */
  public Future<Void> takePrint(Context ctx, String ticket, KioskDef kiosk) {
    return HazelcastFutures.of(printed.submitToKey(ticket, new Print(kiosk.id())), ctx).compose(answer -> {
      if (answer == Print.PRINT) {
        return Future.succeededFuture();
      }
      if (answer == Print.NOT_ISSUED_HERE) {
        return Future.failedFuture(ApiException.notFound("unknown_ticket",
            "Kiosk '" + kiosk.id() + "' did not issue ticket '" + ticket + "' in the last " + PRINTABLE_FOR.toMinutes() + " min"));
      }
      return Future.failedFuture(new ApiException(409, "printed", "The receipt is printed " + MAX_PRINTS + " times already"));
    });
  }

  /** Which kiosk issued a ticket, and how often its receipt was printed. */
  record Printed(String kiosk, int prints) implements Serializable {}

  /** Counts one print where the entry lives. */
  record Print(String kiosk) implements EntryProcessor<String, Printed, Integer> {
    static final int PRINT = 0;
    static final int NOT_ISSUED_HERE = 1;
    static final int PRINTED_ENOUGH = 2;

    @Override
    public Integer process(Map.Entry<String, Printed> entry) {
      Printed p = entry.getValue();
      if (p == null || !p.kiosk().equals(kiosk)) {
        return NOT_ISSUED_HERE;
      }
      if (p.prints() >= MAX_PRINTS) {
        return PRINTED_ENOUGH;
      }
      // Keeps the entry's remaining time to live.
      ((ExtendedMapEntry<String, Printed>) entry).setValueWithoutChangingExpiryTime(new Printed(kiosk, p.prints() + 1));
      return PRINT;
    }
  }
}
