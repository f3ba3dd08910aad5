package dk.queue.core.engine;

/** The node cannot run commands yet, or not now (no quorum, branches not loaded). */
public final class NotReadyException extends RuntimeException {
  public NotReadyException(String message) {
    super(message);
  }
}
