package dk.queue.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.auth.Role;
import dk.queue.core.config.ConfigEdits;
import dk.queue.core.config.ConfigException;
import dk.queue.core.domain.DanishHolidays;
import dk.queue.core.engine.ConfigVersions;
import dk.queue.core.json.JsonMapping;
import dk.queue.core.node.ConfigAdmin;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The administration API, for administrators only ({@code admin: true}):
 * <ul>
 * <li>{@code GET /api/admin/config}: the running configuration as YAML, its version in
 *     {@code ETag} (export); as a JSON tree with {@code Accept: application/json};</li>
 * <li>{@code POST /api/admin/config}: a whole configuration as YAML (import); with
 *     {@code If-Match: <version>} it is refused (409 {@code version_conflict}, naming the current
 *     version, who saved it and what changed) when another was saved since;</li>
 * <li>{@code POST /api/admin/branches/{branch}/closed-days} {@code {version, days}}: a branch's
 *     closed days and special hours, entries as in the file;</li>
 * <li>{@code POST /api/admin/staff/{user}/pin} {@code {version, pin}}: a new PIN;</li>
 * <li>{@code POST /api/admin/{list}/{id}} {@code {version, set}}: one item of {@code services},
 *     {@code branches}, {@code staff}, {@code screens}, {@code kiosks} or {@code signage} changed
 *     field by field, or added ({@link ConfigEdits#withItem}); {@code DELETE
 *     /api/admin/{list}/{id}?version=} removes it;</li>
 * <li>{@code GET /api/admin/audit}: the newest versions, who saved them, when and what changed.</li>
 * </ul>
 * Every change is checked by the configuration loader (400 {@code invalid_config} with its
 * messages, and each one's field in {@code problems}), taken on by every node without a restart, and refused whole (409 {@code in_use}) when
 * it removes something in use. Beside them, public: {@code GET /api/holidays?year=} the ready list.
 */
public final class AdminRoutes {
  /** A configuration of a large organisation fits; a request larger is refused with 413. */
  static final long CONFIG_LIMIT = 1024 * 1024;
  /** Where a new configuration is sent. */
  static final String CONFIG = "/api/admin/config";
  /** How many versions the audit log shows. */
  static final int AUDIT = 50;

  private AdminRoutes() {}

  public static void mount(Router router, Sessions sessions, ConfigAdmin admin) {
    router.route("/api/admin/*").handler(BodyHandler.create(false).setBodyLimit(CONFIG_LIMIT))
        .handler(Access.require(sessions, Role.ADMIN));
    router.get(CONFIG).handler(rc -> admin.current().onSuccess(latest -> {
      if (latest.isEmpty()) {
        rc.fail(ApiException.notFound("no_text", "The node was started without a configuration file; post one first"));
        return;
      }
      ConfigVersions.Saved v = latest.get();
      String accept = rc.request().getHeader("Accept");
      if (accept != null && accept.contains("application/json")) {
        // The same text as a JSON tree, for the pages' forms.
        rc.response().putHeader("ETag", "\"" + v.version() + "\"");
        Replies.ok(rc, ConfigEdits.tree(v.yaml()));
        return;
      }
      rc.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
          .putHeader("ETag", "\"" + v.version() + "\"")
          .putHeader("Content-Disposition", "attachment; filename=\"configuration-v" + v.version() + ".yaml\"")
          .end(v.yaml());
    }).onFailure(rc::fail));
    router.post(CONFIG).handler(rc -> {
      String yaml = rc.body().asString();
      if (yaml == null || yaml.isBlank()) {
        throw ApiException.invalid("body", "send the configuration as YAML");
      }
      save(rc, admin, ifMatch(rc), current -> new ConfigEdits.Edited(yaml, "configuration imported"));
    });
    router.post("/api/admin/branches/:branch/closed-days").handler(rc -> {
      JsonNode body = json(rc);
      String branch = rc.pathParam("branch");
      save(rc, admin, version(body), yaml -> new ConfigEdits.Edited(ConfigEdits.withClosedDays(yaml, branch,
          body.get("days")), "closed days of " + branch + ": " + body.path("days").size() + " entries"));
    });
    router.post("/api/admin/staff/:user/pin").handler(rc -> {
      JsonNode body = json(rc);
      String user = rc.pathParam("user");
      String pin = body.path("pin").asText(null);
      if (pin == null || !pin.matches("\\d{4,8}")) {
        throw ApiException.invalid("pin", "a PIN is 4 to 8 digits");
      }
      save(rc, admin, version(body), yaml -> new ConfigEdits.Edited(ConfigEdits.withPin(yaml, user, pin),
          "new PIN for " + user));
    });
    router.post("/api/admin/:list/:id").handler(rc -> {
      JsonNode body = json(rc);
      Long version = version(body);
      if (!(body.get("set") instanceof com.fasterxml.jackson.databind.node.ObjectNode set)) {
        throw ApiException.invalid("set", "the fields to change, as a JSON object");
      }
      save(rc, admin, version, yaml -> ConfigEdits.withItem(yaml, rc.pathParam("list"), rc.pathParam("id"), set));
    });
    router.delete("/api/admin/:list/:id").handler(rc -> {
      Long version;
      try {
        version = Long.parseLong(String.valueOf(rc.queryParams().get("version")));
      } catch (NumberFormatException e) {
        throw ApiException.invalid("version", "required: ?version= the version the change was made from");
      }
      save(rc, admin, version, yaml -> ConfigEdits.withItem(yaml, rc.pathParam("list"), rc.pathParam("id"), null));
    });
    router.get("/api/admin/audit").handler(rc -> admin.history(AUDIT).onSuccess(list -> Replies.ok(rc,
        list.stream().map(v -> Map.of("version", v.version(), "at", v.at(), "by", v.source(), "change", v.summary()))
            .toList())).onFailure(rc::fail));
    router.route("/api/admin/*").failureHandler(Errors::handle);
    router.get("/api/holidays").handler(AdminRoutes::holidays).failureHandler(Errors::handle);
  }

  private static void holidays(RoutingContext rc) {
    String year = rc.queryParams().get("year");
    int y;
    try {
      y = year == null ? LocalDate.now().getYear() : Integer.parseInt(year);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("year", "a year such as 2026, not '" + year + "'");
    }
    if (y < 1900 || y > 2200) {
      throw ApiException.invalid("year", "between 1900 and 2200");
    }
    Replies.ok(rc, DanishHolidays.all(y).stream().map(d -> Map.of("date", d.date(), "key", d.day().key(),
        "name", d.day().text(), "publicHoliday", d.day().publicHoliday())).toList());
  }

  private static JsonNode json(RoutingContext rc) {
    try {
      JsonNode body = JsonMapping.mapper().readTree(rc.body().asString() == null ? "" : rc.body().asString());
      if (body == null || !body.isObject()) {
        throw ApiException.invalid("body", "send a JSON object");
      }
      return body;
    } catch (java.io.IOException e) {
      throw ApiException.invalid("body", "not valid JSON");
    }
  }

  private static Long version(JsonNode body) {
    JsonNode v = body.get("version");
    if (v == null || !v.canConvertToLong()) {
      throw ApiException.invalid("version", "required: the version the change was made from (ETag of the export)");
    }
    return v.asLong();
  }

  private static Long ifMatch(RoutingContext rc) {
    String header = rc.request().getHeader("If-Match");
    if (header == null) {
      return null;
    }
    try {
      return Long.parseLong(header.replace("\"", "").trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("If-Match", "the version number from the export's ETag");
    }
  }

  private static void save(RoutingContext rc, ConfigAdmin admin, Long basedOn,
                           Function<String, ConfigEdits.Edited> edit) {
    String user = Access.member(rc).user();
    admin.current().compose(latest -> {
      String base = latest.map(ConfigVersions.Saved::yaml).orElse(null);
      if (base == null && basedOn != null && basedOn != 0) {
        return Future.failedFuture(ApiException.notFound("no_text", "No configuration text to change"));
      }
      ConfigEdits.Edited edited;
      try {
        edited = edit.apply(base == null ? "" : base);
      } catch (ConfigEdits.UnknownTarget e) {
        return Future.failedFuture(ApiException.notFound("unknown", e.getMessage()));
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(ApiException.invalid("body", e.getMessage()));
      }
      return admin.save(basedOn, edited.yaml(), user, edited.summary());
    }).onComplete(ar -> answer(rc, ar.result(), ar.cause()));
  }

  private static void answer(RoutingContext rc, ConfigAdmin.Saved result, Throwable failure) {
    if (failure instanceof ConfigException e) {
      rc.fail(new ApiException(400, "invalid_config", e.getMessage(), Map.of("problems", e.problems().stream()
          .map(p -> Map.of("path", p.path(), "message", p.message())).toList())));
    } else if (failure instanceof ConfigVersions.Conflict c) {
      Map<String, Object> current = new LinkedHashMap<>();
      current.put("currentVersion", c.current().version());
      current.put("savedBy", c.current().source());
      current.put("savedAt", c.current().at());
      current.put("change", c.current().summary());
      rc.fail(new ApiException(409, "version_conflict", "Someone else saved the configuration meanwhile: version "
          + c.current().version() + " by " + c.current().source() + " (" + c.current().summary()
          + "). Load it again and make your change there.", current));
    } else if (failure != null) {
      rc.fail(failure);
    } else if (!result.applied().refused().isEmpty()) {
      rc.fail(new ApiException(409, "in_use", String.join(" ", result.applied().refused())));
    } else {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("version", result.version().version());
      body.put("branches", result.applied().branches());
      Replies.ok(rc, body);
    }
  }
}
