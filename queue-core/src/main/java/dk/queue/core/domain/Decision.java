package dk.queue.core.domain;

import java.util.List;

/** The result of a command: the new state and its events, or a rejection that changes nothing. */
public sealed interface Decision {

  record Accepted(BranchState state, List<Recorded> events) implements Decision {
    public Accepted {
      events = List.copyOf(events);
    }
  }

  record Rejected(Rejection rejection) implements Decision {}
}
