package dk.queue.core.engine;

import java.util.function.Consumer;

/**
 * Live updates of branches on this node. A subscriber first receives a snapshot, then every change
 * in {@code seq} order; after a gap it receives a fresh snapshot. Listeners run on an event loop
 * and must not block.
 */
public interface Feeds {

  /** Subscribes; close the returned handle to stop. Fails with an unknown branch. */
  AutoCloseable subscribe(String branch, Consumer<Update> listener);
}
