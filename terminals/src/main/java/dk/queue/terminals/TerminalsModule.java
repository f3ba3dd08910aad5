package dk.queue.terminals;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.config.KioskDef;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.engine.Engine;
import dk.queue.core.engine.IdGenerator;
import dk.queue.core.views.BranchViews;
import dk.queue.core.views.TicketView;
import dk.queue.core.http.ApiException;
import dk.queue.core.http.Errors;
import dk.queue.core.http.Kiosks;
import dk.queue.core.http.PauseReasons;
import dk.queue.core.json.JsonMapping;
import dk.queue.core.web.Messages;
import dk.queue.core.web.NodeContext;
import dk.queue.core.web.Pages;
import dk.queue.core.web.WebModule;
import dk.queue.terminals.print.Receipt;
import dk.queue.terminals.print.ReceiptPrinter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages citizens and staff touch: the start page, the kiosk, the staff desk and the phone
 * ticket page. The server renders each page's frame and texts; the page's script keeps it live
 * through the public API and its event stream. Beside the pages: the QR code of a ticket's phone
 * page, and printing a kiosk's receipt on its network printer.
 */
public final class TerminalsModule implements WebModule {
  private static final String TICKET_ID = "[a-z0-9-]{1,80}";

  private Pages pages = new Pages();
  private Kiosks kiosks;

  @Override
  public void mount(Router router, NodeContext node) {
    pages = new Pages(node.nodeUrls());
    ReceiptPrinter printer = new ReceiptPrinter(node.vertx());
    router.get("/").handler(rc -> pages.send(rc, 200, "index", index(node.config())));
    router.get("/kiosk/:kiosk").handler(rc -> kiosk(rc, node.config()));
    kiosks = node.kiosks();
    router.post("/kiosk/:kiosk/print").handler(BodyHandler.create(false).setBodyLimit(1024))
        .handler(rc -> print(rc, node.config(), node.engine(), printer));
    router.get("/desk/:branch/:desk").handler(rc -> desk(rc, node.config()));
    router.get("/t/:ticket/qr.svg").handler(rc -> qr(rc, node.config()));
    router.get("/t/:ticket").handler(rc -> phone(rc, node.config()));
    new AdminPages(pages).mount(router, node);
  }

