package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.node.Http.Reply;
import dk.queue.core.node.SseClient;
import dk.queue.core.node.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract in the repository against a running node: the node serves its OpenAPI document,
 * and real answers to real requests (status and JSON body) are what the document says, for every
 * operation of it.
 */
class OpenApiIT {
  static TestNode node;
  static Vertx vertx;
  static OpenAPIContract contract;
  static ResponseValidator validator;
  final Set<String> checked = new LinkedHashSet<>();
  final List<String> problems = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(java.nio.file.Files.createTempDirectory("queue-openapi"), 
        o -> o.withWebModules(Main.webModules()).withConfig(dk.queue.core.node.BookingConfig.create(2)));
    vertx = Vertx.vertx();
    Reply served = node.get("/openapi.yaml");
    assertThat(served.status()).isEqualTo(200);
    contract = OpenAPIContract.from(vertx, jsonBodiesOnly(served.text())).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    validator = ResponseValidator.create(vertx, contract);
  }

  /**
   * The document as the validator takes it: it checks JSON bodies and knows no event streams, CSV,
   * YAML or Prometheus text, so those media types are left out (their statuses are still checked).
   */
  @SuppressWarnings("unchecked")
  static JsonObject jsonBodiesOnly(String yaml) throws Exception {
    JsonObject doc = new JsonObject(new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class));
    List<JsonObject> responses = new ArrayList<>();
    doc.getJsonObject("components").getJsonObject("responses").forEach(e -> responses.add((JsonObject) e.getValue()));
    doc.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).forEach(op -> {
      if (op.getValue() instanceof JsonObject o && o.containsKey("responses")) {
        o.getJsonObject("responses").forEach(r -> responses.add((JsonObject) r.getValue()));
      }
    }));
    for (JsonObject r : responses) {
      JsonObject content = r.getJsonObject("content");
      if (content != null) {
        content.fieldNames().removeIf(type -> !type.equals("application/json"));
        if (content.isEmpty()) {
          r.remove("content");
        }
      }
    }
    return doc;
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    node.close();
  }

  /** Checks one answer against the operation's responses; collects what does not fit. */
  private Reply check(String operation, Reply r) throws Exception {
    checked.add(operation);
    ValidatableResponse response = r.body() != null
        ? ValidatableResponse.create(r.status(), Buffer.buffer(r.text()), "application/json")
        : ValidatableResponse.create(r.status());
    try {
      validator.validate(response, operation).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      problems.add(operation + " " + r.status() + ": " + (e.getCause() == null ? e : e.getCause()).getMessage()
          + " in " + r.text());
    }
    return r;
  }

  @Test
  void everyOperationAnswersAsTheDocumentSays() throws Exception {
    check("listBranches", node.get("/api/branches"));
    check("getBranch", node.get("/api/branches/main"));
    check("getBranch", node.get("/api/branches/nowhere"));
    check("login", node.post("/api/login", "{\"user\":\"anna\",\"pin\":\"0000\"}"));
    check("login", node.post("/api/login", "{\"user\":\"anna\"}"));
    String anna = node.login("anna");
    check("me", node.get("/api/me", anna));
    check("me", node.get("/api/me"));
    check("openDesk", node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\",\"lib\"]}", anna));
    check("openDesk", node.post("/api/branches/main/desks/d1/open", "{}", anna));
    check("openDesk", node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}"));
    Reply issued = check("issueTicket", node.post("/api/branches/main/tickets", "{\"service\":\"pas\",\"language\":\"en\"}"));
    assertThat(issued.status()).isEqualTo(201);
    String id = issued.body().get("id").asText();
    check("issueTicket", node.post("/api/branches/main/tickets", "{\"service\":\"pension\"}"));
    check("issueTicket", node.post("/api/branches/main/tickets", "{\"service\":\"nope\"}"));
    check("issueTicket", node.post("/api/branches/main/tickets", "{\"service\":\"pas\",\"language\":\"fr\"}"));
    check("getBranch", node.get("/api/branches/main", anna));
    check("getTicket", node.get("/api/tickets/" + id));
    check("getTicket", node.get("/api/tickets/main-unknown"));
    check("callNext", node.post("/api/branches/main/desks/d1/call-next", null, anna));
    check("recall", node.post("/api/branches/main/desks/d1/recall", null, anna));
    check("startService", node.post("/api/branches/main/desks/d1/start", null, anna));
    check("transfer", node.post("/api/branches/main/desks/d1/transfer", "{\"service\":\"lib\",\"placement\":\"first\"}", anna));
    check("callNext", node.post("/api/branches/main/desks/d1/call-next", null, anna));
    check("noShow", node.post("/api/branches/main/desks/d1/no-show", null, anna));
    check("undo", node.post("/api/branches/main/desks/d1/undo", null, anna));
    check("noShow", node.post("/api/branches/main/desks/d1/no-show", null, anna));
    String waiting = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("id").asText();
    check("callTicket", node.post("/api/branches/main/desks/d1/call", "{\"ticket\":\"" + waiting + "\"}", anna));
    check("callTicket", node.post("/api/branches/main/desks/d1/call", "{}", anna));
    check("undo", node.post("/api/branches/main/desks/d1/undo", null, anna));
    check("noShow", node.post("/api/branches/main/desks/d1/no-show", null, anna));
    check("callNext", node.post("/api/branches/main/desks/d1/call-next", null, anna));
    String second = node.post("/api/branches/main/tickets", "{\"service\":\"lib\"}").body().get("id").asText();
    check("callNext", node.post("/api/branches/main/desks/d1/call-next", null, anna));
    check("startService", node.post("/api/branches/main/desks/d1/start", null, anna));
    check("finishService", node.post("/api/branches/main/desks/d1/done", "{\"outcome\":\"served\"}", anna));
    check("finishService", node.post("/api/branches/main/desks/d1/done", "{\"outcome\":\"served\"}", anna));
    check("getTicket", node.get("/api/tickets/" + second));
    String third = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("id").asText();
    check("cancelTicket", node.delete("/api/tickets/" + third));
    check("cancelTicket", node.delete("/api/tickets/" + third));
    String left = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("id").asText();
    Reply asked = check("pauseDesk", node.post("/api/branches/main/desks/d1/pause", "{\"reason\":\"lunch\"}", anna));
    assertThat(asked.status()).isEqualTo(409);
    assertThat(asked.body().get("unserved").get(0).get("waiting").asInt()).isEqualTo(1);
    check("pauseDesk", node.post("/api/branches/main/desks/d1/pause", "{\"waiting\":{\"choice\":\"later\"}}", anna));
    check("pauseDesk", node.post("/api/branches/main/desks/d1/pause",
        "{\"reason\":\"lunch\",\"waiting\":{\"choice\":\"keep\"}}", anna));
    assertThat(check("getTicket", node.get("/api/tickets/" + left)).body().get("unserved").asBoolean()).isTrue();
    check("resumeDesk", node.post("/api/branches/main/desks/d1/resume", null, anna));
    check("closeDesk", node.post("/api/branches/main/desks/d1/close", null, anna));
    check("closeDesk", node.post("/api/branches/main/desks/d1/close",
        "{\"waiting\":{\"choice\":\"end\",\"message\":\"Kom igen i morgen\"}}", anna));
    assertThat(check("getTicket", node.get("/api/tickets/" + left)).body().get("message").asText())
        .isEqualTo("Kom igen i morgen");
    check("openDesk", node.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}", anna));
    String eva = node.login("eva");
    check("takeOverDesk", node.post("/api/branches/main/desks/d1/take-over", null, anna));
    check("takeOverDesk", node.post("/api/branches/main/desks/d1/take-over", null, eva));
    check("takeOverDesk", node.post("/api/branches/main/desks/d2/take-over", null, eva));
    check("moveTargets", node.get("/api/branches/main/move-targets", eva));
    check("moveTargets", node.get("/api/branches/main/move-targets"));
    String moving = node.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("id").asText();
    String move = "{\"ticket\":\"" + moving + "\",\"branch\":\"vest\",\"service\":\"lib\"}";
    assertThat(check("moveToBranch", node.post("/api/branches/main/desks/d1/move", move, eva)).status())
        .as("no desk open at vest").isEqualTo(409);
    check("moveToBranch", node.post("/api/branches/main/desks/d1/move", "{}", eva));
    node.post("/api/branches/vest/desks/v1/open", "{\"services\":[\"lib\"]}", node.login("carl"));
    assertThat(check("moveToBranch", node.post("/api/branches/main/desks/d1/move", move, eva)).body()
        .at("/movedTo/branch").asText()).isEqualTo("vest");
    check("logout", node.post("/api/logout", "{\"branch\":\"main\",\"desk\":\"d1\"}", eva));
    check("logout", node.post("/api/logout", "{\"place\":1}", anna));
    check("branchStats", node.get("/api/branches/main/stats"));
    check("branchStats", node.get("/api/branches/main/stats?from=yesterday"));
    check("allStats", node.get("/api/stats"));
    check("saveDeskProfile", node.post("/api/me/profiles", "{\"name\":\"Pas\",\"services\":[\"pas\"]}", anna));
    check("saveDeskProfile", node.post("/api/me/profiles", "{\"name\":\"Pas\",\"services\":[]}", anna));
    check("saveDeskProfile", node.post("/api/me/profiles", "{\"name\":\"Pas\",\"services\":[\"pas\"]}"));
    check("deskProfiles", node.get("/api/me/profiles", anna));
    check("deskProfiles", node.get("/api/me/profiles"));
    check("deleteDeskProfile", node.send("DELETE", "/api/me/profiles/Pas", null, Map.of("Authorization", "Bearer " + anna)));
    check("deleteDeskProfile", node.send("DELETE", "/api/me/profiles/Pas", null, Map.of("Authorization", "Bearer " + anna)));
    check("deleteDeskProfile", node.delete("/api/me/profiles/Pas"));
    check("reportScreenSound", node.post("/api/screens/main-screen/sound", "{\"playing\":false}"));
    check("reportScreenSound", node.post("/api/screens/main-screen/sound", "{}"));
    check("reportScreenSound", node.post("/api/screens/nowhere/sound", "{\"playing\":true}"));
    check("screenSound", node.get("/api/screens/main-screen/sound"));
    check("screenSound", node.get("/api/screens/nowhere/sound"));
    check("screensSound", node.get("/api/screens/sound"));
    check("printTicket", node.post("/kiosk/nowhere/print", "{\"ticket\":\"x\"}"));
    check("printTicket", node.post("/kiosk/main-kiosk/print", "{\"ticket\":\"" + id + "\"}"));
    check("live", node.get("/health/live"));
    check("ready", node.get("/health/ready"));
    assertThat(check("metrics", node.get("/metrics")).text()).contains("# TYPE queue_");
    check("openapi", node.get("/openapi.yaml"));
    try (SseClient branch = new SseClient(node.http, node.base() + "/api/branches/main/events", null)) {
      check("branchEvents", new Reply(branch.status, null, ""));
    }
    try (SseClient ticket = new SseClient(node.http, node.base() + "/api/tickets/" + id + "/events", null)) {
      check("ticketEvents", new Reply(ticket.status, null, ""));
    }
    check("ticketEvents", node.get("/api/tickets/main-unknown/events"));
    bookings(anna);
    // Administration: refused without sign-in and to staff (AdminClusterIT makes the changes).
    check("adminEditItem", node.post("/api/admin/services/pas", "{\"version\": 1, \"set\": {}}"));
    check("adminEditItem", node.post("/api/admin/services/pas", "{\"version\": 1, \"set\": {}}", anna));
    check("adminRemoveItem", node.delete("/api/admin/services/pas?version=1"));
    check("logout", node.post("/api/logout", null, anna));
    // Without an oidc: section there is no provider to go to (OidcBrowserIT signs in through one).
    check("oidcLogin", node.get("/auth/oidc/login?return=/admin"));
    check("oidcCallback", node.get("/auth/oidc/callback?state=x&code=y"));

    assertThat(problems).isEmpty();
    Set<String> documented = new LinkedHashSet<>();
    contract.operations().forEach(o -> documented.add(o.getOperationId()));
    assertThat(checked).containsExactlyInAnyOrderElementsOf(documented);
  }

  /** The booking operations, answered and refused (passport is bookable at main). */
  private void bookings(String anna) throws Exception {
    check("bookable", node.get("/api/bookable"));
    java.time.ZoneId cph = java.time.ZoneId.of("Europe/Copenhagen");
    String day = java.time.LocalDate.now(cph).plusDays(1).toString();
    check("freeSlots", node.get("/api/branches/main/services/pas/slots?date=" + day));
    check("freeSlots", node.get("/api/branches/main/services/lib/slots"));
    String start = java.time.LocalDate.parse(day).atTime(10, 0).atZone(cph).toOffsetDateTime().toString();
    Reply booked = check("book", node.post("/api/branches/main/bookings",
        "{\"service\":\"pas\",\"start\":\"" + start + "\",\"name\":\"Anne\",\"phone\":\"12345678\"}"));
    assertThat(booked.status()).isEqualTo(201);
    String secret = booked.body().get("secret").asText();
    String code = booked.body().get("code").asText();
    check("book", node.post("/api/branches/main/bookings", "{\"service\":\"pas\",\"start\":\"x\",\"name\":\"A\"}"));
    check("getBooking", node.get("/api/bookings/" + secret));
    check("getBooking", node.get("/api/bookings/main-unknown"));
    check("moveBooking", node.post("/api/bookings/" + secret + "/move",
        "{\"start\":\"" + start.replace("T10:00", "T10:15") + "\"}"));
    check("moveBooking", node.post("/api/bookings/" + secret + "/move",
        "{\"start\":\"" + start.replace("T10:00", "T10:07") + "\"}"));
    check("staffBookings", node.get("/api/branches/main/bookings?date=" + day, anna));
    check("staffBookings", node.get("/api/branches/main/bookings"));
    check("checkIn", node.post("/api/branches/main/check-in", "{\"code\":\"" + code + "\"}"));
    check("checkIn", node.post("/api/branches/main/check-in", "{\"code\":\"XXXXXX\"}"));
    check("bookingNoShow", node.post("/api/branches/main/bookings/" + code + "/no-show", null, anna));
    check("cancelBooking", node.delete("/api/bookings/" + secret));
    check("cancelBooking", node.delete("/api/bookings/main-unknown"));
    java.util.Map<String, String> csv = java.util.Map.of("Content-Type", "text/csv", "Authorization", "Bearer " + anna);
    String rows = "externalId,service,start,name\nx-1,pas," + day + " 11:00,Ida\n";
    check("importBookings", node.send("POST", "/api/branches/main/bookings/import", rows, csv));
    check("importBookings", node.send("POST", "/api/branches/main/bookings/import", rows.replace("pas,", "nix,"), csv));
    Reply links = check("calendarLinks", node.get("/api/branches/main/calendar-links", anna));
    check("calendarFeed", node.get(links.body().get(0).get("url").asText().substring(node.base().length())));
    check("calendarFeed", node.get("/api/branches/main/services/pas/calendar.ics?token=anna.x"));
  }
}
