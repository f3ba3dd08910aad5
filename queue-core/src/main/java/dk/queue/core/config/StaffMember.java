package dk.queue.core.config;

import java.util.Set;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A member of staff: user name, display name, skills (service ids), a bcrypt hash of the PIN, and
 * whether they may change the node's configuration ({@code admin: true}).
 */
public record StaffMember(String user, String name, Set<String> skills, String pinHash, boolean admin) {
  public StaffMember {
    skills = Set.copyOf(skills);
  }

  public StaffMember(String user, String name, Set<String> skills, String pinHash) {
    this(user, name, skills, pinHash, false);
  }

  public boolean pinMatches(String pin) {
    return pin != null && BCrypt.checkpw(pin, pinHash);
  }
}
