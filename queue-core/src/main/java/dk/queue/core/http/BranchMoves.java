package dk.queue.core.http;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.MoveRequest;
import dk.queue.core.domain.Moves;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.domain.Unserved;
import dk.queue.core.domain.WaitEstimator;
import dk.queue.core.domain.WaitingChoice;
import dk.queue.core.engine.Engine;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of moving tickets to another branch ({@link Moves}): the services of the other
 * branches a desk can move citizens to now, and the check, before the source branch writes
 * anything, that the destination can take them (open, served by an open desk now, not by
 * appointment only, room in its queue): a refusal changes nothing.
 */
final class BranchMoves {
  private final Engine engine;

  BranchMoves(Engine engine) {
    this.engine = engine;
  }

  /** The body of a desk's move of one ticket. */
  record Body(String ticket, String branch, String service) {}

  static Command command(Engine engine, String desk, String staff, Body body) {
    return new Command.Move(engine.clock().instant(), new MoveRequest.OfTicket(desk, staff,
        Bodies.required("ticket", body.ticket()), Bodies.required("branch", body.branch()),
        Bodies.required("service", body.service())));
  }

  /**
   * {@code GET /api/branches/{branch}/move-targets} for staff: per other branch, its services
   * that an open desk serves now, with how many wait and the wait a newcomer is told.
   */
  void mount(Router api, Sessions sessions) {
    api.get("/branches/:branch/move-targets").handler(rc -> sessions.staff(rc).compose(staff -> {
      String from = rc.pathParam("branch");
      if (engine.config().branch(from).isEmpty()) {
        throw ApiException.notFound("unknown_branch", "No branch '" + from + "'");
      }
      List<Future<Map<String, Object>>> others = new ArrayList<>();
      for (BranchDef def : engine.config().branches()) {
        if (!def.id().equals(from)) {
          others.add(engine.state(def.id()).map(this::targets));
        }
      }
      return Future.all(others).map(all -> others.stream().map(Future::result).filter(m -> m != null).toList());
    }).onSuccess(list -> Replies.ok(rc, list)).onFailure(rc::fail));
  }

  private Map<String, Object> targets(BranchState s) {
    java.time.Instant now = engine.clock().instant();
    List<Map<String, Object>> services = new ArrayList<>();
    for (ServiceDef service : s.def().services()) {
      if (Moves.refusal(s, service.id(), 1, now).isEmpty()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", service.id());
        m.put("name", service.name());
        m.put("waiting", s.queue(service.id()).size());
        WaitEstimator.seconds(s, service.id(), s.queue(service.id()).size() + 1, now)
            .ifPresent(w -> m.put("estimatedWaitSeconds", w));
        services.add(m);
      }
    }
    if (services.isEmpty()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("branch", s.def().id());
    m.put("name", s.def().name());
    m.put("services", services);
    return m;
  }

  /** The view with the names of the branch and service it moved to, if it moved. */
  static dk.queue.core.views.TicketView named(dk.queue.core.config.QueueConfig config, dk.queue.core.views.TicketView v) {
    dk.queue.core.views.TicketView.MovedTo to = v.movedTo();
    if (to == null) {
      return v;
    }
    java.util.Optional<BranchDef> def = config.branch(to.branch());
    return v.withMovedTo(new dk.queue.core.views.TicketView.MovedTo(to.branch(), def.map(BranchDef::name).orElse(to.branch()),
        to.service(), def.flatMap(d -> d.service(to.service())).map(ServiceDef::name).orElse(null), to.number(), to.ticket()));
  }

  /** Whether the command moves tickets to another branch that can take them now; fails with why not. */
  Future<Void> admit(String branch, Command command) {
    String to;
    String service;
    Future<Integer> count;
    if (command instanceof Command.Move m && m.request() instanceof MoveRequest.OfTicket r) {
      to = r.toBranch();
      service = r.toService();
      count = Future.succeededFuture(1);
    } else {
      WaitingChoice choice = command instanceof Command.CloseDesk c ? c.waiting()
          : command instanceof Command.PauseDesk p ? p.waiting()
          : command instanceof Command.Supervise s ? s.waiting() : null;
      if (choice == null || !choice.toOtherBranch(branch)) {
        return Future.succeededFuture();
      }
      to = choice.branch();
      service = choice.service();
      String desk = ((Command.AtDesk) command).desk();
      count = engine.state(branch).map(s -> Unserved.leftBehind(s, desk).stream().mapToInt(Unserved.Left::waiting).sum());
    }
    if (to.equals(branch)) {
      return Future.succeededFuture();
    }
    if (engine.config().branch(to).isEmpty()) {
      return Future.failedFuture(ApiException.invalid("branch", "no branch '" + to + "'"));
    }
    return count.compose(n -> engine.state(to).compose(dest -> Moves.refusal(dest, service, Math.max(n, 1),
        engine.clock().instant()).<Future<Void>>map(r -> Future.failedFuture(Errors.of(r)))
        .orElse(Future.succeededFuture())));
  }
}
