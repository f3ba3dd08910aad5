package dk.queue.core.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real node in this JVM on a free port with a fresh data folder, and a real HTTP client to it. */
public final class TestNode implements AutoCloseable {
  public final QueueNode node;
  public final Path dataDir;
  public final java.net.http.HttpClient http = Http.CLIENT;
  private final Http client;

  private TestNode(QueueNode node, Path dataDir) {
    this.node = node;
    this.dataDir = dataDir;
    this.client = new Http("http://127.0.0.1:" + node.port());
  }

  public static TestNode start() throws Exception {
    return start(Files.createTempDirectory("queue-node"));
  }

  public static TestNode start(Path dataDir) throws Exception {
    return start(dataDir, o -> o);
  }

  /** A node keeping its events in PostgreSQL at {@code storeUrl} (a {@code postgres://} address). */
  public static TestNode withStore(String storeUrl) throws Exception {
    return start(Files.createTempDirectory("queue-node"), o -> o.withStore(storeUrl));
  }

  /**
   * A node with options of its own, given the test defaults: the anonymous ticket limits lifted, since
   * tests of other things take many tickets from one address (SecurityIT sets them back).
   */
  public static TestNode start(Path dataDir, java.util.function.UnaryOperator<NodeOptions> options) throws Exception {
    NodeOptions o = options.apply(NodeOptions.defaults(TestConfig.create(), dataDir).withPort(0)
        .withEdge(dk.queue.core.http.EdgeOptions.defaults().withTickets(100_000, 100_000).withBookings(100_000)));
    return start(o, dataDir);
  }

  private static TestNode start(NodeOptions options, Path dataDir) throws Exception {
    QueueNode node = QueueNode.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    return new TestNode(node, dataDir);
  }

  public String base() {
    return client.base();
  }

  public Http.Reply get(String path) throws Exception {
    return client.get(path);
  }

  public Http.Reply get(String path, String token) throws Exception {
    return client.get(path, token);
  }

  public Http.Reply delete(String path) throws Exception {
    return client.delete(path);
  }

  public Http.Reply post(String path, String json) throws Exception {
    return client.post(path, json);
  }

  public Http.Reply post(String path, String json, String token) throws Exception {
    return client.post(path, json, token);
  }

  public Http.Reply post(String path, String json, String token, String key) throws Exception {
    return client.post(path, json, token, key);
  }

  public Http.Reply send(String method, String path, String body, java.util.Map<String, String> headers) throws Exception {
    return client.send(method, path, body, headers);
  }

  /** A JSON POST from kiosk {@code main-kiosk}, with its device key. */
  public Http.Reply postAsKiosk(String path, String json) throws Exception {
    return client.send("POST", path, json, java.util.Map.of("Content-Type", "application/json",
        dk.queue.core.http.Kiosks.KEY_HEADER, TestConfig.KIOSK_KEY));
  }

  public String login(String user) throws Exception {
    return client.login(user, TestConfig.PIN);
  }

  public long seq(String branch) throws Exception {
    return client.seq(branch);
  }

  @Override
  public void close() throws Exception {
    node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
