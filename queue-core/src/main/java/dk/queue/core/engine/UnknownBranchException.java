package dk.queue.core.engine;

/** A branch id that the configuration does not know. */
public final class UnknownBranchException extends RuntimeException {
  public UnknownBranchException(String branch) {
    super("No branch '" + branch + "'");
  }
}
