package dk.queue.core.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * The statistics of one branch over whole local days {@code from} to {@code to} (both included).
 *
 * @param hours  one row per service and local hour that had anything, in date, hour, service order
 * @param totals one row per service of the branch for the whole range, in configuration order
 * @param days   one row per service and local day that had anything ({@code hour} null), in date,
 *               service order
 */
public record BranchStatistics(String branch, LocalDate from, LocalDate to, List<StatsRow> hours, List<StatsRow> totals,
                               List<StatsRow> days) {
  public BranchStatistics {
    hours = List.copyOf(hours);
    totals = List.copyOf(totals);
    days = List.copyOf(days);
  }
}
