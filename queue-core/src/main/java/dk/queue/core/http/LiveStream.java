package dk.queue.core.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one plumbing of every event stream (the API's, the ticket's, the screens'): starts the
 * response, writes what the subscription hands it, sends a heartbeat, drops a client that cannot
 * keep up (it reconnects and resumes), and ends the subscription when the client goes.
 */
public final class LiveStream {
  static final long HEARTBEAT_MS = 15_000;

  private LiveStream() {}

  /**
   * @param counted   the client in the count of connected clients; closed when it leaves
   * @param subscribe subscribes a writer of frames, answering the handle that ends the subscription
   */
  public static void open(RoutingContext rc, AutoCloseable counted, Function<Consumer<String>, AutoCloseable> subscribe) {
    HttpServerResponse response = rc.response();
    Sse.begin(response);
    AutoCloseable subscription = subscribe.apply(frame -> {
      if (response.closed() || response.ended() || frame == null) {
        return;
      }
      if (response.writeQueueFull()) {
        response.reset();
        return;
      }
      response.write(frame);
    });
    long heartbeat = rc.vertx().setPeriodic(HEARTBEAT_MS, t -> {
      if (!response.closed()) {
        response.write(": ping\n\n");
      }
    });
    response.closeHandler(v -> {
      rc.vertx().cancelTimer(heartbeat);
      close(subscription);
      close(counted);
    });
  }

  /** Closes a subscription or a count, which only schedules its removal and cannot fail in a way that matters. */
  public static void close(AutoCloseable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (Exception ignored) {
      // closing a subscription only schedules its removal
    }
  }
}
