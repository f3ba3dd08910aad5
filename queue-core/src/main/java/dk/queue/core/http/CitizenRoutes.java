package dk.queue.core.http;

import dk.queue.core.config.KioskDef;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Rejection;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.engine.Engine;
import dk.queue.core.engine.IdGenerator;
import dk.queue.core.views.BranchView;
import dk.queue.core.views.BranchViews;
import dk.queue.core.views.TicketView;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading branches and tickets, taking and cancelling tickets. */
final class CitizenRoutes {
  private static final Set<String> LANGUAGES = Set.of("da", "en");
  private final Engine engine;
  private final Sessions sessions;
  private final Kiosks kiosks;
  private final EdgeOptions edge;

  CitizenRoutes(Engine engine, Sessions sessions, Kiosks kiosks, EdgeOptions edge) {
    this.engine = engine;
    this.sessions = sessions;
    this.kiosks = kiosks;
    this.edge = edge;
  }

  void mount(Router api) {
    api.get("/branches").handler(this::branches);
    api.get("/branches/:branch").handler(this::snapshot);
    api.post("/branches/:branch/tickets").handler(this::issue);
    api.get("/tickets/:ticket").handler(this::ticket);
    api.delete("/tickets/:ticket").handler(this::cancel);
  }

  /** The list of branches with their services, in configuration order. */
  private void branches(RoutingContext rc) {
    List<Future<Map<String, Object>>> rows = new ArrayList<>();
    for (BranchDef def : engine.config().branches()) {
      rows.add(engine.state(def.id()).map(s -> {
        Instant now = now();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", def.id());
        row.put("name", def.name());
        row.put("services", def.services().stream().map(d -> BranchViews.service(s, d, now)).toList());
        return row;
      }));
    }
    Future.all(rows).onSuccess(all -> Replies.ok(rc, all.list())).onFailure(rc::fail);
  }

  private void snapshot(RoutingContext rc) {
    Audiences.of(rc, sessions)
        .compose(audience -> engine.state(rc.pathParam("branch")).map(s -> BranchViews.of(s, now(), audience)))
        .onSuccess(view -> Replies.ok(rc, view))
        .onFailure(rc::fail);
  }

  private void issue(RoutingContext rc) {
    String branch = rc.pathParam("branch");
    Bodies.IssueTicket body = Bodies.read(rc, Bodies.IssueTicket.class);
    String service = Bodies.required("service", body.service());
    Channel channel = channel(body.channel());
    String language = body.language() == null ? "da" : body.language();
    if (!LANGUAGES.contains(language)) {
      throw ApiException.invalid("language", "must be da or en");
    }
    if (engine.config().branch(branch).isEmpty()) {
      throw ApiException.notFound("unknown_branch", "No branch '" + branch + "'");
    }
    String key = IdempotencyKeys.of(rc);
    Instant at = now();
    KioskDef kiosk = Kiosks.proven(engine.config(), rc.request(), body.kiosk(), branch);
    String ticketId = key == null ? engine.ids().newTicketId(branch) : IdGenerator.fromKey(branch, key);
    Command.IssueTicket command = new Command.IssueTicket(at, ticketId, service, channel, language);
    io.vertx.core.Context ctx = rc.vertx().getOrCreateContext();
    kiosks.take(ctx, branch, channel, kiosk, Edge.clientAddress(rc.request(), edge), at)
        .compose(taken -> engine.execute(branch, command).andThen(done -> {
          // Only tickets actually issued count against the minute.
          if (done.failed() || !done.result().accepted()) {
            kiosks.giveBack(ctx, taken, at);
          }
        }))
        .compose(outcome -> {
      if (!outcome.accepted()) {
        return rejected(branch, service, outcome.rejection());
      }
      TicketView ticket = outcome.ticket();
      return kiosk == null ? Future.succeededFuture(ticket) : kiosks.issued(ctx, ticket.id(), kiosk).map(ticket);
    }).onSuccess(ticket -> {
      rc.response().putHeader("Location", "/api/tickets/" + ticket.id());
      Replies.json(rc, 201, ticket);
    }).onFailure(rc::fail);
  }

