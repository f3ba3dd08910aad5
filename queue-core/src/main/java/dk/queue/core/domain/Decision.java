package dk.queue.core.domain;

import java.util.List;

/** The result of a command: the new state and its events, or a rejection that changes nothing. */
public sealed interface Decision {

  /**
   * @param told the wait estimate given to a ticket the command issued (the one in its event, with
   *             its range), or null
   */
  record Accepted(BranchState state, List<Recorded> events, WaitEstimator.Estimate told) implements Decision {
    public Accepted {
      events = List.copyOf(events);
    }
  }

  record Rejected(Rejection rejection) implements Decision {}
}
