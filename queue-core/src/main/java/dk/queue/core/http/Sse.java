package dk.queue.core.http;

import io.vertx.core.http.HttpServerResponse;

/** Writing Server-Sent Events. */
public final class Sse {
  private Sse() {}

  /** Starts an event stream on a response: headers that keep proxies from buffering it. */
  public static void begin(HttpServerResponse response) {
    response.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache, no-store")
        .putHeader("X-Accel-Buffering", "no")
        .putHeader("Connection", "keep-alive");
    response.write(": open\nretry: 2000\n\n");
  }

  /** One event; each line of the data goes in a {@code data:} line of its own. */
  public static String event(String name, long id, String data) {
    StringBuilder b = new StringBuilder(data.length() + 48);
    b.append("event: ").append(name).append('\n');
    if (id >= 0) {
      b.append("id: ").append(id).append('\n');
    }
    for (String line : data.split("\r\n|\r|\n", -1)) {
      b.append("data: ").append(line).append('\n');
    }
    return b.append('\n').toString();
  }
}
