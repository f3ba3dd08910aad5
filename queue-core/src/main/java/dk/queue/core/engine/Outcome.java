package dk.queue.core.engine;

import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.Rejection;
import java.io.Serializable;
import java.util.List;

/** What a command did, as returned from the member that owns the branch. */
public record Outcome(Rejection rejection, List<Recorded> events, BranchState state) implements Serializable {

  public static Outcome rejected(Rejection r) {
    return new Outcome(r, List.of(), null);
  }

  public boolean accepted() {
    return rejection == null;
  }
}
