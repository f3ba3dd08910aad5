package dk.queue.core.auth;

import dk.queue.core.config.StaffMember;

/**
 * What a signed-in person may do. Each role includes the ones before it: a supervisor is staff
 * (and supervises the branches named in {@code supervises:}); an administrator changes the
 * configuration ({@code admin: true}). Anyone without a sign-in is public and has no role.
 */
public enum Role {
  STAFF, SUPERVISOR, ADMIN;

  /** Whether {@code member} holds this role (for {@link #SUPERVISOR}: at some branch). */
  public boolean heldBy(StaffMember member) {
    return switch (this) {
      case STAFF -> true;
      case SUPERVISOR -> member.admin() || !member.supervises().isEmpty();
      case ADMIN -> member.admin();
    };
  }

  /** Whether {@code member} holds this role at {@code branch}. */
  public boolean heldAt(StaffMember member, String branch) {
    return this == SUPERVISOR ? member.admin() || member.supervises(branch) : heldBy(member);
  }
}
