package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.auth.Role;
import dk.queue.core.config.OidcConfig;
import dk.queue.core.config.StaffMember;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Roles from the provider's claim, in place of those of the staff entry. */
class ProviderRolesTest {
  private static final Set<String> BRANCHES = Set.of("main", "vest");

  private static OidcConfig claim(String path) {
    return new OidcConfig("https://idp", "queue", null, "https://koe", List.of("openid"), OidcConfig.MatchBy.SUB, path,
        true, Map.of());
  }

  @Test
  void ourRolesAreTakenFromAListOrNestedClaimAndOthersAreLeftOut() {
    JsonObject entra = new JsonObject().put("roles", new JsonArray().add("supervisor:vest").add("admin").add("Reader")
        .add("supervisor:nowhere"));
    assertThat(ProviderRoles.of(entra, claim("roles"), BRANCHES)).isEqualTo("admin,supervisor:vest");
    JsonObject keycloak = new JsonObject().put("realm_access", new JsonObject().put("roles",
        new JsonArray().add("offline_access").add("supervisor:main")));
    assertThat(ProviderRoles.of(keycloak, claim("realm_access.roles"), BRANCHES)).isEqualTo("supervisor:main");
    assertThat(ProviderRoles.of(new JsonObject().put("roles", "admin supervisor:main"), claim("roles"), BRANCHES))
        .isEqualTo("admin,supervisor:main");
    assertThat(ProviderRoles.of(new JsonObject(), claim("roles"), BRANCHES)).isEmpty();
  }

  @Test
  void theClaimsRolesReplaceThoseOfTheStaffEntry() {
    StaffMember configuredAdmin = new StaffMember("anna", "Anna", Set.of("pas"), "$2a$04$x", true, Set.of("main"));
    StaffMember staff = ProviderRoles.apply(configuredAdmin, "");
    assertThat(Role.ADMIN.heldBy(staff)).isFalse();
    assertThat(Role.SUPERVISOR.heldBy(staff)).isFalse();
    assertThat(staff.skills()).containsExactly("pas");
    StaffMember supervisor = ProviderRoles.apply(configuredAdmin, "supervisor:vest");
    assertThat(Role.SUPERVISOR.heldAt(supervisor, "vest")).isTrue();
    assertThat(Role.SUPERVISOR.heldAt(supervisor, "main")).isFalse();
    assertThat(Role.ADMIN.heldBy(ProviderRoles.apply(configuredAdmin, "admin"))).isTrue();
  }
}
