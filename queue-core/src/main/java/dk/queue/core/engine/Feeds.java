package dk.queue.core.engine;

import java.util.function.Consumer;

/**
 * Live updates of branches on this node. A subscriber first receives a snapshot (or, when it
 * resumes after a seq this node still holds, the changes after it), then every change in {@code seq}
 * order; after a gap it receives a fresh snapshot. Listeners run on an event loop and must not
 * block.
 */
public interface Feeds {

  /** Subscribes from a new snapshot; close the returned handle to stop. */
  default AutoCloseable subscribe(String branch, Consumer<Update> listener) {
    return subscribe(branch, -1, listener);
  }

  /** Subscribes to the changes after {@code afterSeq}, or from a new snapshot if those are not all at hand. */
  AutoCloseable subscribe(String branch, long afterSeq, Consumer<Update> listener);
}
