package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.auth.Role;
import dk.queue.core.config.ConfigLoader;
import dk.queue.core.node.Http.Reply;
import dk.queue.core.node.TestConfig;
import dk.queue.core.node.TestNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The administration API on a real node with every page module: each route of the router tried
 * with each role, versions with a conflict, closed days and a PIN changed, export loaded into a
 * fresh node.
 */
class AdminApiIT {
  private static final String HASH = TestConfig.PIN_HASH;
  private static final String YAML = "# the organisation\n" + TestConfig.TWO_BRANCHES_YAML + String.join("\n",
      "staff:",
      "  - {user: anna, name: Anna, pinHash: \"" + HASH + "\", skills: [pas]}",
      "  - {user: sara, name: Sara, pinHash: \"" + HASH + "\", skills: [pas], supervises: [main]}",
      "  - {user: boss, name: Boss, pinHash: \"" + HASH + "\", skills: [pas], admin: true}",
      "screens:",
      "  - {id: s1, branch: main}",
      "kiosks:",
      "  - {id: k1, branch: main}",
      "outcomes: [served]",
      "");
  /** The least role each route needs; null for public. A route missing here fails the test. */
  private static final Map<String, Role> NEEDS = new LinkedHashMap<>();

  static {
    for (String publicRoute : List.of("GET /api/branches", "GET /api/branches/:branch",
        "GET /api/branches/:branch/events", "POST /api/branches/:branch/tickets", "GET /api/tickets/:ticket",
        "DELETE /api/tickets/:ticket", "GET /api/tickets/:ticket/events", "POST /api/login",
        "GET /api/branches/:branch/stats", "GET /api/stats", "GET /api/holidays", "GET /metrics",
        "GET /health/live", "GET /health/ready", "GET /openapi.yaml", "GET /", "GET /kiosk/:kiosk",
        "POST /kiosk/:kiosk/print", "GET /desk/:branch/:desk", "GET /t/:ticket/qr.svg", "GET /t/:ticket",
        "GET /screens/:screen", "GET /screens/:screen/live", "GET /ops", "GET /ops/plan", "GET /admin",
        // Signing out without a sign-in does nothing, so it needs none.
        "POST /api/logout",
        // A screen reports and reads whether its sound plays; the list is shown on /ops.
        "GET /api/screens/sound", "GET /api/screens/:screen/sound", "POST /api/screens/:screen/sound",
        // Booking: the holder's secret or code is their key; check-in is at the kiosk.
        "GET /api/bookable", "GET /api/branches/:branch/services/:service/slots", "POST /api/branches/:branch/bookings",
        "POST /api/branches/:branch/check-in", "GET /api/bookings/:secret", "POST /api/bookings/:secret/move",
        "DELETE /api/bookings/:secret", "GET /book", "GET /b/:secret", "GET /book/code/:code/qr.svg",
        // Sign-in through the identity provider: its start and the provider's answer need no sign-in.
        "GET /auth/oidc/login", "GET /auth/oidc/callback",
        // A staff calendar's feed: its token is the key.
        "GET /api/branches/:branch/services/:service/calendar.ics")) {
      NEEDS.put(publicRoute, null);
    }
    for (String staffRoute : List.of("GET /api/me", "GET /api/me/profiles", "POST /api/me/profiles",
        "DELETE /api/me/profiles/:name", "GET /api/branches/:branch/bookings",
        "POST /api/branches/:branch/bookings/:code/no-show", "GET /api/branches/:branch/move-targets",
        "POST /api/branches/:branch/bookings/import", "GET /api/branches/:branch/calendar-links")) {
      NEEDS.put(staffRoute, Role.STAFF);
    }
    for (String action : List.of("open", "pause", "resume", "close", "call-next", "call", "undo", "recall",
        "start", "done", "no-show", "transfer", "move")) {
      NEEDS.put("POST /api/branches/:branch/desks/:desk/" + action, Role.STAFF);
    }
    NEEDS.put("POST /api/branches/:branch/desks/:desk/take-over", Role.SUPERVISOR);
    for (String adminRoute : List.of("GET /api/admin/config", "POST /api/admin/config",
        "POST /api/admin/branches/:branch/closed-days", "POST /api/admin/staff/:user/pin", "GET /api/admin/audit",
        "POST /api/admin/:list/:id", "DELETE /api/admin/:list/:id")) {
      NEEDS.put(adminRoute, Role.ADMIN);
    }
  }

