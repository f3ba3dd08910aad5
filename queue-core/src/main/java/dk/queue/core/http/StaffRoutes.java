package dk.queue.core.http;

import dk.queue.core.config.StaffMember;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Placement;
import dk.queue.core.domain.WaitingChoice;
import dk.queue.core.engine.Engine;
import dk.queue.core.engine.Outcome;
import dk.queue.core.json.JsonMapping;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** Sign-in and the desk commands of signed-in staff. */
final class StaffRoutes {
  /** Longer user names are refused before anything is counted or hashed. */
  static final int MAX_USER = 64;
  private final Engine engine;
  private final Sessions sessions;
  private final EdgeOptions edge;
  private final DeskSignOut signOut;
  private final BranchMoves moves;

  StaffRoutes(Engine engine, Sessions sessions, EdgeOptions edge) {
    this.engine = engine;
    this.sessions = sessions;
    this.edge = edge;
    this.signOut = new DeskSignOut(engine);
    this.moves = new BranchMoves(engine);
  }

  void mount(Router api) {
    api.post("/login").handler(this::login);
    api.post("/logout").handler(rc -> {
      Bodies.Logout body = Bodies.read(rc, Bodies.Logout.class);
      sessions.logout(rc)
          .compose(user -> user == null ? Future.succeededFuture() : signOut.desksOf(user, body.branch(), body.desk())
              .recover(e -> Future.succeededFuture()))
          .onSuccess(v -> rc.response().setStatusCode(204).end())
          .onFailure(rc::fail);
    });
    api.get("/me").handler(rc -> sessions.staff(rc).onSuccess(s -> Replies.ok(rc, me(s, null))).onFailure(rc::fail));

    desk(api, "open", (rc, staff) -> {
      Bodies.OpenDesk body = Bodies.read(rc, Bodies.OpenDesk.class);
      if (body.services() == null || body.services().contains(null)) {
        throw ApiException.invalid("services", "required: a list of service ids in priority order");
      }
      return new Command.OpenDesk(now(), desk(rc), staff.user(), staff.skills(), body.services());
    }, DeskAnswer.DESK);
    desk(api, "pause", (rc, staff) -> {
      Bodies.PauseDesk body = Bodies.read(rc, Bodies.PauseDesk.class);
      String reason = body.reason();
      if (reason != null && !PauseReasons.CODES.contains(reason)) {
        throw ApiException.invalid("reason", "must be one of " + PauseReasons.CODES + ", or left out");
      }
      WaitingChoice waiting = LeftWaiting.choice(body.waiting());
      return supervises(rc, staff) ? supervise(rc, staff, Command.Supervise.Action.PAUSE, reason, waiting)
          : new Command.PauseDesk(now(), desk(rc), staff.user(), reason, waiting);
    }, DeskAnswer.DESK);
    desk(api, "resume", (rc, staff) -> new Command.ResumeDesk(now(), desk(rc), staff.user()), DeskAnswer.DESK);
    desk(api, "close", (rc, staff) -> {
      WaitingChoice waiting = LeftWaiting.choice(Bodies.read(rc, Bodies.CloseDesk.class).waiting());
      return supervises(rc, staff) ? supervise(rc, staff, Command.Supervise.Action.CLOSE, null, waiting)
          : new Command.CloseDesk(now(), desk(rc), staff.user(), waiting);
    }, DeskAnswer.DESK);
    desk(api, "take-over", (rc, staff) -> {
      if (!supervises(rc, staff)) {
        throw new ApiException(403, "not_supervisor", staff.user() + " does not supervise this branch");
      }
      return supervise(rc, staff, Command.Supervise.Action.TAKE_OVER, null, null);
    }, DeskAnswer.DESK);
    desk(api, "call-next", (rc, staff) -> new Command.CallNext(now(), desk(rc), staff.user()), DeskAnswer.CALLED);
    desk(api, "call", (rc, staff) -> new Command.CallTicket(now(), desk(rc), staff.user(),
        Bodies.required("ticket", Bodies.read(rc, Bodies.CallTicket.class).ticket())), DeskAnswer.TICKET);
    desk(api, "undo", (rc, staff) -> new Command.Undo(now(), desk(rc), staff.user()), DeskAnswer.TICKET);
    desk(api, "recall", (rc, staff) -> new Command.Recall(now(), desk(rc), staff.user()), DeskAnswer.TICKET);
    desk(api, "start", (rc, staff) -> new Command.StartService(now(), desk(rc), staff.user()), DeskAnswer.TICKET);
    desk(api, "done", (rc, staff) -> {
      String outcome = Bodies.read(rc, Bodies.FinishService.class).outcome();
      if (outcome != null && !engine.config().outcomes().contains(outcome)) {
        throw ApiException.invalid("outcome", "must be one of " + engine.config().outcomes());
      }
      return new Command.FinishService(now(), desk(rc), staff.user(), outcome);
    }, DeskAnswer.TICKET);
    desk(api, "no-show", (rc, staff) -> new Command.NoShow(now(), desk(rc), staff.user()), DeskAnswer.TICKET);
    desk(api, "transfer", (rc, staff) -> {
      Bodies.Transfer body = Bodies.read(rc, Bodies.Transfer.class);
      String service = Bodies.required("service", body.service());
      return new Command.Transfer(now(), desk(rc), staff.user(), service, placement(body.placement()));
    }, DeskAnswer.TICKET);
    desk(api, "move", (rc, staff) -> BranchMoves.command(engine, desk(rc), staff.user(),
        Bodies.read(rc, BranchMoves.Body.class)), DeskAnswer.TICKET);
    moves.mount(api, sessions);
  }

