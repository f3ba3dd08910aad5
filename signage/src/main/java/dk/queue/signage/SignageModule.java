package dk.queue.signage;

import dk.queue.core.config.ScreenDef;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Views;
import dk.queue.core.engine.Update;
import dk.queue.core.http.Sse;
import dk.queue.core.json.JsonMapping;
import dk.queue.core.web.NodeContext;
import dk.queue.core.web.Pages;
import dk.queue.core.web.WebModule;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Waiting-room screens: {@code /screens/{screen}} renders the page on the server;
 * {@code /screens/{screen}/live} streams the same region, rendered again by the same template at every
 * change, plus a {@code call} event for each call or recall to announce.
 */
public final class SignageModule implements WebModule {
  static final long HEARTBEAT_MS = 15_000;
  static final java.util.Set<String> ANNOUNCED = java.util.Set.of(
      Event.TicketCalled.class.getSimpleName(), Event.TicketRecalled.class.getSimpleName());
  private Pages pages = new Pages();

  @Override
  public void mount(Router router, NodeContext node) {
    pages = new Pages(node.nodeUrls());
    router.get("/screens/:screen").handler(rc -> screen(rc, node));
    router.get("/screens/:screen/live").handler(rc -> live(rc, node));
  }

  private void screen(RoutingContext rc, NodeContext node) {
    Optional<ScreenDef> screen = node.config().screen(rc.pathParam("screen"));
    if (screen.isEmpty()) {
      pages.notFound(rc, "/screens/" + rc.pathParam("screen"));
      return;
    }
    AutoCloseable[] sub = new AutoCloseable[1];
    boolean[] sent = new boolean[1];
    sub[0] = node.feeds().subscribe(screen.get().branch(), update -> {
      if (sent[0]) {
        return;
      }
      sent[0] = true;
      rc.vertx().runOnContext(v -> close(sub[0]));
      pages.send(rc, 200, "screen", model(node, screen.get(), update));
    });
  }

  private void live(RoutingContext rc, NodeContext node) {
    Optional<ScreenDef> screen = node.config().screen(rc.pathParam("screen"));
    if (screen.isEmpty()) {
      rc.response().setStatusCode(404).end();
      return;
    }
    HttpServerResponse response = rc.response();
    AutoCloseable counted = node.metrics().connected("screen");
    Sse.begin(response);
    AutoCloseable sub = node.feeds().subscribe(screen.get().branch(), update -> {
      if (response.closed() || response.ended()) {
        return;
      }
      if (response.writeQueueFull()) {
        response.reset();
        return;
      }
      ScreenModel model = model(node, screen.get(), update);
      response.write(Sse.event("render", update.seq(), pages.render("screen-region", model)));
      call(update).ifPresent(call -> response.write(Sse.event("call", update.seq(), JsonMapping.encode(call))));
    });
    long heartbeat = rc.vertx().setPeriodic(HEARTBEAT_MS, t -> {
      if (!response.closed()) {
        response.write(": ping\n\n");
      }
    });
    response.closeHandler(v -> {
      rc.vertx().cancelTimer(heartbeat);
      close(sub);
      close(counted);
    });
  }

  private static ScreenModel model(NodeContext node, ScreenDef screen, Update update) {
    ZoneId zone = node.config().branch(screen.branch()).orElseThrow().zone();
    return ScreenModel.of(screen, update.snapshot(), zone, Instant.now());
  }

  /** The call to announce, when the update is a call or a recall: it is the newest of the recent calls. */
  static Optional<Map<String, String>> call(Update update) {
    if (!ANNOUNCED.contains(update.type()) || update.snapshot().recentCalls().isEmpty()) {
      return Optional.empty();
    }
    Views.CallView c = update.snapshot().recentCalls().get(0);
    return Optional.of(Map.of("number", c.number(), "deskName", c.deskName()));
  }

  private static void close(AutoCloseable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (Exception ignored) {
      // closing a subscription only schedules its removal
    }
  }
}
