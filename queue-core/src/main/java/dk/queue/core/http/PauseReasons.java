package dk.queue.core.http;

import java.util.List;

/**
 * The reasons a desk may pause for (labels in the message bundles, {@code desk.pauseReason.<code>}):
 * chosen from this list, never free text, so that no personal data reaches the log. One more is set
 * by the node alone, never chosen: {@link dk.queue.core.domain.Desk#SIGNED_OUT}, for a desk whose
 * staff signed out without closing it.
 */
public final class PauseReasons {
  public static final List<String> CODES = List.of("break", "lunch", "meeting", "other-work");

  private PauseReasons() {}
}
