package dk.queue.core.http;

import dk.queue.core.json.JsonMapping;
import io.vertx.ext.web.RoutingContext;

/** Writes successful JSON answers. */
final class Replies {
  private Replies() {}

  static void json(RoutingContext rc, int status, Object body) {
    rc.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(JsonMapping.encode(body));
  }

  static void ok(RoutingContext rc, Object body) {
    json(rc, 200, body);
  }
}
