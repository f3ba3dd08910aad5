package dk.queue.core.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A branch's closed days and days of special hours. Where entries overlap, one that names dates
 * wins over a holiday rule, and among those the first listed wins.
 */
public record ClosedDays(List<SpecialDay> days) implements Serializable {
  public static final ClosedDays NONE = new ClosedDays(List.of());

  public ClosedDays {
    days = days == null ? List.of() : List.copyOf(days);
  }

  /** What the branch keeps on {@code date} instead of its week, if anything. */
  public Optional<SpecialDay.DayOff> on(LocalDate date) {
    Optional<SpecialDay.DayOff> named = first(date, true);
    return named.isPresent() ? named : first(date, false);
  }

  /** Closed all day on {@code date}. */
  public boolean closedOn(LocalDate date) {
    return on(date).filter(SpecialDay.DayOff::closed).isPresent();
  }

  /** How many days beyond a week a search for the next opening must look to get past every entry. */
  int reach() {
    return days.stream().mapToInt(SpecialDay::reach).sum();
  }

  private Optional<SpecialDay.DayOff> first(LocalDate date, boolean dated) {
    for (SpecialDay d : days) {
      if ((d.holiday() == null) == dated) {
        Optional<SpecialDay.DayOff> off = d.on(date);
        if (off.isPresent()) {
          return off;
        }
      }
    }
    return Optional.empty();
  }
}
