package dk.queue.core.http;

import dk.queue.core.config.ConfigException;
import dk.queue.core.engine.Engine;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code POST /api/admin/config}: the whole configuration as YAML, from a member of staff marked
 * {@code admin: true}. 200 with what each branch did; 400 {@code invalid_config} when the text is
 * not a valid configuration; 409 {@code in_use} when it removes what is in use. Either refusal
 * changes nothing.
 */
public final class AdminRoutes {
  /** A configuration of a large organisation fits; a request larger is refused with 413. */
  static final long CONFIG_LIMIT = 1024 * 1024;
  /** Where a new configuration is sent. */
  static final String CONFIG = "/api/admin/config";

  private AdminRoutes() {}

  public static void mount(Router router, Sessions sessions,
                           BiFunction<String, String, Future<Engine.Reconfigured>> reload) {
    router.post(CONFIG).handler(BodyHandler.create(false).setBodyLimit(CONFIG_LIMIT))
        .handler(rc -> sessions.staff(rc).compose(staff -> {
          if (!staff.admin()) {
            return Future.failedFuture(new ApiException(403, "forbidden", "Only an administrator may change the configuration"));
          }
          String yaml = rc.body().asString();
          if (yaml == null || yaml.isBlank()) {
            return Future.failedFuture(ApiException.invalid("body", "send the configuration as YAML"));
          }
          return reload.apply(yaml, "admin API (" + staff.user() + ")");
        }).onComplete(ar -> answer(rc, ar.result(), ar.cause())))
        .failureHandler(Errors::handle);
  }

  private static void answer(RoutingContext rc, Engine.Reconfigured result, Throwable failure) {
    if (failure instanceof ConfigException e) {
      rc.fail(new ApiException(400, "invalid_config", e.getMessage()));
    } else if (failure != null) {
      rc.fail(failure);
    } else if (!result.refused().isEmpty()) {
      rc.fail(new ApiException(409, "in_use", String.join(" ", result.refused())));
    } else {
      Replies.ok(rc, Map.of("branches", result.branches()));
    }
  }
}
