package dk.queue.core.http;

import io.micrometer.core.instrument.config.MeterFilter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The node's HTTP edge, before any route: slow clients are cut off (headers and body within
 * {@link EdgeOptions#headerTimeout()}, silence within {@link EdgeOptions#idleTimeout()}), one address
 * holds a bounded number of connections and event streams, methods the API does not use are refused
 * (and never become metric series), state-changing requests must be JSON (a cross-site form cannot
 * send it), and every answer carries the security headers. Every map here holds only live
 * connections or streams, so it is bounded by them.
 */
public final class Edge {
  /** The methods the node answers; any other is refused before routing and leaves no metric series. */
  static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "DELETE", "OPTIONS");
  private static final Long NO_TIMER = -1L;

  private final Vertx vertx;
  private final EdgeOptions options;
  private final String policy;
  private final Map<String, Integer> connections = new ConcurrentHashMap<>();
  private final Map<String, Integer> streams = new ConcurrentHashMap<>();
  /**
   * The timer that closes each open connection whose next request is not complete in time; an entry
   * lives exactly as long as its connection.
   */
  private final Map<HttpConnection, Long> deadlines = new ConcurrentHashMap<>();

  public Edge(Vertx vertx, EdgeOptions options, List<String> nodeUrls) {
    this.vertx = vertx;
    this.options = options;
    String others = nodeUrls.isEmpty() ? "" : " " + String.join(" ", nodeUrls);
    this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'"
        + others + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ";
  }

  /** Drops the metric series of any other HTTP method before it is made. */
  public static MeterFilter knownMethodsOnly() {
    return MeterFilter.deny(id -> {
      String method = id.getTag("method");
      return method != null && !METHODS.contains(method);
    });
  }

  /**
   * The server's limits on request size and silence. No cleartext HTTP/2: browsers never use it, and
   * its upgrade reads a whole request before the connection is known, out of reach of the deadlines.
   */
  public HttpServerOptions server(HttpServerOptions o) {
    return o.setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) options.idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxInitialLineLength(4096).setMaxHeaderSize(8192);
  }

  /** A new connection: counted against its address (refused beyond the cap), its first request awaited. */
  public void connected(HttpConnection connection) {
    String address = connection.remoteAddress().hostAddress();
    // A load balancer carries many clients; its connections are not capped here.
    boolean capped = !options.trustedProxies().contains(address);
    if (capped && connections.merge(address, 1, Integer::sum) > options.connectionsPerAddress()) {
      release(connections, address);
      connection.close();
      return;
    }
    deadlines.put(connection, NO_TIMER);
    expectRequest(connection, options.headerTimeout().toMillis());
    connection.closeHandler(v -> {
      Long timer = deadlines.remove(connection);
      if (timer != null && timer >= 0) {
        vertx.cancelTimer(timer);
      }
      if (capped) {
        release(connections, address);
      }
    });
  }

  /** Mounts the checks in front of every route. */
  public void mount(Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
  }

  private void check(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    HttpConnection connection = request.connection();
    cancelDeadline(connection);
    // A kept-alive connection waits for its next request no longer than the idle time.
    rc.addEndHandler(v -> expectRequest(connection, options.idleTimeout().toMillis()));
    if (!METHODS.contains(request.method().name())) {
      rc.response().putHeader("Connection", "close");
      Errors.send(rc.response(), new ApiException(501, "not_implemented", "Unknown method"));
      return;
    }
    String path = request.path();
    rc.response().putHeader("Content-Security-Policy", policy + (path.startsWith("/screens/") ? "'self'" : "'none'"))
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", path.startsWith("/screens/") ? "SAMEORIGIN" : "DENY");
    if (request.method() == HttpMethod.POST && !json(request.getHeader("Content-Type"))
        && !(path.equals(AdminRoutes.CONFIG) && yaml(request.getHeader("Content-Type")))
        && !(path.endsWith("/bookings/import") && csv(request.getHeader("Content-Type")))) {
      Errors.send(rc.response(), new ApiException(415, "unsupported_media_type",
          "Send the body as Content-Type: application/json"));
      return;
    }
    if (hasBody(request) && !request.isEnded()) {
      // The body, too, must arrive in time. Only a request that has one is timed, and only until it
      // is answered: the connection may carry a live stream by then, which is no slow body.
      long body = vertx.setTimer(options.headerTimeout().toMillis(), t -> {
        if (!request.isEnded()) {
          connection.close();
        }
      });
      rc.addEndHandler(v -> vertx.cancelTimer(body));
    }
    if ((path.endsWith("/events") || path.endsWith("/live")) && request.method() == HttpMethod.GET) {
      String address = clientAddress(request, options);
      if (streams.merge(address, 1, Integer::sum) > options.streamsPerAddress()) {
        release(streams, address);
        Errors.send(rc.response(), new ApiException(429, "too_many_streams", "This address has "
            + options.streamsPerAddress() + " event streams open already", Map.of("retryAfterSeconds", 30)));
        return;
      }
      rc.addEndHandler(v -> release(streams, address));
    }
    rc.next();
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    return request.getHeader("Transfer-Encoding") != null || (length != null && !length.trim().equals("0"));
  }

  private static boolean json(String contentType) {
    return is(contentType, "application/json");
  }

  /** A configuration is sent as YAML: a type that, like JSON, no cross-site form can send. */
  private static boolean csv(String contentType) {
    return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
  }

  private static boolean yaml(String contentType) {
    return is(contentType, "application/yaml");
  }

  private static boolean is(String contentType, String expected) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim();
    return type.equalsIgnoreCase(expected);
  }

  /** Closes the connection unless it completes a request within {@code millis}; nothing once it is closed. */
  private void expectRequest(HttpConnection connection, long millis) {
    deadlines.computeIfPresent(connection, (c, before) -> {
      if (before >= 0) {
        vertx.cancelTimer(before);
      }
      return vertx.setTimer(millis, t -> connection.close());
    });
  }

  private void cancelDeadline(HttpConnection connection) {
    deadlines.computeIfPresent(connection, (c, before) -> {
      if (before >= 0) {
        vertx.cancelTimer(before);
      }
      return NO_TIMER;
    });
  }

  private static void release(Map<String, Integer> counts, String address) {
    counts.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
  }

  /**
   * The client's address: the peer, or, when the peer is a trusted load balancer, the last address
   * in {@code X-Forwarded-For} that is not itself a trusted proxy.
   */
  public static String clientAddress(HttpServerRequest request, EdgeOptions options) {
    String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || !options.trustedProxies().contains(peer)) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !options.trustedProxies().contains(hop)) {
        return hop.length() > 64 ? hop.substring(0, 64) : hop;
      }
    }
    return peer;
  }
}
