package dk.queue.core.http;

import dk.queue.core.domain.Event;
import dk.queue.core.engine.Engine;
import dk.queue.core.engine.IdGenerator;
import dk.queue.core.engine.UnknownBranchException;
import dk.queue.core.engine.Update;
import dk.queue.core.json.JsonMapping;
import dk.queue.core.views.Audience;
import dk.queue.core.views.BranchView;
import dk.queue.core.views.BranchViews;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Set;

/**
 * The API's event streams. {@code GET /api/branches/{branch}/events}: a snapshot of the caller's
 * view (public, or staff with a token; {@code ?desk=} orders a staff view's waiting list as that
 * desk would call), then one {@code change} per event with the view after it, each with its seq as
 * the event id. {@code Last-Event-ID} (or {@code ?lastEventId=}) resumes: nothing is sent again
 * when the client is up to date, else a new snapshot. A public change names only its type, never
 * the event (which holds ticket ids and staff ids). {@code GET /api/tickets/{ticket}/events}: the
 * holder's view of that one ticket, sent whenever it changes.
 */
final class EventStreams {
  /** What a client may say it is ({@code ?client=}), for the count of connected clients. */
  static final Set<String> KINDS = Set.of("kiosk", "desk", "phone", "screen", "ops");
  private final Engine engine;
  private final Sessions sessions;
  private final dk.queue.core.metrics.QueueMetrics metrics;
  private final Frames frames = new Frames();

  EventStreams(Engine engine, Sessions sessions, dk.queue.core.metrics.QueueMetrics metrics) {
    this.engine = engine;
    this.sessions = sessions;
    this.metrics = metrics;
  }

  /** A change as the API streams it: its type, and the audience's view after it; the event itself for staff. */
  record Change(String branch, long seq, Instant at, String type, Event event, BranchView snapshot) {}

  void mount(Router api) {
    api.get("/branches/:branch/events").handler(this::branch);
    api.get("/tickets/:ticket/events").handler(this::ticket);
  }

  private void branch(RoutingContext rc) {
    String branch = rc.pathParam("branch");
    if (engine.config().branch(branch).isEmpty()) {
      throw new UnknownBranchException(branch);
    }
    long after = lastEventId(rc);
    String desk = engine.config().branch(branch).get().desk(String.valueOf(rc.request().getParam("desk")))
        .map(d -> d.id()).orElse(null);
    Audiences.of(rc, sessions).onFailure(rc::fail).onSuccess(audience -> {
      String kind = "api:" + branch + ":" + audience + (audience == Audience.STAFF && desk != null ? ":" + desk : "");
      // Subscribed again after skipped changes, the stream starts with a snapshot.
      long[] from = {after};
      LiveStream.open(rc, counted(rc), write -> {
        long resume = from[0];
        from[0] = -1;
        return engine.subscribe(branch, resume, update -> write.accept(frames.of(kind, update, u -> frame(u, audience, desk))));
      });
    });
  }

  private String frame(Update u, Audience audience, String desk) {
    Instant now = engine.clock().instant();
    BranchView view = audience == Audience.STAFF ? BranchViews.staff(u.state(), now, desk)
        : BranchViews.publicView(u.state(), now);
    if (u.isSnapshot()) {
      return Sse.event("snapshot", u.seq(), JsonMapping.encode(view));
    }
    Change change = new Change(u.branch(), u.seq(), u.event().at(), u.type(),
        audience == Audience.STAFF && !(u.event().event() instanceof dk.queue.core.domain.Event.Appointment)
            ? u.event().event() : null, view);
    return Sse.event("change", u.seq(), JsonMapping.encode(change));
  }

  /** The ticket's own stream: what its holder sees, each time it changes, never anything else of the branch. */
  private void ticket(RoutingContext rc) {
    String id = rc.pathParam("ticket");
    String branch = IdGenerator.branchOf(id);
    if (branch == null || engine.config().branch(branch).isEmpty()) {
      throw CitizenRoutes.unknownTicket(id);
    }
    Context connection = rc.vertx().getOrCreateContext();
    engine.state(branch).onComplete(ar -> connection.runOnContext(v -> {
      if (ar.failed()) {
        rc.fail(ar.cause());
        return;
      }
      if (ar.result().ticket(id).isEmpty()) {
        rc.fail(CitizenRoutes.unknownTicket(id));
        return;
      }
      LiveStream.open(rc, counted(rc), write -> {
        String[] sent = new String[1];
        return engine.subscribe(branch, update ->
            BranchViews.ticket(update.state(), id, engine.clock().instant()).ifPresent(view -> {
              String json = JsonMapping.encode(BranchMoves.named(engine.config(), view));
              if (!json.equals(sent[0])) {
                sent[0] = json;
                write.accept(Buffer.buffer(Sse.event("ticket", update.seq(), json)));
              }
            }));
      });
    }));
  }

  private AutoCloseable counted(RoutingContext rc) {
    String kind = rc.request().getParam("client");
    return metrics.connected(kind != null && KINDS.contains(kind) ? kind : "other");
  }

  private static long lastEventId(RoutingContext rc) {
    String text = rc.request().getHeader("Last-Event-ID");
    if (text == null) {
      text = rc.request().getParam("lastEventId");
    }
    if (text == null || text.isBlank()) {
      return -1;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("Last-Event-ID", "must be a seq number");
    }
  }
}