  /** What a desk command answers with. */
  private enum DeskAnswer { DESK, TICKET, CALLED }

  private void desk(Router api, String action, BiFunction<RoutingContext, StaffMember, Command> command,
                    DeskAnswer answer) {
    api.post("/branches/:branch/desks/:desk/" + action).handler(rc -> sessions.staff(rc)
        .compose(staff -> {
          String branch = rc.pathParam("branch");
          if (engine.config().branch(branch).isEmpty()) {
            throw ApiException.notFound("unknown_branch", "No branch '" + branch + "'");
          }
          Command c = command.apply(rc, staff);
          // A move is two writes, each recognised again by the new ticket's id: it needs no key.
          String key = c instanceof Command.AtDesk ? IdempotencyKeys.of(rc) : null;
          return moves.admit(branch, c).compose(v -> engine.execute(branch, c, key));
        })
        .compose(outcome -> LeftWaiting.explained(engine, rc, outcome))
        .onSuccess(outcome -> reply(rc, outcome, answer))
        .onFailure(rc::fail));
  }

  private void reply(RoutingContext rc, Outcome outcome, DeskAnswer answer) {
    if (!outcome.accepted()) {
      rc.fail(Errors.of(outcome.rejection()));
      return;
    }
    if (answer == DeskAnswer.DESK) {
      Replies.ok(rc, outcome.desk());
    } else if (outcome.ticket() == null && answer == DeskAnswer.CALLED) {
      rc.response().setStatusCode(204).end();
    } else {
      Replies.ok(rc, outcome.ticket());
    }
  }

  private void login(RoutingContext rc) {
    Bodies.Login body = Bodies.read(rc, Bodies.Login.class);
    String user = Bodies.required("user", body.user());
    String pin = Bodies.required("pin", body.pin());
    if (user.length() > MAX_USER || pin.length() > MAX_USER) {
      throw ApiException.invalid(user.length() > MAX_USER ? "user" : "pin", "at most " + MAX_USER + " characters");
    }
    sessions.login(rc.vertx().getOrCreateContext(), user, pin, Edge.clientAddress(rc.request(), edge))
        .onSuccess(token -> Replies.ok(rc, me(engine.config().staff().get(user), token)))
        .onFailure(rc::fail);
  }

  private static Map<String, Object> me(StaffMember s, String token) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (token != null) {
      m.put("token", token);
    }
    m.put("user", s.user());
    m.put("name", s.name());
    m.put("skills", s.skills().stream().sorted().toList());
    m.put("supervises", s.supervises().stream().sorted().toList());
    return m;
  }

  private static boolean supervises(RoutingContext rc, StaffMember staff) {
    return dk.queue.core.auth.Role.SUPERVISOR.heldAt(staff, rc.pathParam("branch"));
  }

  private Command supervise(RoutingContext rc, StaffMember staff, Command.Supervise.Action action, String reason,
                            WaitingChoice waiting) {
    return new Command.Supervise(now(), desk(rc), staff.user(), action, reason, staff.skills(), waiting);
  }

  private static Placement placement(String text) {
    if (text == null) {
      return Placement.LAST;
    }
    for (Placement p : Placement.values()) {
      if (JsonMapping.enumCode(p).equals(text)) {
        return p;
      }
    }
    throw ApiException.invalid("placement", "must be first, last or by-issue-time");
  }

  private static String desk(RoutingContext rc) {
    return rc.pathParam("desk");
  }

  private Instant now() {
    return engine.clock().instant();
  }

}
