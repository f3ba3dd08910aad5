package dk.queue.signage;

import dk.queue.core.config.ScreenDef;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Views;
import dk.queue.core.engine.Update;
import dk.queue.core.http.Frames;
import dk.queue.core.http.Sse;
import dk.queue.core.json.JsonMapping;
import dk.queue.core.web.Messages;
import dk.queue.core.web.NodeContext;
import dk.queue.core.web.Pages;
import dk.queue.core.web.WebModule;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waiting-room screens and counter displays: {@code /screens/{screen}} renders the page on the server;
 * {@code /screens/{screen}/live} streams the same region, rendered again by the same template at every
 * change, plus a {@code call} event for each call or recall to announce.
 */
public final class SignageModule implements WebModule {
  static final long HEARTBEAT_MS = 15_000;
  static final java.util.Set<String> ANNOUNCED = java.util.Set.of(
      Event.TicketCalled.class.getSimpleName(), Event.TicketRecalled.class.getSimpleName());
  private static final Map<String, String> SPEECH_LOCALES = Map.of(Messages.DANISH, "da-DK", Messages.ENGLISH, "en-GB");
  private static final Pattern NUMBER = Pattern.compile("([A-Z]+)(\\d+)");
  private final Frames frames = new Frames();
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
      pages.send(rc, 200, "screen", ScreenModel.of(node.config(), screen.get(), update.snapshot(), Instant.now()));
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
      response.write(frames.of(screen.get().id(), update, u -> frame(node, screen.get(), u)));
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

  /** The region rendered for this update, and the call to announce if there is one. */
  private String frame(NodeContext node, ScreenDef screen, Update update) {
    ScreenModel model = ScreenModel.of(node.config(), screen, update.snapshot(), Instant.now());
    String render = Sse.event("render", update.seq(), pages.render(region(screen), model));
    return call(update, screen).map(call -> render + Sse.event("call", update.seq(), JsonMapping.encode(call)))
        .orElse(render);
  }

  static String region(ScreenDef screen) {
    return screen.counter() ? "counter-region" : "screen-region";
  }

  /** One spoken part of an announcement. */
  record Spoken(String lang, String text) {}

  /** A call to announce: the number, the desk, and the words in each of the screen's languages. */
  record Announcement(String number, String deskName, List<Spoken> announce) {}

  /**
   * The call to announce, when the update is a call or a recall the screen shows: it is the newest
   * of the recent calls.
   */
  static Optional<Announcement> call(Update update, ScreenDef screen) {
    if (!ANNOUNCED.contains(update.type()) || update.snapshot().recentCalls().isEmpty()) {
      return Optional.empty();
    }
    Views.CallView c = update.snapshot().recentCalls().get(0);
    if (!screen.showsDesk(c.desk()) || !screen.showsService(c.service())) {
      return Optional.empty();
    }
    List<Spoken> words = screen.announce().stream()
        .map(lang -> new Spoken(SPEECH_LOCALES.get(lang), Messages.text(lang, "screen.announce")
            .replace("{number}", spoken(c.number())).replace("{desk}", c.deskName())))
        .toList();
    return Optional.of(new Announcement(c.number(), c.deskName(), words));
  }

  /** "P007" is read out as "P 7". */
  static String spoken(String number) {
    Matcher m = NUMBER.matcher(number);
    return m.matches() ? m.group(1) + " " + Integer.parseInt(m.group(2)) : number;
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
