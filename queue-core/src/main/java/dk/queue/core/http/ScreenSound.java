package dk.queue.core.http;

import dk.queue.core.engine.HazelcastFutures;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.config.ScreenDef;
import dk.queue.core.engine.Addresses;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whether each screen's sound plays, as the screen itself reports it: a browser keeps a page's audio
 * suspended until someone taps it (unless started with the autoplay flag), once per page load. The
 * cluster remembers per configured screen whether someone turned its sound on with a tap (so the
 * screen offers the tap once) and whether it plays now (so operations see which screens are silent).
 * Bounded by the configured screens: an unknown screen is refused.
 */
final class ScreenSound {
  private final IMap<String, Sound> sounds;
  private final Supplier<QueueConfig> config;
  private final Clock clock;

  ScreenSound(HazelcastInstance hazelcast, Supplier<QueueConfig> config, Clock clock) {
    this.sounds = hazelcast.getMap(Addresses.SCREEN_SOUND_MAP);
    this.config = config;
    this.clock = clock;
  }

  void mount(Router api) {
    api.get("/screens/sound").handler(this::all);
    api.get("/screens/:screen/sound").handler(rc -> {
      ScreenDef screen = screen(rc);
      HazelcastFutures.of(sounds.getAsync(screen.id()), rc.vertx().getOrCreateContext())
          .onSuccess(s -> Replies.ok(rc, view(screen, s)))
          .onFailure(rc::fail);
    });
    api.post("/screens/:screen/sound").handler(rc -> {
      ScreenDef screen = screen(rc);
      Report body = Bodies.read(rc, Report.class);
      if (body.playing() == null) {
        throw ApiException.invalid("playing", "required: true or false");
      }
      boolean tapped = Boolean.TRUE.equals(body.tapped());
      if (tapped && !body.playing()) {
        throw ApiException.invalid("tapped", "a tap reports sound that plays");
      }
      HazelcastFutures.of(sounds.submitToKey(screen.id(),
              new Reported(body.playing(), tapped, clock.instant().toString())), rc.vertx().getOrCreateContext())
          .onSuccess(s -> Replies.ok(rc, view(screen, s)))
          .onFailure(rc::fail);
    });
  }

  /** Every configured screen's sound: those that have not reported yet are left out. */
  private void all(RoutingContext rc) {
    List<ScreenDef> screens = config.get().screens().stream().filter(ScreenDef::sound).toList();
    java.util.Set<String> ids = new java.util.HashSet<>(screens.stream().map(ScreenDef::id).toList());
    rc.vertx().executeBlocking(() -> sounds.getAll(ids), false)
        .onSuccess(found -> {
          List<Map<String, Object>> list = new ArrayList<>();
          screens.stream().filter(s -> found.containsKey(s.id())).sorted(Comparator.comparing(ScreenDef::id))
              .forEach(s -> list.add(view(s, found.get(s.id()))));
          Replies.ok(rc, list);
        })
        .onFailure(rc::fail);
  }

  private ScreenDef screen(RoutingContext rc) {
    String id = rc.pathParam("screen");
    return config.get().screen(id).orElseThrow(() -> ApiException.notFound("unknown_screen", "No screen '" + id + "'"));
  }

  private static Map<String, Object> view(ScreenDef screen, Sound s) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("screen", screen.id());
    m.put("branch", screen.branch());
    m.put("name", screen.name());
    m.put("sound", screen.sound());
    m.put("turnedOn", s != null && s.turnedOn());
    if (s != null) {
      m.put("playing", s.playing());
      m.put("reportedAt", s.reportedAt());
    }
    return m;
  }

  /** A screen's report: whether its audio plays now, and whether a tap just turned it on. */
  record Report(Boolean playing, Boolean tapped) {}

  /** What the cluster holds for a screen. */
  record Sound(boolean turnedOn, boolean playing, String reportedAt) {}

  /** Records a report where the entry lives; a tap, once made, stays remembered. */
  record Reported(boolean playing, boolean tapped, String at) implements EntryProcessor<String, Sound, Sound> {
    @Override
    public Sound process(Map.Entry<String, Sound> entry) {
      boolean turnedOn = tapped || entry.getValue() != null && entry.getValue().turnedOn();
      Sound now = new Sound(turnedOn, playing, at);
      entry.setValue(now);
      return now;
    }
  }
}
