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
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Counts per minute, cluster-wide: one entry per key in a Hazelcast map, changed atomically where it
 * lives, expiring two minutes after its minute began. The map's size is capped by its configuration.
 */
final class RateLimits {
  private static final long MINUTE = 60_000;
  private final IMap<String, Window> windows;

  RateLimits(HazelcastInstance hazelcast) {
    this.windows = hazelcast.getMap(Addresses.RATE_MAP);
  }

  /** One key's count in the minute that began at {@code start}. */
  record Window(long start, int count) implements Serializable {}

  /** Takes one of {@code limit} for this minute: 0, or the seconds until the minute is over (nothing taken). */
  Future<Long> take(Context ctx, String key, int limit, Instant now) {
    return HazelcastFutures.of(windows.submitToKey(key, new Take(now.toEpochMilli(), limit)), ctx);
  }

  /** Gives back one taken at {@code at} that was not used after all. */
  Future<Void> giveBack(Context ctx, String key, Instant at) {
    return HazelcastFutures.of(windows.submitToKey(key, new Take(at.toEpochMilli(), -1)), ctx).mapEmpty();
  }

  /** Counts one in (limit > 0), or gives one back (limit -1), in the minute of {@code nowMillis}. */
  record Take(long nowMillis, int limit) implements EntryProcessor<String, Window, Long> {
    @Override
    public Long process(Map.Entry<String, Window> entry) {
      long start = nowMillis - nowMillis % MINUTE;
      Window w = entry.getValue() == null || entry.getValue().start() != start ? new Window(start, 0) : entry.getValue();
      if (limit < 0) {
        if (w.count() > 0) {
          set(entry, new Window(start, w.count() - 1));
        }
        return 0L;
      }
      if (w.count() >= limit) {
        return Math.max(1, (start + MINUTE - nowMillis + 999) / 1000);
      }
      set(entry, new Window(start, w.count() + 1));
      return 0L;
    }

    private void set(Map.Entry<String, Window> entry, Window w) {
      ((ExtendedMapEntry<String, Window>) entry).setValue(w, 2 * MINUTE - (nowMillis - w.start()), TimeUnit.MILLISECONDS);
    }
  }
}
