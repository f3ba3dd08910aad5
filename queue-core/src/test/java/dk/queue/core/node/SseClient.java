package dk.queue.core.node;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.json.JsonMapping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real Server-Sent Events client: reads the stream on its own thread into a queue of events. */
public final class SseClient implements AutoCloseable {
  /** One received event: its data as JSON (null when it is not JSON, as a screen's HTML) and as sent. */
  public record Message(String name, long id, JsonNode data, String text) {}

  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final Thread reader;
  private volatile Stream<String> lines;
  public final int status;

  public SseClient(HttpClient http, String url, Long lastEventId) throws Exception {
    this(http, url, lastEventId, null);
  }

  /** A stream read with a staff member's bearer token (null for none). */
  public SseClient(HttpClient http, String url, Long lastEventId, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      b.header("Last-Event-ID", String.valueOf(lastEventId));
    }
    HttpResponse<Stream<String>> response = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
    status = response.statusCode();
    lines = response.body();
    reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    String name = "message";
    long id = -1;
    StringBuilder data = new StringBuilder();
    try {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            messages.add(new Message(name, id, json(data.toString()), data.toString()));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("id: ")) {
          id = Long.parseLong(line.substring(4));
        } else if (line.startsWith("data: ")) {
          if (data.length() > 0) {
            data.append('\n');
          }
          data.append(line.substring(6));
        }
      }
    } catch (Exception e) {
      // the stream ended or was closed
    }
  }

  private static JsonNode json(String text) {
    try {
      return JsonMapping.mapper().readTree(text);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** The next event, or an error after the timeout. */
  public Message next(long timeoutMs) throws InterruptedException {
    Message m = messages.poll(timeoutMs, TimeUnit.MILLISECONDS);
    if (m == null) {
      throw new AssertionError("no event within " + timeoutMs + " ms");
    }
    return m;
  }

  /** Nothing more arrives within the time. */
  public Message poll(long timeoutMs) throws InterruptedException {
    return messages.poll(timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    Stream<String> l = lines;
    if (l != null) {
      l.close();
    }
    reader.interrupt();
  }
}
