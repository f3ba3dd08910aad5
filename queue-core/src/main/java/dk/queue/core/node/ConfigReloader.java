package dk.queue.core.node;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.engine.Addresses;
import dk.queue.core.engine.Engine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A new configuration while the node runs (a {@code SIGHUP} reload of its file, the admin API):
 * checked like one at start, then taken on by the engine, branch by branch; once taken on, its
 * text goes to the other nodes, which read it too, so that every node serves the same staff,
 * screens and kiosks.
 */
public final class ConfigReloader {
  private static final System.Logger LOG = System.getLogger(ConfigReloader.class.getName());
  private final Vertx vertx;
  private final Engine engine;
  private final String nodeId;

  /** @param nodeId this node's id in the cluster: it does not read what it sent itself */
  ConfigReloader(Vertx vertx, Engine engine, String nodeId) {
    this.vertx = vertx;
    this.engine = engine;
    this.nodeId = nodeId;
    vertx.eventBus().<String>consumer(Addresses.CONFIG, m -> {
      JsonObject body = new JsonObject(m.body());
      if (nodeId.equals(body.getString("from"))) {
        return;
      }
      vertx.<QueueConfig>executeBlocking(() -> ConfigLoader.parse(body.getString("yaml"), body.getString("source")), false)
          .onSuccess(c -> {
            engine.adopt(c);
            LOG.log(System.Logger.Level.INFO, "configuration " + c.source() + " taken on from another node");
          })
          .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "configuration from another node refused: " + e.getMessage()));
    });
  }

  /**
   * Reads and takes on configuration text.
   *
   * @throws dk.queue.core.config.ConfigException (as the failure) if the text is not a valid configuration
   */
  public Future<Engine.Reconfigured> reload(String yaml, String source) {
    return apply(yaml, source)
        .onSuccess(r -> {
          if (r.refused().isEmpty()) {
            vertx.eventBus().publish(Addresses.CONFIG,
                new JsonObject().put("from", nodeId).put("yaml", yaml).put("source", source).encode());
          }
        });
  }

  /** Reads and takes on configuration text here, telling no other node (they learn it elsewhere). */
  Future<Engine.Reconfigured> apply(String yaml, String source) {
    return vertx.executeBlocking(() -> ConfigLoader.parse(yaml, source), false).compose(engine::reconfigure);
  }

  /** Takes on text whose branches another node has already changed. Blocks while it reads. */
  void adopt(String yaml, String source) {
    engine.adopt(ConfigLoader.parse(yaml, source));
  }
}
