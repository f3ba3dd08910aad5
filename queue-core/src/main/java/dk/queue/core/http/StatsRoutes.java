package dk.queue.core.http;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.engine.Engine;
import dk.queue.core.stats.BranchStatistics;
import dk.queue.core.stats.Statistics;
import dk.queue.core.stats.StatisticsCsv;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/branches/{branch}/stats} and {@code GET /api/stats}: statistics of whole local
 * days, read from the event log and computed by {@link Statistics}. {@code from} and {@code to}
 * are ISO dates or instants, each taken as the local day it falls on; both default to today.
 * {@code format=csv} answers CSV instead of JSON.
 */
final class StatsRoutes {
  /** The longest range one request may ask for. */
  static final int MAX_DAYS = 93;
  private final Engine engine;

  StatsRoutes(Engine engine) {
    this.engine = engine;
  }

  void mount(Router api) {
    api.get("/branches/:branch/stats").handler(this::branch);
    api.get("/stats").handler(this::all);
  }

  /** What was asked: checked before anything is read. */
  private record Query(String fromText, String toText, boolean csv) {}

  private static Query query(RoutingContext rc) {
    String format = rc.queryParams().get("format");
    if (format != null && !format.equals("json") && !format.equals("csv")) {
      throw ApiException.invalid("format", "must be json or csv, not '" + format + "'");
    }
    return new Query(rc.queryParams().get("from"), rc.queryParams().get("to"), "csv".equals(format));
  }

  private void branch(RoutingContext rc) {
    String id = rc.pathParam("branch");
    Query q = query(rc);
    BranchDef def = engine.config().branch(id)
        .orElseThrow(() -> ApiException.notFound("unknown_branch", "No branch '" + id + "'"));
    LocalDate[] range = range(q, def.zone());
    compute(def, range).onSuccess(s -> {
      if (q.csv()) {
        csv(rc, StatisticsCsv.render(List.of(s)), id + "-" + range[0] + "-" + range[1]);
      } else {
        Replies.ok(rc, s);
      }
    }).onFailure(rc::fail);
  }

  private void all(RoutingContext rc) {
    Query q = query(rc);
    List<BranchDef> defs = engine.config().branches();
    List<Future<BranchStatistics>> each = new ArrayList<>();
    LocalDate[] first = range(q, defs.get(0).zone());
    for (BranchDef def : defs) {
      each.add(compute(def, range(q, def.zone())));
    }
    Future.all(each).onSuccess(done -> {
      List<BranchStatistics> list = each.stream().map(Future::result).toList();
      if (q.csv()) {
        csv(rc, StatisticsCsv.render(list), "all-" + first[0] + "-" + first[1]);
      } else {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", first[0]);
        body.put("to", first[1]);
        body.put("branches", list);
        Replies.ok(rc, body);
      }
    }).onFailure(rc::fail);
  }

  private Future<BranchStatistics> compute(BranchDef def, LocalDate[] range) {
    Instant[] span = Statistics.span(def, range[0], range[1]);
    return engine.history(def.id(), span[0], span[1])
        .recover(e -> Future.failedFuture(e instanceof java.io.IOException
            ? new ApiException(503, "store_unavailable", "The event log cannot be read now: " + e.getMessage())
            : e))
        .map(events -> Statistics.compute(def, range[0], range[1], events));
  }

  /** The local days asked for, checked: from not after to, at most {@link #MAX_DAYS}. */
  private LocalDate[] range(Query q, ZoneId zone) {
    LocalDate today = engine.clock().instant().atZone(zone).toLocalDate();
    LocalDate from = q.fromText() == null ? null : day("from", q.fromText(), zone);
    LocalDate to = q.toText() == null ? null : day("to", q.toText(), zone);
    if (from == null) {
      from = to == null ? today : to;
    }
    if (to == null) {
      to = from.isAfter(today) ? from : today;
    }
    if (to.isBefore(from)) {
      throw ApiException.invalid("to", "must not be before from (" + from + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw ApiException.invalid("to", "the range may cover at most " + MAX_DAYS + " days");
    }
    return new LocalDate[] {from, to};
  }

  /** An ISO date ({@code 2026-11-25}) or instant ({@code 2026-11-25T08:00:00Z}, any offset), as a local day. */
  static LocalDate day(String field, String text, ZoneId zone) {
    LocalDate day = parseDay(field, text, zone);
    // Days far out would overflow the instants of their span: nothing was recorded there anyway.
    if (day.getYear() < 1970 || day.getYear() > 9999) {
      throw ApiException.invalid(field, "'" + text + "' is not a day between the years 1970 and 9999");
    }
    return day;
  }

  private static LocalDate parseDay(String field, String text, ZoneId zone) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException notADate) {
      try {
        return OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate();
      } catch (DateTimeException notAnInstant) {
        throw ApiException.invalid(field, "'" + text + "' is neither a date (2026-11-25) nor an instant "
            + "(2026-11-25T08:00:00Z)");
      }
    }
  }

  private static void csv(RoutingContext rc, String body, String name) {
    rc.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"stats-" + name + ".csv\"")
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }
}
