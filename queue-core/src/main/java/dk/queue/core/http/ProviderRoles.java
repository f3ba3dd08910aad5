package dk.queue.core.http;

import dk.queue.core.config.OidcConfig;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.config.StaffMember;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;

/**
 * Roles given by the provider's claim ({@code oidc.rolesClaim}): {@code admin} and
 * {@code supervisor:<branch>}; other values are not ours and are left out. Kept with a session as
 * text, such as {@code "admin,supervisor:main"}; the empty text is staff alone.
 */
final class ProviderRoles {
  static final String ADMIN = "admin";
  static final String SUPERVISOR = "supervisor:";

  private ProviderRoles() {}

  /** Whether the configuration takes roles from a claim. */
  static boolean claimed(QueueConfig config) {
    return config.oidc() != null && config.oidc().rolesClaim() != null;
  }

  /** The roles in the claims at the configured (dotted) path, of branches that exist; none when absent. */
  static String of(JsonObject claims, OidcConfig oidc, Set<String> branches) {
    Object value = claims;
    for (String part : oidc.rolesClaim().split("\\.")) {
      value = value instanceof JsonObject o ? o.getValue(part) : null;
    }
    Set<String> roles = new TreeSet<>();
    Iterable<?> values = value instanceof JsonArray a ? a : value instanceof String s ? Set.of(s.split(" ")) : Set.of();
    for (Object v : values) {
      String role = String.valueOf(v);
      if (role.equals(ADMIN) || role.startsWith(SUPERVISOR) && branches.contains(role.substring(SUPERVISOR.length()))) {
        roles.add(role);
      }
    }
    return String.join(",", roles);
  }

  /** The staff member with the provider's roles instead of those of the staff entry. */
  static StaffMember apply(StaffMember staff, String roles) {
    Set<String> supervises = new TreeSet<>();
    boolean admin = false;
    for (String role : roles.split(",")) {
      if (role.equals(ADMIN)) {
        admin = true;
      } else if (role.startsWith(SUPERVISOR)) {
        supervises.add(role.substring(SUPERVISOR.length()));
      }
    }
    return new StaffMember(staff.user(), staff.name(), staff.skills(), staff.pinHash(), admin, supervises);
  }
}
