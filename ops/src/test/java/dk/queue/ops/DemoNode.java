package dk.queue.ops;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.QueueNode;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/** A node in this JVM with the demo organisation and every page, on a free port, for browser tests. */
final class DemoNode {
  private DemoNode() {}

  static QueueNode start(String dataPrefix) throws Exception {
    NodeOptions options = NodeOptions.defaults(ConfigLoader.demo(), Files.createTempDirectory(dataPrefix))
        .withPort(0).withWebModules(Main.webModules());
    return QueueNode.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static String base(QueueNode node) {
    return "http://127.0.0.1:" + node.port();
  }

  static void stop(QueueNode node) throws Exception {
    node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