  private static Path data;
  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    data = Files.createTempDirectory("queue-admin");
    Path file = data.resolve("organisation.yaml");
    Files.writeString(file, YAML);
    node = TestNode.start(data.resolve("node"), o -> o.withConfig(ConfigLoader.load(file))
        .withWebModules(Main.webModules()));
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  /** Every route with a path and methods, from the router and the routers mounted in it. */
  private static List<String> routes(Router router, String prefix) {
    List<String> all = new ArrayList<>();
    for (Route r : router.getRoutes()) {
      if (r.getSubRouter() != null) {
        all.addAll(routes(r.getSubRouter(), prefix + r.getPath().replace("*", "").replaceAll("/$", "")));
      } else if (r.getPath() != null && r.methods() != null && !r.methods().isEmpty()) {
        for (HttpMethod m : r.methods()) {
          all.add(m.name() + " " + prefix + r.getPath());
        }
      }
    }
    return all.stream().distinct().toList();
  }

  private static Reply call(String route, String token) throws Exception {
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1).replace(":branch", "main").replace(":desk", "d1")
        .replace(":ticket", "unknown").replace(":kiosk", "k1").replace(":screen", "s1").replace(":user", "anna")
        .replace(":service", "pas").replace(":secret", "unknown").replace(":code", "AAAAAA").replace(":name", "none");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    // Bodies that are refused once past the role check, so that trying changes nothing.
    String body = method.equals("GET") || method.equals("DELETE") ? null : "{\"version\": -1}";
    return node.send(method, path + (path.endsWith("/events") || path.endsWith("/live") ? "?probe" : ""), body, headers);
  }

  @Test
  void everyRouteChecksItsRoleWithEveryRole() throws Exception {
    List<String> routes = routes(node.node.router(), "");
    assertThat(NEEDS.keySet()).as("routes without a role in this test's table").containsAll(routes);
    Map<String, String> users = Map.of("anna", "staff", "sara", "supervisor", "boss", "administrator");
    List<String> wrong = new ArrayList<>();
    for (String route : routes) {
      if (route.endsWith("/events") || route.endsWith("/live")) {
        continue; // event streams stay open: their audience is checked in EventStreamIT
      }
      Role needs = NEEDS.get(route);
      int anonymous = call(route, null).status();
      if (needs == null ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
        wrong.add(route + " without sign-in: " + anonymous);
      }
      for (Role role : Role.values()) {
        String user = role == Role.STAFF ? "anna" : role == Role.SUPERVISOR ? "sara" : "boss";
        int status = call(route, node.login(user)).status();
        boolean allowed = needs == null || role.compareTo(needs) >= 0;
        if (allowed ? status == 401 || status == 403 : status != 403) {
          wrong.add(route + " as " + users.get(user) + ": " + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(routes).as("the admin routes are among those tried").contains("GET /api/admin/config");
  }

  @Test
  void closedDaysAndPinsAreSavedAsNewVersionsAndTheSecondOfTwoSavesIsToldOfTheFirst() throws Exception {
    String boss = node.login("boss");
    Reply export = node.get("/api/admin/config", boss);
    assertThat(export.status()).isEqualTo(200);
    long version = Long.parseLong(etag(boss));
    String days = "{\"version\": " + version + ", \"days\": [{\"holiday\": \"juledag\"}, "
        + "{\"date\": \"2026-12-24\", \"reason\": {\"da\": \"Jul\", \"en\": \"Christmas\"}}]}";
    Reply first = node.send("POST", "/api/admin/branches/main/closed-days", days, json(boss));
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(first.body().get("version").asLong()).isEqualTo(version + 1);
    Reply second = node.send("POST", "/api/admin/staff/anna/pin", "{\"version\": " + version + ", \"pin\": \"4321\"}",
        json(boss));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.error()).isEqualTo("version_conflict");
    assertThat(second.body().get("currentVersion").asLong()).isEqualTo(version + 1);
    assertThat(second.body().get("savedBy").asText()).isEqualTo("boss");
    assertThat(second.body().get("change").asText()).isEqualTo("closed days of main: 2 entries");
    assertThat(node.login("anna")).as("the refused PIN was not set").isNotNull();

    Reply invalid = node.send("POST", "/api/admin/branches/main/closed-days", "{\"version\": " + (version + 1)
        + ", \"days\": [{\"date\": \"24-12-2026\"}]}", json(boss));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.error()).isEqualTo("invalid_config");
    assertThat(invalid.body().get("message").asText())
        .contains("branches[0].closedDays[0].date: \"24-12-2026\" is not a date (YYYY-MM-DD, e.g. 2026-12-24)");
    assertThat(etag(boss)).as("nothing saved").isEqualTo(String.valueOf(version + 1));

    Reply pin = node.send("POST", "/api/admin/staff/anna/pin", "{\"version\": " + (version + 1) + ", \"pin\": \"4321\"}",
        json(boss));
    assertThat(pin.status()).as(pin.text()).isEqualTo(200);
    assertThat(node.post("/api/login", "{\"user\":\"anna\",\"pin\":\"4321\"}").status()).isEqualTo(200);
    assertThat(node.post("/api/login", "{\"user\":\"anna\",\"pin\":\"1234\"}").status()).isEqualTo(401);

    JsonNode audit = node.get("/api/admin/audit", boss).body();
    assertThat(audit.get(0).get("change").asText()).isEqualTo("new PIN for anna");
    assertThat(audit.get(0).get("by").asText()).isEqualTo("boss");
    assertThat(audit.get(1).get("change").asText()).isEqualTo("closed days of main: 2 entries");

    // Export, and the text loads into a fresh node with the same result.
    String exported = node.get("/api/admin/config", boss).text();
    Path file = Files.createTempDirectory("queue-admin-fresh").resolve("exported.yaml");
    Files.writeString(file, exported);
    try (TestNode fresh = TestNode.start(file.getParent().resolve("node"), o -> o.withConfig(ConfigLoader.load(file)))) {
      assertThat(fresh.node.engine().config().branches()).isEqualTo(node.node.engine().config().branches());
      assertThat(fresh.post("/api/login", "{\"user\":\"anna\",\"pin\":\"4321\"}").status()).isEqualTo(200);
    }
    // The other tests of this class sign anna in with her first PIN.
    assertThat(node.send("POST", "/api/admin/staff/anna/pin", "{\"version\": " + (version + 2) + ", \"pin\": \"1234\"}",
        json(boss)).status()).isEqualTo(200);
  }

  @Test
  void aRestartKeepsTheSavedVersionAndAnEditedFileBecomesTheNext() throws Exception {
    Path dir = Files.createTempDirectory("queue-admin-restart");
    Path file = dir.resolve("organisation.yaml");
    Files.writeString(file, YAML);
    try (TestNode first = TestNode.start(dir.resolve("node"), o -> o.withConfig(ConfigLoader.load(file)))) {
      String boss = first.login("boss");
      Reply saved = first.send("POST", "/api/admin/branches/vest/closed-days",
          "{\"version\": 1, \"days\": [\"helligdage\"]}", json(boss));
      assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    }
    try (TestNode again = TestNode.start(dir.resolve("node"), o -> o.withConfig(ConfigLoader.load(file)))) {
      assertThat(again.node.engine().config().branch("vest").orElseThrow().closedDays().days()).hasSize(1);
    }
    Files.writeString(file, YAML.replace("Vestbiblioteket", "Vestbyens Bibliotek"));
    try (TestNode edited = TestNode.start(dir.resolve("node"), o -> o.withConfig(ConfigLoader.load(file)))) {
      assertThat(edited.node.engine().config().branch("vest").orElseThrow().name()).isEqualTo("Vestbyens Bibliotek");
      assertThat(edited.get("/api/admin/audit", edited.login("boss")).body().get(0).get("version").asLong()).isEqualTo(3);
    }
  }

  @Test
  void theHolidayListIsPublic() throws Exception {
    JsonNode list = node.get("/api/holidays?year=2026").body();
    assertThat(list).hasSize(13);
    assertThat(list.get(0).get("key").asText()).isEqualTo("nytaarsdag");
    assertThat(node.get("/api/holidays?year=x").error()).isEqualTo("invalid");
  }

  private static Map<String, String> json(String token) {
    return Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token);
  }

  private static String etag(String token) throws Exception {
    java.net.http.HttpResponse<String> r = node.http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(node.base() + "/api/admin/config")).header("Authorization", "Bearer " + token).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return r.headers().firstValue("ETag").orElseThrow().replace("\"", "");
  }
}
