package dk.queue.core.config;

import dk.queue.core.domain.BranchDef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation as configured: branches with their services and desks, staff, screens, kiosks
 * and the outcomes staff may record when a ticket is done. Built and validated once at start.
 *
 * @param source where it was read from, for messages
 */
public record QueueConfig(String source, List<BranchDef> branches, Map<String, StaffMember> staff,
                          List<ScreenDef> screens, List<KioskDef> kiosks, List<String> outcomes,
                          Map<String, Look> looks) {
  public QueueConfig {
    branches = List.copyOf(branches);
    staff = Map.copyOf(staff);
    screens = List.copyOf(screens);
    kiosks = List.copyOf(kiosks);
    outcomes = List.copyOf(outcomes);
    looks = Map.copyOf(looks);
  }

  /** A configuration whose screens all have the default look. */
  public QueueConfig(String source, List<BranchDef> branches, Map<String, StaffMember> staff,
                     List<ScreenDef> screens, List<KioskDef> kiosks, List<String> outcomes) {
    this(source, branches, staff, screens, kiosks, outcomes, Map.of());
  }

  /** How the branch's screens look. */
  public Look look(String branch) {
    return looks.getOrDefault(branch, Look.DEFAULT);
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
