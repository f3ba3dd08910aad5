package dk.queue.core.engine;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The feeds of a node, one per branch, opened when first asked for. A feed that failed to open
 * (its event-bus consumer could not be registered) is forgotten, so the next subscriber opens it
 * again instead of waiting on the failure for ever.
 */
final class FeedSet<F> {
  private final Map<String, Future<F>> feeds = new ConcurrentHashMap<>();
  private final Function<String, Future<F>> open;

  FeedSet(Function<String, Future<F>> open) {
    this.open = open;
  }

  Future<F> get(String branch) {
    Future<F> feed = feeds.computeIfAbsent(branch, open);
    feed.onFailure(e -> feeds.remove(branch, feed));
    return feed;
  }

  /** Runs {@code action} on every feed that is open. */
  void forEach(Consumer<F> action) {
    feeds.values().forEach(f -> f.onSuccess(action::accept));
  }

  /** The feeds that are open, by branch. */
  Map<String, F> open() {
    Map<String, F> open = new java.util.TreeMap<>();
    feeds.forEach((b, f) -> {
      if (f.succeeded()) {
        open.put(b, f.result());
      }
    });
    return open;
  }
}
