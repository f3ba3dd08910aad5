package dk.queue.core.engine;

import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.Views.BranchSnapshot;
import dk.queue.core.json.JsonMapping;

/**
 * One live update of a branch, as a node's feed hands it to its local clients: the branch snapshot
 * after {@code seq}, and the event that led to it, or none when this is a (re)synchronising
 * snapshot.
 *
 * @param event the change, or null for a snapshot (first update, or after a gap)
 * @param json  the update as the API sends it, encoded once for every client of the node
 */
public record Update(String branch, long seq, Recorded event, BranchSnapshot snapshot, String json) {

  public Update(String branch, long seq, Recorded event, BranchSnapshot snapshot) {
    this(branch, seq, event, snapshot, null);
  }

  public boolean isSnapshot() {
    return event == null;
  }

  /** The name of the event's type, for example {@code TicketCalled}; {@code snapshot} for a snapshot. */
  public String type() {
    return event == null ? "snapshot" : event.event().getClass().getSimpleName();
  }

  /** The API's JSON: the snapshot itself, or a {@link Change} with the snapshot inside. */
  public String json() {
    if (json != null) {
      return json;
    }
    return isSnapshot() ? JsonMapping.encode(snapshot) : JsonMapping.encode(Change.of(this));
  }

  static Update fromJson(String json) {
    Change c = JsonMapping.decode(json, Change.class);
    return new Update(c.branch(), c.seq(), new Recorded(c.branch(), c.seq(), c.at(), c.event()), c.snapshot(), json);
  }

  /** A change as it travels on the event bus and in the API's event stream. */
  public record Change(String branch, long seq, java.time.Instant at, String type,
                       dk.queue.core.domain.Event event, BranchSnapshot snapshot) {
    static Change of(Update u) {
      return new Change(u.branch(), u.seq(), u.event().at(), u.type(), u.event().event(), u.snapshot());
    }
  }
}
