package dk.queue.core.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one plumbing of every event stream (the API's, the ticket's, the screens'): starts the
 * response, writes what the subscription hands it, sends a heartbeat, and ends the subscription
 * when the client goes.
 *
 * <p>A client that reads more slowly than changes come (a screen's browser busy rendering, a
 * phone on a poor line) is not cut off: when its connection's write queue is full the stream stops
 * taking frames and ends its subscription; once the queue has drained it subscribes again, and a
 * new subscription starts with the whole current state. The client so skips the changes it could
 * not take and lands on the latest, on the same connection, and what waits for it is bounded by the
 * write queue. A client that takes nothing at all gets no heartbeat either, so the edge's idle
 * timeout applies to it.
 */
public final class LiveStream {
  static final long HEARTBEAT_MS = 15_000;

  private final HttpServerResponse response;
  private final Function<Consumer<Buffer>, AutoCloseable> subscribe;
  private AutoCloseable subscription;
  /** Counts subscriptions, so that a frame of an ended one (still on its way) is not written. */
  private int generation;
  /** Whether the write queue was found full and has not drained yet. */
  private boolean behind;

  private LiveStream(HttpServerResponse response, Function<Consumer<Buffer>, AutoCloseable> subscribe) {
    this.response = response;
    this.subscribe = subscribe;
  }

  /**
   * Must be called on the connection's context; every frame is written there.
   *
   * @param counted   the client in the count of connected clients; closed when it leaves
   * @param subscribe subscribes a writer of frames, answering the handle that ends the subscription;
   *                  called again after frames were skipped, when it must start with the whole state.
   *                  A frame is written as it is to every stream it is handed to: encoded once.
   */
  public static void open(RoutingContext rc, AutoCloseable counted, Function<Consumer<Buffer>, AutoCloseable> subscribe) {
    HttpServerResponse response = rc.response();
    Sse.begin(response);
    LiveStream stream = new LiveStream(response, subscribe);
    stream.subscribe();
    long heartbeat = rc.vertx().setPeriodic(HEARTBEAT_MS, t -> stream.heartbeat());
    response.closeHandler(v -> {
      rc.vertx().cancelTimer(heartbeat);
      stream.end();
      close(counted);
    });
  }

  private void subscribe() {
    int own = ++generation;
    AutoCloseable handle = subscribe.apply(frame -> write(own, frame));
    if (own == generation) {
      subscription = handle;
    } else {
      // Ended while subscribing (a first frame found the queue full): not kept, so not leaked.
      close(handle);
    }
  }

  private void write(int own, Buffer frame) {
    if (own != generation || behind || response.closed() || response.ended() || frame == null) {
      return;
    }
    if (response.writeQueueFull()) {
      behind = true;
      end();
      response.drainHandler(v -> {
        response.drainHandler(null);
        behind = false;
        if (!response.closed()) {
          subscribe();
        }
      });
      return;
    }
    response.write(frame);
  }

  private void heartbeat() {
    if (!response.closed() && !behind) {
      response.write(": ping\n\n");
    }
  }

  private void end() {
    generation++;
    close(subscription);
    subscription = null;
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
