package dk.queue.core.http;

import dk.queue.core.engine.Update;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The last event-stream frame built for each kind of stream. A feed hands the same {@link Update}
 * to every subscriber of a branch, so a frame is built once per change and kind of stream (for
 * example once per screen), and encoded to bytes once, not once per connected client.
 */
public final class Frames {
  private record Built(Update update, Buffer frame) {}

  private final Map<String, Built> last = new ConcurrentHashMap<>();

  /** The frame for this update on streams of this kind, built now if it is not the last one built. */
  public Buffer of(String kind, Update update, Function<Update, String> build) {
    Built b = last.get(kind);
    if (b != null && b.update() == update) {
      return b.frame();
    }
    Buffer frame = Buffer.buffer(build.apply(update));
    last.put(kind, new Built(update, frame));
    return frame;
  }
}
