package dk.queue.core.config;

import java.util.Set;
import org.mindrot.jbcrypt.BCrypt;

/** A member of staff: user name, display name, skills (service ids) and a bcrypt hash of the PIN. */
public record StaffMember(String user, String name, Set<String> skills, String pinHash) {
  public StaffMember {
    skills = Set.copyOf(skills);
  }

  public boolean pinMatches(String pin) {
    return pin != null && BCrypt.checkpw(pin, pinHash);
  }
}
