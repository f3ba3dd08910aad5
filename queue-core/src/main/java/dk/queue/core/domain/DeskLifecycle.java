package dk.queue.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * When a desk left signed out closes by itself: at its {@link Desk#closesAt()}, if nobody took it
 * on and no ticket is at it (a called or served citizen waits for a supervisor to take it over).
 */
public final class DeskLifecycle {
  private DeskLifecycle() {}

  /** Whether the desk is left signed out and its time is up at {@code now}. */
  public static boolean closesBy(Desk desk, Instant now) {
    return closing(desk) && !now.isBefore(desk.closesAt());
  }

  /** The first moment a desk of the branch closes by itself, if any will. */
  public static Optional<Instant> nextClosing(BranchState state) {
    return state.desks().values().stream().filter(DeskLifecycle::closing).map(Desk::closesAt)
        .min(Instant::compareTo);
  }

  private static boolean closing(Desk desk) {
    return desk != null && desk.closesAt() != null && desk.mode() == Desk.Mode.PAUSED && desk.current() == null;
  }
}
