package dk.queue.core.http;

import dk.queue.core.domain.Rejection;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.domain.Unserved;
import dk.queue.core.domain.WaitingChoice;
import dk.queue.core.engine.Engine;
import dk.queue.core.engine.Outcome;
import dk.queue.core.json.JsonMapping;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of closing or pausing the last desk of a service with citizens waiting: the
 * {@code waiting} choice of the request body, and the {@code would_leave_waiting} answer that names
 * the services and how many wait for each, so that the desk can ask what becomes of them.
 */
final class LeftWaiting {
  private LeftWaiting() {}

  /**
   * The {@code waiting} field of a close or pause.
   *
   * @param choice  {@code keep}, {@code move} or {@code end}
   * @param service for {@code move}: the service they move to
   * @param message for {@code end}: what their phones show
   * @param branch  for {@code move}: another branch whose service they move to, or null for this branch
   */
  record Body(String choice, String service, String message, String branch) {}

  static WaitingChoice choice(Body body) {
    if (body == null) {
      return null;
    }
    for (WaitingChoice.Kind kind : WaitingChoice.Kind.values()) {
      if (JsonMapping.enumCode(kind).equals(body.choice())) {
        return new WaitingChoice(kind, body.service(), body.message(), body.branch());
      }
    }
    throw ApiException.invalid("waiting.choice", "must be keep, move or end");
  }

  /**
   * The outcome as it is, or, for a refusal because citizens would be left waiting, a failure that
   * lists them: {@code unserved: [{service, name, waiting}]}.
   */
  static Future<Outcome> explained(Engine engine, RoutingContext rc, Outcome outcome) {
    if (outcome.accepted() || outcome.rejection().reason() != Rejection.Reason.WOULD_LEAVE_WAITING) {
      return Future.succeededFuture(outcome);
    }
    return engine.state(rc.pathParam("branch")).compose(state -> {
      List<Map<String, Object>> unserved = Unserved.leftBehind(state, rc.pathParam("desk")).stream().map(l -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", l.service());
        m.put("name", state.def().service(l.service()).map(ServiceDef::name).orElse(null));
        m.put("waiting", l.waiting());
        return m;
      }).toList();
      return Future.failedFuture(Errors.of(outcome.rejection(), Map.of("unserved", unserved)));
    });
  }
}
