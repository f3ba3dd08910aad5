package dk.queue.core.node;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * One HTTP server on the verticle's event loop. A node deploys one per event loop on the same
 * port, so that Vert.x spreads the connections over all of them; the router and its handlers are
 * shared and keep their state in thread-safe structures.
 */
final class HttpVerticle extends VerticleBase {
  private final Router router;
  private final HttpServerOptions options;
  private final int port;
  private final io.vertx.core.Handler<io.vertx.core.http.HttpConnection> connections;
  private volatile HttpServer server;

  HttpVerticle(Router router, HttpServerOptions options, int port,
               io.vertx.core.Handler<io.vertx.core.http.HttpConnection> connections) {
    this.router = router;
    this.options = options;
    this.port = port;
    this.connections = connections;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(options).connectionHandler(connections).requestHandler(router).listen(port).onSuccess(s -> server = s);
  }

  HttpServer server() {
    return server;
  }
}