  private static Channel channel(String text) {
    if (text == null) {
      return Channel.KIOSK;
    }
    for (Channel c : Channel.values()) {
      if (c.name().equalsIgnoreCase(text)) {
        return c;
      }
    }
    throw ApiException.invalid("channel", "must be kiosk, mobile or desk");
  }

  /** A refusal; an unavailable service says where and when it can be had instead. */
  private Future<TicketView> rejected(String branch, String service, Rejection r) {
    if (r.reason() != Rejection.Reason.SERVICE_UNAVAILABLE) {
      return Future.failedFuture(Errors.of(r));
    }
    Instant now = now();
    List<Future<Map<String, Object>>> alternatives = new ArrayList<>();
    for (BranchDef def : engine.config().branches()) {
      if (!def.id().equals(branch) && def.service(service).isPresent()) {
        alternatives.add(engine.state(def.id()).map(s -> alternative(s, def.service(service).get(), now)));
      }
    }
    return Future.all(alternatives).compose(all -> {
      List<Map<String, Object>> list = new ArrayList<>(all.list());
      list.sort(Comparator.comparing(m -> !(Boolean) m.get("available")));
      ServiceDef def = engine.config().branch(branch).orElseThrow().service(service).orElseThrow();
      ZonedDateTime local = now.atZone(engine.config().branch(branch).get().zone());
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("service", service);
      extra.put("appointmentOnly", def.appointmentOnly());
      extra.put("alternatives", list);
      if (!def.appointmentOnly() && !def.hours().isOpen(local)) {
        def.hours().nextOpening(local).ifPresent(t -> extra.put("nextOpening", t.toOffsetDateTime()));
      }
      return Future.failedFuture(Errors.of(r, extra));
    });
  }

  private static Map<String, Object> alternative(BranchState s, ServiceDef service, Instant now) {
    BranchView.ServiceView view = BranchViews.service(s, service, now);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("branch", s.def().id());
    m.put("name", s.def().name());
    m.put("available", view.available() && !view.appointmentOnly());
    m.put("waiting", view.waiting());
    if (view.estimatedWaitSeconds() != null) {
      m.put("estimatedWaitSeconds", view.estimatedWaitSeconds());
    }
    if (view.opensAt() != null) {
      m.put("opensAt", view.opensAt());
    }
    return m;
  }

  private void ticket(RoutingContext rc) {
    String id = rc.pathParam("ticket");
    branchStateOf(id)
        .map(s -> BranchMoves.named(engine.config(), BranchViews.ticket(s, id, now()).orElseThrow(() -> unknownTicket(id))))
        .onSuccess(t -> Replies.ok(rc, t))
        .onFailure(rc::fail);
  }

  private void cancel(RoutingContext rc) {
    String id = rc.pathParam("ticket");
    String branch = IdGenerator.branchOf(id);
    branchStateOf(id)
        .compose(s -> engine.execute(branch, new Command.CancelTicket(now(), id)))
        .map(outcome -> {
          if (!outcome.accepted()) {
            throw Errors.of(outcome.rejection());
          }
          return outcome.ticket();
        })
        .onSuccess(t -> Replies.ok(rc, t))
        .onFailure(rc::fail);
  }

  private Future<BranchState> branchStateOf(String ticketId) {
    String branch = IdGenerator.branchOf(ticketId);
    if (branch == null || engine.config().branch(branch).isEmpty()) {
      return Future.failedFuture(unknownTicket(ticketId));
    }
    return engine.state(branch);
  }

  static ApiException unknownTicket(String id) {
    return ApiException.notFound("unknown_ticket", "No ticket '" + id + "'");
  }

  private Instant now() {
    return engine.clock().instant();
  }
}