  private static Map<String, Object> index(QueueConfig config) {
    List<Map<String, Object>> branches = config.branches().stream().map(b -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", b.id());
      m.put("name", b.name());
      m.put("kiosks", config.kiosks().stream().filter(k -> k.branch().equals(b.id())).toList());
      m.put("screens", config.screens().stream().filter(s -> s.branch().equals(b.id())).toList());
      m.put("desks", b.desks());
      return m;
    }).toList();
    // The demo's own staff sign-in is told on the start page of the demo only.
    return Map.of("branches", branches, "demo", ConfigLoader.DEMO_SOURCE.equals(config.source()));
  }

  private void kiosk(RoutingContext rc, QueueConfig config) {
    Optional<KioskDef> kiosk = config.kiosk(rc.pathParam("kiosk"));
    if (kiosk.isEmpty()) {
      pages.notFound(rc, "/kiosk/" + rc.pathParam("kiosk"));
      return;
    }
    BranchDef branch = config.branch(kiosk.get().branch()).orElseThrow();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("languages", kiosk.get().languages());
    settings.put("idleSeconds", kiosk.get().idleSeconds());
    settings.put("printer", kiosk.get().printer() != null);
    Map<String, Object> bring = new LinkedHashMap<>();
    for (ServiceDef s : branch.services()) {
      if (s.bring() != null) {
        bring.put(s.id(), s.bring());
      }
    }
    settings.put("bring", bring);
    pages.send(rc, 200, "kiosk", Map.of("kiosk", kiosk.get(), "branch", branchInfo(branch),
        "settings", settings, "texts", Messages.both("kiosk.", "common.")));
  }

  private void desk(RoutingContext rc, QueueConfig config) {
    Optional<BranchDef> branch = config.branch(rc.pathParam("branch"));
    if (branch.isEmpty() || branch.get().desk(rc.pathParam("desk")).isEmpty()) {
      pages.notFound(rc, "/desk/" + rc.pathParam("branch") + "/" + rc.pathParam("desk"));
      return;
    }
    List<Map<String, String>> reasons = PauseReasons.CODES.stream()
        .map(r -> Map.of("code", r, "label", Messages.text(Messages.DANISH, "desk.pauseReason." + r))).toList();
    pages.send(rc, 200, "desk", Map.of("branch", branchInfo(branch.get()),
        "desk", branch.get().desk(rc.pathParam("desk")).get(),
        "outcomes", config.outcomeDefs(),
        "pauseReasons", reasons,
        "texts", Messages.all(Messages.DANISH, "desk.", "common."),
        "textsEn", Messages.all(Messages.ENGLISH, "desk.leave."),
        "signIn", SignIn.model(config, "desk-token")));
  }

  private void phone(RoutingContext rc, QueueConfig config) {
    String ticket = rc.pathParam("ticket");
    Optional<BranchDef> branch = branchOfTicket(ticket, config);
    if (branch.isEmpty()) {
      pages.notFound(rc, "/t/" + ticket);
      return;
    }
    pages.send(rc, 200, "phone", Map.of("ticket", ticket, "branch", branchInfo(branch.get()),
        "texts", Messages.both("phone.", "common.")));
  }

  /** The QR code of a ticket's phone page, at the system's public address. */
  private void qr(RoutingContext rc, QueueConfig config) {
    String ticket = rc.pathParam("ticket");
    if (branchOfTicket(ticket, config).isEmpty()) {
      Errors.send(rc.response(), ApiException.notFound("unknown_ticket", "No ticket '" + ticket + "'"));
      return;
    }
    rc.response().putHeader("Content-Type", "image/svg+xml; charset=utf-8")
        .putHeader("Cache-Control", "private, max-age=86400")
        .end(QrSvg.of(phoneUrl(rc, ticket), 2, Messages.text(Messages.DANISH, "kiosk.qrLabel")));
  }

  /**
   * Prints the receipt of a ticket just issued at this kiosk on the kiosk's printer. Answers
   * {@code {printed: true}}, or an error the kiosk shows beside the ticket (which stands either way).
   */
  private void print(RoutingContext rc, QueueConfig config, Engine engine, ReceiptPrinter printer) {
    Optional<KioskDef> found = config.kiosk(rc.pathParam("kiosk"));
    if (found.isEmpty()) {
      Errors.send(rc.response(), ApiException.notFound("unknown_kiosk", "No kiosk '" + rc.pathParam("kiosk") + "'"));
      return;
    }
    KioskDef kiosk = found.get();
    String ticketId;
    try {
      JsonObject body = rc.body().asJsonObject();
      ticketId = body == null ? null : body.getString("ticket");
    } catch (RuntimeException e) {
      Errors.send(rc.response(), new ApiException(400, "invalid_json", "The body must be {\"ticket\": \"<id>\"}"));
      return;
    }
    if (ticketId == null || ticketId.isBlank()) {
      Errors.send(rc.response(), ApiException.invalid("ticket", "required"));
      return;
    }
    if (!Kiosks.proves(rc.request(), kiosk)) {
      Errors.send(rc.response(), new ApiException(401, "invalid_device_key",
          "Only kiosk '" + kiosk.id() + "' prints its receipts: send its device key in " + Kiosks.KEY_HEADER));
      return;
    }
    if (kiosk.printer() == null) {
      Errors.send(rc.response(), new ApiException(409, "no_printer", "Kiosk '" + kiosk.id() + "' has no printer"));
      return;
    }
    BranchDef branch = config.branch(kiosk.branch()).orElseThrow();
    String phoneUrl = phoneUrl(rc, ticketId);
    kiosks.takePrint(rc.vertx().getOrCreateContext(), ticketId, kiosk)
        .compose(v -> engine.state(branch.id()))
        .map(state -> {
          Instant now = engine.clock().instant();
          TicketView ticket = IdGenerator.branchOf(ticketId) == null || !branch.id().equals(IdGenerator.branchOf(ticketId))
              ? null : BranchViews.ticket(state, ticketId, now).orElse(null);
          if (ticket == null) {
            throw ApiException.notFound("unknown_ticket", "No ticket '" + ticketId + "' at " + branch.name());
          }
          String language = state.ticket(ticketId).map(t -> t.language()).orElse(Messages.DANISH);
          return Receipt.of(ticket, language, branch.name(), branch.zone(), phoneUrl);
        })
        .compose(receipt -> printer.send(kiosk.printer(), receipt.escPos())
            .recover(e -> Future.failedFuture(new ApiException(503, "printer_unavailable",
                "The printer " + kiosk.printer() + " did not take the receipt: " + e.getMessage()))))
        .onSuccess(v -> rc.response().putHeader("Content-Type", "application/json; charset=utf-8")
            .end(JsonMapping.encode(Map.of("printed", true))))
        .onFailure(e -> Errors.send(rc.response(), e instanceof ApiException a ? a
            : new ApiException(503, "not_ready", "The branch cannot be read now: " + e.getMessage())));
  }

  private static Optional<BranchDef> branchOfTicket(String ticket, QueueConfig config) {
    String branchId = ticket.matches(TICKET_ID) ? IdGenerator.branchOf(ticket) : null;
    return branchId == null ? Optional.empty() : config.branch(branchId);
  }

  /**
   * The phone page of a ticket at the configured public address (never the request's {@code Host},
   * which whoever asks can set); a node without one names the address the connection reached it at.
   */
  private String phoneUrl(RoutingContext rc, String ticket) {
    io.vertx.core.net.SocketAddress local = rc.request().localAddress();
    String host = local.hostAddress().contains(":") ? "[" + local.hostAddress() + "]" : local.hostAddress();
    return kiosks.publicUrl("http://" + host + ":" + local.port()) + "/t/" + ticket;
  }

  private static Map<String, Object> branchInfo(BranchDef b) {
    return Map.of("id", b.id(), "name", b.name(), "zone", b.zone().getId());
  }
}
