package dk.queue.core.config;

import dk.queue.core.domain.BranchDef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation as configured: branches with their services and desks, staff, screens, kiosks
 * and the outcomes staff may record when a ticket is done. Built and validated once at start.
 *
 * @param source        where it was read from, for messages
 * @param retentionDays how many days of events the store keeps ({@code retention: {days: N}});
 *                      older ones are deleted daily
 */
public record QueueConfig(String source, List<BranchDef> branches, Map<String, StaffMember> staff,
                          List<ScreenDef> screens, List<KioskDef> kiosks, List<String> outcomes, int retentionDays) {
  /** Kept when the configuration does not say: a quarter of a year of statistics. */
  public static final int DEFAULT_RETENTION_DAYS = 90;
  public static final int MAX_RETENTION_DAYS = 3660;

  /** A configuration with the default retention. */
  public QueueConfig(String source, List<BranchDef> branches, Map<String, StaffMember> staff,
                     List<ScreenDef> screens, List<KioskDef> kiosks, List<String> outcomes) {
    this(source, branches, staff, screens, kiosks, outcomes, DEFAULT_RETENTION_DAYS);
  }

  public QueueConfig {
    branches = List.copyOf(branches);
    staff = Map.copyOf(staff);
    screens = List.copyOf(screens);
    kiosks = List.copyOf(kiosks);
    outcomes = List.copyOf(outcomes);
  }

  public Optional<BranchDef> branch(String id) {
    return branches.stream().filter(b -> b.id().equals(id)).findFirst();
  }

  public Optional<ScreenDef> screen(String id) {
    return screens.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<KioskDef> kiosk(String id) {
    return kiosks.stream().filter(k -> k.id().equals(id)).findFirst();
  }
}
