package dk.queue.core.node;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.json.JsonMapping;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client speaking the API's JSON to one node. */
public final class Http {
  public static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final String base;

  public Http(String base) {
    this.base = base;
  }

  public String base() {
    return base;
  }

  /** An answer: status and the body parsed as JSON (null when empty). */
  public record Reply(int status, JsonNode body, String text) {
    public String error() {
      return body == null || body.get("error") == null ? null : body.get("error").asText();
    }
  }

  public Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
  }

  /** A read with a staff member's bearer token. */
  public Reply get(String path, String token) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
  }

  public Reply delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), null);
  }

  public Reply post(String path, String json) throws IOException, InterruptedException {
    return post(path, json, null);
  }

  public Reply post(String path, String json, String token) throws IOException, InterruptedException {
    return post(path, json, token, null);
  }

  /** A command sent with an {@code Idempotency-Key} (none when {@code key} is null). */
  public Reply post(String path, String json, String token, String key) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return send(b, token);
  }

  /** Any request, with headers of its own (a body, if given, goes without a Content-Type unless one is named). */
  public Reply send(String method, String path, String body, java.util.Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return send(b, null);
  }

  private Reply send(HttpRequest.Builder b, String token) throws IOException, InterruptedException {
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = CLIENT.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    boolean json = r.headers().firstValue("Content-Type").orElse("").contains("json");
    JsonNode body = r.body().isBlank() || !json ? null : JsonMapping.mapper().readTree(r.body());
    return new Reply(r.statusCode(), body, r.body());
  }

  /** Signs in and returns the token. */
  public String login(String user, String pin) throws IOException, InterruptedException {
    Reply r = post("/api/login", "{\"user\":\"" + user + "\",\"pin\":\"" + pin + "\"}");
    if (r.status() != 200) {
      throw new IllegalStateException("login failed: " + r.text());
    }
    return r.body().get("token").asText();
  }

  /** The branch's current seq. */
  public long seq(String branch) throws IOException, InterruptedException {
    return get("/api/branches/" + branch).body().get("seq").asLong();
  }
}
