package dk.queue.core.sim;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real day's arrivals from a branch's events, for a what-if run: each ticket taken that day, at
 * the time it was taken (seconds from the day's local midnight), with the time it was served (from
 * its start at the desk to done). Tickets that were never served (cancelled, no-show, expired)
 * are left out: their service time is unknown.
 */
public final class Replay {
  private Replay() {}

  /** The day's arrivals, and how many tickets were left out. */
  public record Day(Instant start, List<Arrival> arrivals, int leftOut) {}

  /** The span of events to read for {@code day}: its local day. */
  public static Instant[] span(BranchDef def, LocalDate day) {
    return new Instant[] {day.atStartOfDay(def.zone()).toInstant(), day.plusDays(1).atStartOfDay(def.zone()).toInstant()};
  }

  public static Day of(BranchDef def, LocalDate day, List<Recorded> events) {
    Instant start = span(def, day)[0];
    Map<String, double[]> open = new HashMap<>();
    Map<String, String> service = new HashMap<>();
    List<String> order = new ArrayList<>();
    Map<String, Double> served = new HashMap<>();
    for (Recorded r : events) {
      double t = Duration.between(start, r.at()).toMillis() / 1000.0;
      if (r.event() instanceof Event.TicketIssued e) {
        open.put(e.ticket(), new double[] {t, Double.NaN});
        service.put(e.ticket(), e.service());
        order.add(e.ticket());
      } else if (r.event() instanceof Event.ServiceStarted e && open.containsKey(e.ticket())) {
        open.get(e.ticket())[1] = t;
      } else if (r.event() instanceof Event.TicketDone e && open.containsKey(e.ticket())) {
        double began = open.get(e.ticket())[1];
        if (!Double.isNaN(began)) {
          served.put(e.ticket(), t - began);
        }
      }
    }
    List<Arrival> arrivals = new ArrayList<>();
    for (String ticket : order) {
      Double seconds = served.get(ticket);
      if (seconds != null) {
        arrivals.add(new Arrival(open.get(ticket)[0], service.get(ticket), seconds));
      }
    }
    return new Day(start, arrivals, order.size() - arrivals.size());
  }
}
