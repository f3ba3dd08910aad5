package dk.queue.signage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ScreenDef;
import dk.queue.core.engine.Feeds;
import dk.queue.core.metrics.QueueMetrics;
import dk.queue.core.web.NodeContext;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A screen's page on a node whose branch cannot be read (its feed never delivers, as when the
 * cluster has no quorum): the request ends with a 503 page that retries by itself instead of
 * hanging, and a client that leaves first ends the page's subscription.
 */
class ScreenPageWaitTest {
  static final long WAIT_MS = 400;
  Vertx vertx;
  HttpServer server;
  final CountDownLatch subscribed = new CountDownLatch(1);
  final CountDownLatch unsubscribed = new CountDownLatch(1);
  /** The connection's own close handler, as the node's edge sets one to count each address's connections. */
  final CountDownLatch connectionClosed = new CountDownLatch(1);

  @BeforeEach
  void vertx() {
    vertx = Vertx.vertx();
  }

  void serve(long pageWaitMs) throws Exception {
    Feeds silent = (branch, afterSeq, listener) -> {
      subscribed.countDown();
      return unsubscribed::countDown;
    };
    ScreenDef screen = new ScreenDef("s1", "main", "Venteområde", "landscape", List.of("da"), true);
    Router router = Router.router(vertx);
    new SignageModule(pageWaitMs).mount(router, new NodeContext(vertx, () -> ScreenRenderTest.config(screen, Map.of()), silent,
        List.of(), new QueueMetrics(), null, null));
    server = vertx.createHttpServer().connectionHandler(c -> c.closeHandler(v -> connectionClosed.countDown()))
        .requestHandler(router).listen(0)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpRequest page() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/screens/s1"))
        .timeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void aPageThatGetsNoBranchAnswers503AndLetsGoOfTheFeed() throws Exception {
    serve(WAIT_MS);
    HttpResponse<String> r = HttpClient.newHttpClient().send(page(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("http-equiv=\"refresh\"");
    assertThat(unsubscribed.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aClientThatLeavesEndsTheSubscription() throws Exception {
    serve(60_000);
    try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
      socket.getOutputStream().write("GET /screens/s1 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      assertThat(subscribed.await(5, TimeUnit.SECONDS)).isTrue();
    }
    // Long before the page's own minute is up: the close alone ended it.
    assertThat(unsubscribed.await(10, TimeUnit.SECONDS)).isTrue();
    // and the page left the connection's close handler in place.
    assertThat(connectionClosed.await(5, TimeUnit.SECONDS)).isTrue();
  }
}
