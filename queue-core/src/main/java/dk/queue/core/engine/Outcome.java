package dk.queue.core.engine;

import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.Rejection;
import dk.queue.core.domain.Ticket;
import dk.queue.core.views.BranchView.DeskView;
import dk.queue.core.views.TicketView;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a command did, as returned from the member that owns the branch: small whatever the size
 * of the branch. Never the branch state.
 *
 * @param events  the events the command recorded, in seq order
 * @param ticket  the ticket the command was about (issued, cancelled, called, served...), as its holder
 *                sees it, with position and estimate while it waits; null when none
 * @param desk    the desk of a desk command, as staff see it; null otherwise
 * @param tickets the tickets the events name, as they are after the command (for counting and timing)
 */
public record Outcome(Rejection rejection, List<Recorded> events, TicketView ticket, DeskView desk,
                      Map<String, Ticket> tickets) implements Serializable {

  public static Outcome rejected(Rejection r) {
    return new Outcome(r, List.of(), null, null, Map.of());
  }

  public boolean accepted() {
    return rejection == null;
  }
}
