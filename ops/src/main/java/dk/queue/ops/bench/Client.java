package dk.queue.ops.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/** The benchmark's clients: HTTP commands and many event streams, from one non-blocking Vert.x. */
final class Client implements AutoCloseable {
  /** What a stream hands on: which stream, the event's name and id, its data, and when it arrived. */
  interface Listener {
    void frame(int stream, String event, long id, String data, long nanos);
  }

  record Reply(int status, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  final Vertx vertx = Vertx.vertx();
  private final HttpClient commands;
  private final HttpClient streams;

  Client(int streamsNeeded) {
    commands = vertx.httpClientBuilder().with(new HttpClientOptions().setKeepAlive(true))
        .with(new PoolOptions().setHttp1MaxSize(64)).build();
    streams = vertx.httpClientBuilder().with(new HttpClientOptions().setKeepAlive(true).setIdleTimeout(0))
        .with(new PoolOptions().setHttp1MaxSize(streamsNeeded + 16).setMaxWaitQueueSize(-1)).build();
  }

  Future<Reply> send(HttpMethod method, String url, String body, String token) {
    URI u = URI.create(url);
    RequestOptions options = new RequestOptions().setMethod(method).setHost(u.getHost()).setPort(u.getPort())
        .setURI(u.getRawPath()).setTimeout(10_000);
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    // The body is asked for in the response's own callback: a later callback (the next step of a
    // flat chain may run on the calling thread after the response has ended) gets an empty body.
    return commands.request(options)
        .compose(req -> (body == null ? req.send() : req.putHeader("Content-Type", "application/json").send(body))
            .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), b.toString()))));
  }

  Future<Reply> post(String url, String body, String token) {
    return send(HttpMethod.POST, url, body, token);
  }

  /** Opens an event stream; every complete event goes to the listener. */
  Future<Void> stream(int index, String url, Listener listener) {
    URI u = URI.create(url);
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(u.getHost()).setPort(u.getPort())
        .setURI(u.getRawPath()).setIdleTimeout(0);
    return streams.request(options).compose(req -> req.send()).map(resp -> {
      StringBuilder pending = new StringBuilder();
      resp.handler((Buffer b) -> {
        long now = System.nanoTime();
        pending.append(b.toString());
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
          String frame = pending.substring(0, end);
          pending.delete(0, end + 2);
          parse(index, frame, now, listener);
        }
      });
      return null;
    });
  }

  private static void parse(int index, String frame, long now, Listener listener) {
    String event = null;
    long id = -1;
    StringBuilder data = new StringBuilder();
    for (String line : frame.split("\n")) {
      if (line.startsWith("event: ")) {
        event = line.substring(7);
      } else if (line.startsWith("id: ")) {
        id = Long.parseLong(line.substring(4));
      } else if (line.startsWith("data: ")) {
        data.append(line, 6, line.length());
      }
    }
    if (event != null) {
      listener.frame(index, event, id, data.toString(), now);
    }
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
