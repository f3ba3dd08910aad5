package dk.queue.core.http;

import com.hazelcast.core.HazelcastInstance;
import dk.queue.core.engine.Engine;
import dk.queue.core.metrics.QueueMetrics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** The public HTTP API of API.md, plus metrics and health, on one router. */
public final class ApiRoutes {
  /** Requests larger than this are refused with 413: no command needs more. */
  public static final long BODY_LIMIT = 16 * 1024;

  private ApiRoutes() {}

  public static void mount(Vertx vertx, Router router, Engine engine, Sessions sessions, HazelcastInstance hazelcast,
                           QueueMetrics metrics, int quorum, java.util.List<String> nodeUrls, Kiosks kiosks,
                           EdgeOptions edge) {
    if (!nodeUrls.isEmpty()) {
      // Pages served by one node may talk to the others when theirs goes away.
      router.route().handler(io.vertx.ext.web.handler.CorsHandler.create()
          .addOrigins(nodeUrls)
          .allowedMethods(java.util.Set.of(io.vertx.core.http.HttpMethod.GET, io.vertx.core.http.HttpMethod.POST,
              io.vertx.core.http.HttpMethod.DELETE))
          .allowedHeaders(java.util.Set.of("Content-Type", "Authorization", "Last-Event-ID", "Idempotency-Key")));
    }
    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    new CitizenRoutes(engine, sessions, kiosks, edge).mount(api);
    new StaffRoutes(engine, sessions, edge).mount(api);
    new EventStreams(engine, sessions, metrics).mount(api);
    new StatsRoutes(engine).mount(api);
    new DeskProfiles(hazelcast, sessions).mount(api);
    new ScreenSound(hazelcast, engine::config, engine.clock()).mount(api);
    new BookingRoutes(engine, sessions, kiosks, edge).mount(api);
    api.route().handler(rc -> rc.fail(ApiException.notFound("not_found", "No such API resource: " + rc.request().path())));
    api.route().failureHandler(Errors::handle);
    router.route("/api/*").subRouter(api);
    new OpsRoutes(engine, hazelcast, metrics, quorum).mount(router);
    new OidcRoutes(vertx, engine::config, sessions, hazelcast).mount(router);
    String contract = OpenApi.document();
    router.get("/openapi.yaml").handler(rc -> rc.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").end(contract));
    router.route("/health/*").failureHandler(Errors::handle);
    router.route("/metrics").failureHandler(Errors::handle);
  }
}
