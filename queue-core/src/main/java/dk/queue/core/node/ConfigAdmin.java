package dk.queue.core.node;

import dk.queue.core.config.QueueConfig;
import dk.queue.core.engine.ConfigVersions;
import dk.queue.core.engine.Engine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The running configuration as versioned text. At start the file's text becomes a new version when
 * it differs from the last one read from the file (someone edited or restored the file); otherwise
 * the newest saved version is taken on, so the pages' changes survive a restart. Saves on a node
 * run one at a time; each names the version it was based on and is refused when that is old.
 */
public final class ConfigAdmin {
  private final Vertx vertx;
  private final ConfigVersions versions;
  private final ConfigReloader reloader;
  private final Clock clock;
  private Future<?> last = Future.succeededFuture();

  ConfigAdmin(Vertx vertx, ConfigVersions versions, ConfigReloader reloader, Clock clock) {
    this.vertx = vertx;
    this.versions = versions;
    this.reloader = reloader;
    this.clock = clock;
  }

  /** The outcome of a save: the new version, and what each branch did. */
  public record Saved(ConfigVersions.Saved version, Engine.Reconfigured applied) {}

  /** Takes the file's text or the newest saved version, as the class comment says. */
  Future<Void> start(QueueConfig config) {
    return vertx.<Optional<String>>executeBlocking(() -> {
      String text = fileText(config.source());
      Optional<ConfigVersions.Saved> fromFile = versions.latestFromFile();
      Optional<ConfigVersions.Saved> latest = versions.latest();
      if (text != null && (fromFile.isEmpty() || !fromFile.get().yaml().equals(text))) {
        versions.save(latest.map(ConfigVersions.Saved::version).orElse(0L), text, ConfigVersions.FILE,
            "read from " + config.source(), clock.instant());
        return Optional.empty();
      }
      return latest.map(ConfigVersions.Saved::yaml).filter(saved -> !saved.equals(text));
    }, false).compose(saved -> saved.isEmpty() ? Future.<Void>succeededFuture()
        : reloader.reload(saved.get(), "saved configuration").mapEmpty());
  }

  /** The text of the file the configuration was read from; null when it came from elsewhere. */
  private static String fileText(String source) throws java.io.IOException {
    try {
      Path file = Path.of(source);
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  /** The newest version, if any has been saved. */
  public Future<Optional<ConfigVersions.Saved>> current() {
    return vertx.executeBlocking(versions::latest, false);
  }

  /** The newest versions first, for the audit log. */
  public Future<List<ConfigVersions.Saved>> history(int limit) {
    return vertx.executeBlocking(() -> versions.history(limit), false);
  }

  /**
   * Takes on and stores {@code yaml}, made from version {@code basedOn} (null: from whatever is
   * newest). Fails with {@link ConfigVersions.Conflict} when another version was saved since, with
   * the configuration loader's exception when the text is not valid; the branches' refusals
   * (something in use) come back in {@link Saved#applied()}, and then nothing is stored.
   */
  public synchronized Future<Saved> save(Long basedOn, String yaml, String user, String summary) {
    Future<Saved> next = last.transform(ignored -> current().compose(latest -> {
      long newest = latest.map(ConfigVersions.Saved::version).orElse(0L);
      if (basedOn != null && basedOn != newest) {
        return Future.failedFuture(new ConfigVersions.Conflict(latest.orElseThrow()));
      }
      return reloader.reload(yaml, "admin (" + user + ")").compose(applied -> {
        if (!applied.refused().isEmpty()) {
          return Future.succeededFuture(new Saved(null, applied));
        }
        return vertx.executeBlocking(() -> new Saved(versions.save(newest, yaml, user, summary, clock.instant()),
            applied), false);
      });
    }));
    last = next;
    return next;
  }
}
