package dk.queue.core.engine;

import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Recorded;

/**
 * One live update of a branch, as a node's feed hands it to its local clients: the node's own copy
 * of the branch after {@code seq}, and the event that led to it, or none when this is a
 * (re)synchronising snapshot. Each audience's view is rendered from {@code state}.
 *
 * @param event the change, or null for a snapshot (first update, or after a gap)
 */
public record Update(String branch, long seq, Recorded event, BranchState state) {

  public boolean isSnapshot() {
    return event == null;
  }

  /** The name of the event's type, for example {@code TicketCalled}; {@code snapshot} for a snapshot. */
  public String type() {
    return event == null ? "snapshot" : event.event().getClass().getSimpleName();
  }

  /** The same branch as a snapshot: what a subscriber that joins now receives first. */
  public Update asSnapshot() {
    return event == null ? this : new Update(branch, seq, null, state);
  }
}
