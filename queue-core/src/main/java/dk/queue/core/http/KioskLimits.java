package dk.queue.core.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * How many tickets each kiosk has issued in the last minute, so that a stuck key or a playful child
 * cannot empty a queue's numbers. A sliding window per kiosk, kept by the node that serves the kiosk:
 * behind a load balancer a kiosk stays on one node, and after a move it starts a fresh window.
 */
final class KioskLimits {
  static final Duration WINDOW = Duration.ofMinutes(1);

  private final Map<String, Deque<Instant>> issued = new HashMap<>();

  /**
   * Takes one of the kiosk's tickets for this minute. Answers zero when taken, otherwise how many
   * seconds until the oldest ticket of the window leaves it (and nothing is taken).
   */
  synchronized long take(String kiosk, int perMinute, Instant now) {
    Deque<Instant> times = issued.computeIfAbsent(kiosk, k -> new ArrayDeque<>());
    while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
      times.removeFirst();
    }
    if (times.size() >= perMinute) {
      return Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds() + 1);
    }
    times.addLast(now);
    return 0;
  }

  /** Gives back a ticket taken at {@code at} that was not issued after all (the service was refused). */
  synchronized void giveBack(String kiosk, Instant at) {
    Deque<Instant> times = issued.get(kiosk);
    if (times != null) {
      times.removeLastOccurrence(at);
    }
  }
}
