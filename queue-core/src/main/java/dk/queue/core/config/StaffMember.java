package dk.queue.core.config;

import java.util.Set;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A member of staff: user name, display name, skills (service ids), a bcrypt hash of the PIN,
 * whether they may change the node's configuration ({@code admin: true}), and the branches they
 * supervise ({@code supervises}): there they may pause, close or take over any desk.
 */
public record StaffMember(String user, String name, Set<String> skills, String pinHash, boolean admin,
                          Set<String> supervises) {
  public StaffMember {
    skills = Set.copyOf(skills);
    supervises = Set.copyOf(supervises);
  }

  public StaffMember(String user, String name, Set<String> skills, String pinHash, boolean admin) {
    this(user, name, skills, pinHash, admin, Set.of());
  }

  /** Whether they may act on any desk of the branch. */
  public boolean supervises(String branch) {
    return supervises.contains(branch);
  }

  public StaffMember(String user, String name, Set<String> skills, String pinHash) {
    this(user, name, skills, pinHash, false);
  }

  public boolean pinMatches(String pin) {
    return pin != null && BCrypt.checkpw(pin, pinHash);
  }
}
