package dk.queue.core.remind;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for an SMS gateway: it keeps every message posted to it, and
 * while {@link #hold} is set it takes a message and never answers.
 */
public final class SmsGateway implements AutoCloseable {
  public final List<JsonObject> received = new CopyOnWriteArrayList<>();
  public final List<String> authorizations = new CopyOnWriteArrayList<>();
  public volatile boolean hold;
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;

  public SmsGateway() throws Exception {
    server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      received.add(body.toJsonObject());
      authorizations.add(req.getHeader("Authorization"));
      if (!hold) {
        req.response().setStatusCode(202).end("{\"queued\":true}");
      }
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/send";
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
