package dk.queue.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.auth.Role;
import dk.queue.core.domain.Booking;
import dk.queue.core.domain.BookingImport;
import dk.queue.core.domain.BookingRequest;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Rejection;
import dk.queue.core.engine.Engine;
import dk.queue.core.engine.IdGenerator;
import dk.queue.core.json.JsonMapping;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/branches/{b}/bookings/import}: bookings made in another system, as CSV
 * ({@code text/csv}, a header row naming the columns) or JSON (an array of objects), for staff
 * and administrators. Every row is checked first; any bad row refuses the whole import (400
 * {@code invalid_import} with each bad row's number, field and reason) and changes nothing.
 * Otherwise all rows are booked as one command in the branch's single writer. A row is known again
 * by its {@code externalId}, or else by its service, start and name, so importing the same file
 * twice books nothing twice.
 */
final class BookingImportRoutes {
  static final Set<String> COLUMNS = Set.of("externalId", "service", "start", "name", "phone", "email", "language");
  private static final int CODE_TRIES = 4;
  private final Engine engine;
  private final Sessions sessions;

  BookingImportRoutes(Engine engine, Sessions sessions) {
    this.engine = engine;
    this.sessions = sessions;
  }

  void mount(Router api) {
    api.post("/branches/:branch/bookings/import").handler(Access.require(sessions, Role.STAFF)).handler(this::importRows);
  }

  /** A row as read, before it is booked: its number (from 1, the header not counted) and fields. */
  private record Row(int number, Map<String, String> fields) {
    String get(String name) {
      String v = fields.get(name);
      return v == null || v.isBlank() ? null : v.strip();
    }
  }

  /** A refused row, as the answer shows it. */
  record Problem(int row, String field, String message) {}

  private void importRows(RoutingContext rc) {
    String branch = rc.pathParam("branch");
    ZoneId zone = engine.config().branch(branch)
        .orElseThrow(() -> ApiException.notFound("unknown_branch", "No branch '" + branch + "'")).zone();
    String type = String.valueOf(rc.request().getHeader("Content-Type")).toLowerCase(Locale.ROOT);
    String text = rc.body() == null || rc.body().buffer() == null ? "" : rc.body().asString();
    List<Row> rows = type.startsWith("text/csv") ? csv(text) : json(text);
    if (rows.isEmpty()) {
      throw new ApiException(400, "invalid_import", "No bookings to import: give a header row and a row per booking");
    }
    List<Problem> problems = new ArrayList<>();
    List<BookingRequest.Book> books = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    Map<String, Integer> keys = new HashMap<>();
    for (Row row : rows) {
      BookingRequest.Book book = book(branch, zone, row, problems, keys, 0);
      if (book != null) {
        books.add(book);
        numbers.add(row.number());
      }
    }
    if (!problems.isEmpty()) {
      // The rows that could be read are checked against the rules too, so that the answer names every bad row.
      engine.state(branch).onSuccess(s -> {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(problems(BookingImport.check(s, books, engine.clock().instant()), numbers));
        all.sort(java.util.Comparator.comparingInt(Problem::row));
        Errors.send(rc.response(), refusal(all));
      }).onFailure(rc::fail);
      return;
    }
    attempt(branch, zone, rows, books, 0).onSuccess(reply -> Replies.ok(rc, reply)).onFailure(rc::fail);
  }

  private Future<Map<String, Object>> attempt(String branch, ZoneId zone, List<Row> rows, List<BookingRequest.Book> books,
                                              int tries) {
    List<Integer> numbers = rows.stream().map(Row::number).toList();
    return engine.state(branch).compose(before -> {
      Instant now = engine.clock().instant();
      refuseIf(problems(BookingImport.check(before, books, now), numbers));
      return engine.execute(branch, new Command.Appointment(now, new BookingRequest.Import(books))).compose(outcome -> {
        if (outcome.accepted()) {
          return engine.state(branch).map(after -> reply(before, after, books));
        }
        if (outcome.rejection().reason() == Rejection.Reason.CODE_TAKEN && tries + 1 < CODE_TRIES) {
          List<BookingRequest.Book> again = new ArrayList<>();
          Map<String, Integer> keys = new HashMap<>();
          for (Row row : rows) {
            again.add(book(branch, zone, row, new ArrayList<>(), keys, tries + 1));
          }
          return attempt(branch, zone, rows, again, tries + 1);
        }
        // Another request took a place in between: the rows as they stand now.
        return engine.state(branch).compose(s -> {
          refuseIf(problems(BookingImport.check(s, books, engine.clock().instant()), numbers));
          return Future.failedFuture(Errors.of(outcome.rejection()));
        });
      });
    });
  }

  private static Map<String, Object> reply(BranchState before, BranchState after, List<BookingRequest.Book> books) {
    int added = 0;
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < books.size(); i++) {
      BookingRequest.Book b = books.get(i);
      boolean existed = before.bookings().bySecret(b.secret()).isPresent();
      added += existed ? 0 : 1;
      Booking booking = after.bookings().bySecret(b.secret()).orElseThrow();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("row", i + 1);
      m.put("code", booking.code());
      m.put("start", booking.start().atZone(after.def().zone()).toOffsetDateTime());
      m.put("link", "/b/" + booking.secret());
      m.put("new", !existed);
      list.add(m);
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("imported", added);
    reply.put("unchanged", books.size() - added);
    reply.put("bookings", list);
    return reply;
  }

  private static void refuseIf(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw refusal(problems);
    }
  }

  private static ApiException refusal(List<Problem> problems) {
    return new ApiException(400, "invalid_import", problems.size() + " row(s) refused: nothing was imported",
        Map.of("rows", problems));
  }

  /** The rules' refusals, by the row numbers of the bookings checked ({@code numbers}, in their order). */
  private static List<Problem> problems(List<BookingImport.Problem> found, List<Integer> numbers) {
    return found.stream().map(p -> new Problem(numbers.get(p.row() - 1), field(p.rejection()), p.rejection().message()))
        .toList();
  }

  /** The field a refusal of the rules is about. */
  private static String field(Rejection r) {
    return switch (r.reason()) {
      case SLOT_PAST, SLOT_OUTSIDE_HOURS, SLOT_TOO_FAR, SLOT_FULL -> "start";
      case UNKNOWN_SERVICE, NOT_BOOKABLE -> "service";
      default -> {
        String first = r.message().split(" ", 2)[0];
        yield Set.of("name", "phone", "email").contains(first) ? first : "row";
      }
    };
  }

  /** The row as a booking, or null with its problems added. */
  private static BookingRequest.Book book(String branch, ZoneId zone, Row row, List<Problem> problems,
                                          Map<String, Integer> keys, int attempt) {
    int before = problems.size();
    for (String column : row.fields().keySet()) {
      if (!COLUMNS.contains(column)) {
        problems.add(new Problem(row.number(), column, "unknown field; the fields are " + String.join(", ",
            new java.util.TreeSet<>(COLUMNS))));
      }
    }
    String service = row.get("service");
    String name = row.get("name");
    String startText = row.get("start");
    String language = row.get("language") == null ? "da" : row.get("language");
    if (service == null) {
      problems.add(new Problem(row.number(), "service", "is required"));
    }
    if (name == null) {
      problems.add(new Problem(row.number(), "name", "is required"));
    }
    Instant start = null;
    if (startText == null) {
      problems.add(new Problem(row.number(), "start", "is required"));
    } else {
      start = start(startText, zone);
      if (start == null) {
        problems.add(new Problem(row.number(), "start", "must be a time such as 2026-12-01T10:15:00+01:00 or "
            + "2026-12-01 10:15 (the branch's local time)"));
      }
    }
    if (!Set.of("da", "en").contains(language)) {
      problems.add(new Problem(row.number(), "language", "must be da or en"));
    }
    if (problems.size() > before) {
      return null;
    }
    String external = row.get("externalId");
    String key = "import\n" + (external != null ? "id\n" + external
        : "slot\n" + service + "\n" + start + "\n" + name.toLowerCase(Locale.ROOT));
    Integer first = keys.putIfAbsent(key, row.number());
    if (first != null) {
      problems.add(new Problem(row.number(), external != null ? "externalId" : "row",
          "the same booking as row " + first));
      return null;
    }
    return new BookingRequest.Book(IdGenerator.fromKey(branch, key), BookingRoutes.codeFromKey(key, attempt), service,
        start, new Booking.Contact(name, row.get("phone"), row.get("email")), language);
  }

  private static Instant start(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static List<Row> json(String text) {
    JsonNode root;
    try {
      root = JsonMapping.mapper().readTree(text);
    } catch (Exception e) {
      throw new ApiException(400, "invalid_import", "The body is not JSON: send an array of bookings, or CSV as text/csv");
    }
    if (root == null || !root.isArray()) {
      throw new ApiException(400, "invalid_import", "Send an array of bookings, each {service, start, name, ...}");
    }
    List<Row> rows = new ArrayList<>();
    int n = 0;
    for (JsonNode item : root) {
      n++;
      Map<String, String> fields = new LinkedHashMap<>();
      if (item.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          fields.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText());
        }
      }
      rows.add(new Row(n, fields));
    }
    return rows;
  }

  /** RFC 4180 CSV: a header row, then a row per booking; fields may be quoted, with "" for a quote. */
  static List<Row> csv(String text) {
    List<List<String>> lines = Csv.parse(text);
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = lines.get(0).stream().map(String::strip).toList();
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> cells = lines.get(i);
      if (cells.size() == 1 && cells.get(0).isBlank()) {
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        fields.put(header.get(c), c < cells.size() ? cells.get(c) : null);
      }
      if (cells.size() > header.size()) {
        fields.put("column " + (header.size() + 1), cells.get(header.size()));
      }
      rows.add(new Row(i, fields));
    }
    return rows;
  }
}
