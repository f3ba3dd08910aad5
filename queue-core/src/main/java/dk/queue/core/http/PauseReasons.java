package dk.queue.core.http;

import java.util.List;

/**
 * The reasons a desk may pause for (labels in the message bundles, {@code desk.pauseReason.<code>}):
 * chosen from this list, never free text, so that no personal data reaches the log.
 */
public final class PauseReasons {
  public static final List<String> CODES = List.of("break", "lunch", "meeting", "other-work");

  private PauseReasons() {}
}
