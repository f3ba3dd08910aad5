package dk.queue.core.http;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dk.queue.core.domain.Rejection;
import dk.queue.core.engine.UnknownBranchException;
import dk.queue.core.json.JsonMapping;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one table from domain rejections and failures to HTTP answers, in the API's error format. */
public final class Errors {
  private static final System.Logger LOG = System.getLogger(Errors.class.getName());
  private static final Map<Rejection.Reason, Integer> STATUS = new EnumMap<>(Rejection.Reason.class);

  static {
    for (Rejection.Reason r : Rejection.Reason.values()) {
      STATUS.put(r, 409);
    }
    STATUS.put(Rejection.Reason.UNKNOWN_SERVICE, 404);
    STATUS.put(Rejection.Reason.UNKNOWN_DESK, 404);
    STATUS.put(Rejection.Reason.UNKNOWN_TICKET, 404);
    STATUS.put(Rejection.Reason.INVALID, 400);
    STATUS.put(Rejection.Reason.NOT_SKILLED, 403);
    STATUS.put(Rejection.Reason.NOT_YOUR_DESK, 403);
    STATUS.put(Rejection.Reason.OUTBOX_FULL, 503);
    STATUS.put(Rejection.Reason.SLOT_OUTSIDE_HOURS, 400);
    STATUS.put(Rejection.Reason.SLOT_TOO_FAR, 400);
    STATUS.put(Rejection.Reason.UNKNOWN_BOOKING, 404);
  }

  private Errors() {}

  public static ApiException of(Rejection r) {
    return new ApiException(STATUS.get(r.reason()), r.reason().code(), r.message());
  }

  public static ApiException of(Rejection r, Map<String, Object> extra) {
    return new ApiException(STATUS.get(r.reason()), r.reason().code(), r.message(), extra);
  }

  /** The failure handler of the router: every error leaves in the same shape. */
  public static void handle(RoutingContext ctx) {
    if (ctx.response().closed() || clientGone(ctx.failure())) {
      // The client went away mid-request: nobody to answer, nothing wrong with the node.
      LOG.log(System.Logger.Level.DEBUG, () -> ctx.request().method() + " " + ctx.request().path() + ": the client left");
      return;
    }
    ApiException e = translate(ctx.failure(), ctx.statusCode());
    if (e.status() >= 500) {
      LOG.log(System.Logger.Level.WARNING, ctx.request().method() + " " + ctx.request().path() + ": " + e.getMessage(),
          ctx.failure());
    }
    send(ctx.response(), e);
  }

  private static boolean clientGone(Throwable failure) {
    return failure instanceof io.vertx.core.http.HttpClosedException
        || failure instanceof java.io.IOException && String.valueOf(failure.getMessage()).contains("reset")
        || failure instanceof io.vertx.core.VertxException && "Connection was closed".equals(failure.getMessage());
  }

  public static void send(HttpServerResponse response, ApiException e) {
    if (response.headWritten() || response.closed()) {
      response.reset();
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.code());
    body.put("message", e.getMessage());
    body.putAll(e.extra());
    if (e.extra().get("retryAfterSeconds") != null) {
      response.putHeader("Retry-After", String.valueOf(e.extra().get("retryAfterSeconds")));
    }
    response.setStatusCode(e.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(JsonMapping.encode(body));
  }

  static ApiException translate(Throwable failure, int status) {
    while ((failure instanceof java.util.concurrent.CompletionException
        || failure instanceof java.util.concurrent.ExecutionException) && failure.getCause() != null) {
      failure = failure.getCause();
    }
    if (failure instanceof ApiException) {
      return (ApiException) failure;
    }
    if (failure instanceof UnknownBranchException) {
      return ApiException.notFound("unknown_branch", failure.getMessage());
    }
    if (failure instanceof dk.queue.core.engine.NotReadyException) {
      return new ApiException(503, "not_ready", "The node is not ready: " + failure.getMessage());
    }
    if (failure instanceof SplitBrainProtectionException) {
      return new ApiException(503, "no_quorum", "This node is cut off from the majority of the cluster");
    }
    if (failure instanceof IndeterminateOperationStateException) {
      return new ApiException(503, "unconfirmed", "The command may or may not have been carried out: the cluster"
          + " could not confirm it. Send the same request again with the same Idempotency-Key.");
    }
    if (failure instanceof HazelcastInstanceNotActiveException || failure instanceof HazelcastException) {
      return new ApiException(503, "not_ready", "The cluster cannot run commands now: " + failure.getMessage());
    }
    if (failure == null) {
      switch (status) {
        case 404:
          return ApiException.notFound("not_found", "No such resource");
        case 405:
          return new ApiException(405, "method_not_allowed", "Method not allowed here");
        case 413:
          return new ApiException(413, "payload_too_large", "The request body is too large");
        case 415:
          return new ApiException(415, "unsupported_media_type", "Send JSON");
        case 400:
          return new ApiException(400, "bad_request", "Bad request");
        default:
          break;
      }
    }
    if (status == 413) {
      return new ApiException(413, "payload_too_large", "The request body is too large");
    }
    return new ApiException(500, "internal", "Something went wrong on the server");
  }
}
