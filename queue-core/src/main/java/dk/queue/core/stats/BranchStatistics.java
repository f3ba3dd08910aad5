package dk.queue.core.stats;

import dk.queue.core.domain.SpecialDay;
import java.time.LocalDate;
import java.util.List;

/**
 * The statistics of one branch over whole local days {@code from} to {@code to} (both included).
 *
 * @param hours  one row per service and local hour that had anything, in date, hour, service order
 * @param totals one row per service of the branch for the whole range, in configuration order
 * @param days   one row per service and local day that had anything ({@code hour} null), in date,
 *               service order
 * @param specialDays the days of the range the branch was closed or kept special hours (by its
 *                    configuration), in date order: a day without figures may have been closed
 */
public record BranchStatistics(String branch, LocalDate from, LocalDate to, List<StatsRow> hours, List<StatsRow> totals,
                               List<StatsRow> days, List<SpecialDay.DayOff> specialDays) {
  public BranchStatistics {
    hours = List.copyOf(hours);
    totals = List.copyOf(totals);
    days = List.copyOf(days);
    specialDays = List.copyOf(specialDays);
  }

  /** Statistics of a branch without closed days or special hours in the range. */
  public BranchStatistics(String branch, LocalDate from, LocalDate to, List<StatsRow> hours, List<StatsRow> totals,
                          List<StatsRow> days) {
    this(branch, from, to, hours, totals, days, List.of());
  }
}
