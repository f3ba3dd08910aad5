package dk.queue.core.domain;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * When the time alone changes a branch: the next opening or closing of one of its services, or
 * its next local midnight (a new day). Between two such moments only commands change what is
 * available, so nothing needs to look at the branch in between.
 */
public final class Timetable {
  private Timetable() {}

  /** The first moment after {@code now} at which availability or the day may change. */
  public static Instant nextChange(BranchDef def, Instant now) {
    ZonedDateTime local = now.atZone(def.zone());
    ZonedDateTime next = local.toLocalDate().plusDays(1).atStartOfDay(def.zone());
    for (ServiceDef s : def.services()) {
      ZonedDateTime change = s.hours().isOpen(local)
          ? s.hours().closesAt(local).orElse(next)
          : s.hours().nextOpening(local).orElse(next);
      if (change.isAfter(local) && change.isBefore(next)) {
        next = change;
      }
    }
    return next.toInstant();
  }
}
