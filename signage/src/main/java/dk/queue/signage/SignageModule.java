package dk.queue.signage;

import dk.queue.core.config.ScreenDef;
import dk.queue.core.domain.Event;
import dk.queue.core.engine.Update;
import dk.queue.core.http.Frames;
import dk.queue.core.http.LiveStream;
import dk.queue.core.http.Sse;
import dk.queue.core.json.JsonMapping;
import dk.queue.core.views.BranchViews;
import dk.queue.core.web.Messages;
import dk.queue.core.web.NodeContext;
import dk.queue.core.web.Pages;
import dk.queue.core.web.WebModule;
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
  /** How long the page of a screen waits for its branch before answering 503. */
  static final long PAGE_WAIT_MS = 10_000;
  private static final Map<String, String> SPEECH_LOCALES = Map.of(Messages.DANISH, "da-DK", Messages.ENGLISH, "en-GB");
  private static final Pattern NUMBER = Pattern.compile("([A-Z]+)(\\d+)");
  private final Frames frames = new Frames();
  private final long pageWaitMs;
  private Pages pages = new Pages();

  public SignageModule() {
    this(PAGE_WAIT_MS);
  }

  SignageModule(long pageWaitMs) {
    this.pageWaitMs = pageWaitMs;
  }

  @Override
  public void mount(Router router, NodeContext node) {
    pages = new Pages(node.nodeUrls());
    router.get("/screens/:screen").handler(rc -> screen(rc, node));
    router.get("/screens/:screen/live").handler(rc -> live(rc, node));
  }

  /**
   * The page, rendered from the branch's public view as this node's feed has it. A feed that gives
   * nothing within {@link #PAGE_WAIT_MS} (the cluster cannot be read) is a 503 page the browser
   * retries, not a request that hangs; a client that leaves meanwhile ends the subscription.
   */
  private void screen(RoutingContext rc, NodeContext node) {
    Optional<ScreenDef> screen = node.config().screen(rc.pathParam("screen"));
    if (screen.isEmpty()) {
      pages.notFound(rc, "/screens/" + rc.pathParam("screen"));
      return;
    }
    AutoCloseable[] sub = new AutoCloseable[1];
    boolean[] done = new boolean[1];
    long timeout = rc.vertx().setTimer(pageWaitMs, t -> {
      if (!done[0]) {
        done[0] = true;
        LiveStream.close(sub[0]);
        pages.unavailable(rc);
      }
    });
    // The response's close, not the connection's: the connection's handler is the edge's, which
    // counts the connections of each address.
    rc.response().closeHandler(v -> {
      done[0] = true;
      rc.vertx().cancelTimer(timeout);
      LiveStream.close(sub[0]);
    });
    sub[0] = node.feeds().subscribe(screen.get().branch(), update -> {
      if (done[0]) {
        return;
      }
      done[0] = true;
      rc.vertx().cancelTimer(timeout);
      rc.vertx().runOnContext(v -> LiveStream.close(sub[0]));
      pages.send(rc, 200, "screen", ScreenModel.of(node.config(), screen.get(), update.state(), Instant.now()));
    });
  }

  private void live(RoutingContext rc, NodeContext node) {
    Optional<ScreenDef> screen = node.config().screen(rc.pathParam("screen"));
    if (screen.isEmpty()) {
      rc.response().setStatusCode(404).end();
      return;
    }
    ScreenDef def = screen.get();
    LiveStream.open(rc, node.metrics().connected("screen"), write -> node.feeds().subscribe(def.branch(),
        update -> write.accept(frames.of(def.id(), update, u -> frame(node, def, u)))));
  }

  /** The region rendered for this update, and the call to announce if the update's event is one. */
  private String frame(NodeContext node, ScreenDef screen, Update update) {
    Instant now = Instant.now();
    ScreenModel model = ScreenModel.of(node.config(), screen, update.state(), now);
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
   * The call to announce: the one the update's event makes (a call or a recall at a desk and of a
   * service the screen shows), taken from the event itself. A snapshot (the first update, or one
   * after a gap) announces nothing: the calls it may have skipped are shown, not read out again.
   */
  static Optional<Announcement> call(Update update, ScreenDef screen) {
    if (update.event() == null) {
      return Optional.empty();
    }
    Event e = update.event().event();
    Called called = e instanceof Event.TicketCalled c ? new Called(c.number(), c.desk(), c.service())
        : e instanceof Event.TicketRecalled r ? new Called(r.number(), r.desk(), r.service()) : null;
    return Optional.ofNullable(called)
        .filter(c -> screen.showsDesk(c.desk()) && screen.showsService(c.service()))
        .map(c -> {
          String deskName = BranchViews.deskName(update.state(), c.desk());
          List<Spoken> words = screen.announce().stream()
              .map(lang -> new Spoken(SPEECH_LOCALES.get(lang), Messages.text(lang, "screen.announce")
                  .replace("{number}", spoken(c.number())).replace("{desk}", deskName)))
              .toList();
          return new Announcement(c.number(), deskName, words);
        });
  }

  /** A call or a recall: the number, desk and service an event names. */
  private record Called(String number, String desk, String service) {}

  /** "P007" is read out as "P 7". */
  static String spoken(String number) {
    Matcher m = NUMBER.matcher(number);
    return m.matches() ? m.group(1) + " " + Integer.parseInt(m.group(2)) : number;
  }
}
