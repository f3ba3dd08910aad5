package dk.queue.core.engine;

import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.Views.BranchSnapshot;

/**
 * One live update of a branch, as a node's feed hands it to its local clients: the branch snapshot
 * after {@code seq}, and the event that led to it, or none when this is a (re)synchronising
 * snapshot.
 *
 * @param event the change, or null for a snapshot (first update, or after a gap)
 */
public record Update(String branch, long seq, Recorded event, BranchSnapshot snapshot) {
  public boolean isSnapshot() {
    return event == null;
  }
}
