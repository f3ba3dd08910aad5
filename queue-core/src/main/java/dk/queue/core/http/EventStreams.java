package dk.queue.core.http;

import dk.queue.core.engine.Engine;
import dk.queue.core.engine.UnknownBranchException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/branches/{branch}/events}: a snapshot, then every change, each with its seq as
 * the event id. {@code Last-Event-ID} (or {@code ?lastEventId=}) resumes after that seq. A client
 * that cannot keep up is disconnected; it reconnects and resumes.
 */
final class EventStreams {
  static final long HEARTBEAT_MS = 15_000;
  /** What a client may say it is ({@code ?client=}), for the count of connected clients. */
  static final java.util.Set<String> KINDS = java.util.Set.of("kiosk", "desk", "phone", "screen", "ops");
  private final Engine engine;
  private final dk.queue.core.metrics.QueueMetrics metrics;
  private final Frames frames = new Frames();

  EventStreams(Engine engine, dk.queue.core.metrics.QueueMetrics metrics) {
    this.engine = engine;
    this.metrics = metrics;
  }

  void mount(Router api) {
    api.get("/branches/:branch/events").handler(this::stream);
  }

  private void stream(RoutingContext rc) {
    String branch = rc.pathParam("branch");
    if (engine.config().branch(branch).isEmpty()) {
      throw new UnknownBranchException(branch);
    }
    long after = lastEventId(rc);
    String kind = rc.request().getParam("client");
    AutoCloseable counted = metrics.connected(kind != null && KINDS.contains(kind) ? kind : "other");
    HttpServerResponse response = rc.response();
    Sse.begin(response);
    AutoCloseable subscription = engine.subscribe(branch, after, update -> {
      if (response.closed() || response.ended()) {
        return;
      }
      if (response.writeQueueFull()) {
        response.reset();
        return;
      }
      response.write(frames.of(branch, update,
          u -> Sse.event(u.isSnapshot() ? "snapshot" : "change", u.seq(), u.json())));
    });
    long heartbeat = rc.vertx().setPeriodic(HEARTBEAT_MS, t -> {
      if (!response.closed()) {
        response.write(": ping\n\n");
      }
    });
    response.closeHandler(v -> {
      rc.vertx().cancelTimer(heartbeat);
      try {
        subscription.close();
        counted.close();
      } catch (Exception ignored) {
        // closing a subscription only schedules its removal
      }
    });
  }

  private static long lastEventId(RoutingContext rc) {
    String text = rc.request().getHeader("Last-Event-ID");
    if (text == null) {
      text = rc.request().getParam("lastEventId");
    }
    if (text == null || text.isBlank()) {
      return -1;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("Last-Event-ID", "must be a seq number");
    }
  }
}
