package dk.queue.core.http;

import dk.queue.core.views.Audience;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Whom a reading request is for: public without an {@code Authorization} header, staff with a valid
 * bearer token; a token that is not valid (any more) is a 401, never a quiet step down to public.
 */
final class Audiences {
  private Audiences() {}

  static Future<Audience> of(RoutingContext rc, Sessions sessions) {
    if (rc.request().getHeader("Authorization") == null) {
      return Future.succeededFuture(Audience.PUBLIC);
    }
    return sessions.staff(rc).map(staff -> Audience.STAFF);
  }
}
