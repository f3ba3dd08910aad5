package dk.queue.core.web;

import dk.queue.core.config.QueueConfig;
import dk.queue.core.engine.Feeds;
import io.vertx.core.Vertx;

/**
 * What a web module may use of the node it runs in. Read the configuration through {@link #config()}
 * on each request: it changes while the node runs.
 *
 * @param configs  the node's current configuration
 * @param nodeUrls where browsers reach every node, for pages to move on when their node goes away
 * @param metrics  the node's metrics, for counting connected clients
 * @param engine   the node's engine, for pages that read a branch's state or a ticket directly
 * @param kiosks   kiosks' device keys, which kiosk issued which ticket, and the public address
 */
public record NodeContext(Vertx vertx, java.util.function.Supplier<QueueConfig> configs, Feeds feeds,
                          java.util.List<String> nodeUrls, dk.queue.core.metrics.QueueMetrics metrics,
                          dk.queue.core.engine.Engine engine, dk.queue.core.http.Kiosks kiosks) {
  /** The configuration now. */
  public QueueConfig config() {
    return configs.get();
  }
}
