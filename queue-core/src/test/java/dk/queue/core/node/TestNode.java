package dk.queue.core.node;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.json.JsonMapping;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real node on a free port with a fresh data folder, and a real HTTP client to talk to it. */
public final class TestNode implements AutoCloseable {
  public final QueueNode node;
  public final Path dataDir;
  public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestNode(QueueNode node, Path dataDir) {
    this.node = node;
    this.dataDir = dataDir;
  }

  public static TestNode start() throws Exception {
    return start(Files.createTempDirectory("queue-node"));
  }

  public static TestNode start(Path dataDir) throws Exception {
    NodeOptions options = NodeOptions.defaults(TestConfig.create(), dataDir).withPort(0);
    QueueNode node = QueueNode.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    return new TestNode(node, dataDir);
  }

  public String base() {
    return "http://127.0.0.1:" + node.port();
  }

  /** An answer: status and the body parsed as JSON (null when empty). */
  public record Reply(int status, JsonNode body, String text) {
    public String error() {
      return body == null || body.get("error") == null ? null : body.get("error").asText();
    }
  }

  public Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET(), null);
  }

  public Reply delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).DELETE(), null);
  }

  public Reply post(String path, String json) throws IOException, InterruptedException {
    return post(path, json, null);
  }

  public Reply post(String path, String json, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/json")
        .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return send(b, token);
  }

  private Reply send(HttpRequest.Builder b, String token) throws IOException, InterruptedException {
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = r.body().isBlank() ? null : JsonMapping.mapper().readTree(r.body());
    return new Reply(r.statusCode(), body, r.body());
  }

  /** Signs in and returns the token. */
  public String login(String user) throws IOException, InterruptedException {
    Reply r = post("/api/login", "{\"user\":\"" + user + "\",\"pin\":\"" + TestConfig.PIN + "\"}");
    if (r.status() != 200) {
      throw new IllegalStateException("login failed: " + r.text());
    }
    return r.body().get("token").asText();
  }

  /** The branch's current seq. */
  public long seq(String branch) throws IOException, InterruptedException {
    return get("/api/branches/" + branch).body().get("seq").asLong();
  }

  @Override
  public void close() throws Exception {
    node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
