package dk.queue.core.node;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.engine.ConfigVersions;
import dk.queue.core.engine.Engine;
import dk.queue.core.json.JsonMapping;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The running configuration as numbered versions, the same on every node of a cluster. The versions
 * live in a Hazelcast map keyed by number (with the branches' synchronous backups), and every node
 * keeps each one it sees in its data folder too ({@link ConfigVersions}). A save takes the next
 * number with {@code putIfAbsent}, decided by the number's one owner in the cluster, so of two saves
 * made from the same version on two nodes the second is refused and told of the first. Every node
 * hears of each new version and takes it on without a restart.
 *
 * <p>At start, a node offers the versions in its data folder to the map (after a restart of every
 * node, the first one up brings back the newest) and keeps those of the map. Then the configuration file's text becomes a new
 * version when it differs from the last one read from the file (someone edited or restored the
 * file); otherwise the newest version is taken on, so the pages' changes survive a restart.
 */
public final class ConfigAdmin {
  private static final System.Logger LOG = System.getLogger(ConfigAdmin.class.getName());
  private final Vertx vertx;
  private final ConfigVersions versions;
  private final IMap<Long, String> shared;
  private final ConfigReloader reloader;
  private final Clock clock;
  /** The newest version this node has taken on. */
  private long applied;
  private Future<?> last = Future.succeededFuture();

  ConfigAdmin(Vertx vertx, ConfigVersions versions, IMap<Long, String> shared, ConfigReloader reloader, Clock clock) {
    this.vertx = vertx;
    this.versions = versions;
    this.shared = shared;
    this.reloader = reloader;
    this.clock = clock;
  }

  /** The outcome of a save: the new version, and what each branch did. */
  public record Saved(ConfigVersions.Saved version, Engine.Reconfigured applied) {}

  /** Takes the file's text or the newest saved version, as the class comment says. */
  Future<Void> start(QueueConfig config) {
    return vertx.<Optional<String>>executeBlocking(() -> {
      List<ConfigVersions.Saved> own = versions.history(ConfigVersions.KEPT + 1);
      // This node's own versions are no news to it. Hazelcast answers a put before it publishes the
      // put's event, so the listener added below can still hear of these: noted as known first,
      // they are not taken on as if another node had just saved them (which made a node started
      // from an edited file go back to the version before it). Which version runs is decided below.
      own.stream().mapToLong(ConfigVersions.Saved::version).max().ifPresent(this::taken);
      for (ConfigVersions.Saved kept : own) {
        shared.putIfAbsent(kept.version(), JsonMapping.encode(kept));
      }
      // From here on every new version is heard of; those until now are kept here first.
      shared.addEntryListener((EntryAddedListener<Long, String>) this::added, true);
      for (String other : shared.values()) {
        keep(JsonMapping.decode(other, ConfigVersions.Saved.class));
      }
      String text = fileText(config.source());
      Optional<ConfigVersions.Saved> fromFile = versions.latestFromFile();
      if (text != null && (fromFile.isEmpty() || !fromFile.get().yaml().equals(text))) {
        while (true) {
          Optional<ConfigVersions.Saved> head = latest();
          if (head.isPresent() && head.get().yaml().equals(text)) {
            break; // another node started from the same file at the same time and stored it
          }
          ConfigVersions.Saved next = new ConfigVersions.Saved(head.map(ConfigVersions.Saved::version).orElse(0L) + 1,
              clock.instant(), ConfigVersions.FILE, "read from " + config.source(), text);
          if (store(next) == null) {
            return Optional.empty();
          }
        }
      }
      Optional<ConfigVersions.Saved> head = latest();
      head.ifPresent(h -> taken(h.version()));
      return head.map(ConfigVersions.Saved::yaml).filter(saved -> !saved.equals(text));
    }, false).compose(saved -> saved.isEmpty() ? Future.<Void>succeededFuture()
        : reloader.apply(saved.get(), "saved configuration").mapEmpty());
  }

  /** A version saved on any node (this one too): kept on disk, and taken on if it is newer. */
  private void added(EntryEvent<Long, String> event) {
    try {
      ConfigVersions.Saved saved = JsonMapping.decode(event.getValue(), ConfigVersions.Saved.class);
      keep(saved);
      synchronized (this) {
        if (taken(saved.version())) {
          reloader.adopt(saved.yaml(), "version " + saved.version());
          LOG.log(System.Logger.Level.INFO, "configuration version " + saved.version() + " taken on");
        }
      }
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "configuration version " + event.getKey() + " not taken on: " + e);
    }
  }

  /** Notes {@code version} as taken on; false when this node runs it or a newer one already. */
  private synchronized boolean taken(long version) {
    if (version <= applied) {
      return false;
    }
    applied = version;
    return true;
  }

  /**
   * Stores a version under its number unless another has it; returns that other, or null when
   * stored. Stored means in the cluster's map (with its backup); then also in this node's data
   * folder, and in PostgreSQL with that store.
   */
  private ConfigVersions.Saved store(ConfigVersions.Saved next) throws java.io.IOException {
    // Under the lock the node's own listener waits to hear of the version until it is noted as
    // taken on here, so it does not take it on a second time under another name.
    synchronized (this) {
      String before = shared.putIfAbsent(next.version(), JsonMapping.encode(next));
      if (before != null) {
        return JsonMapping.decode(before, ConfigVersions.Saved.class);
      }
      taken(next.version());
    }
    keep(next);
    shared.delete(next.version() - ConfigVersions.KEPT);
    return null;
  }

  /**
   * Keeps a version on disk (and in PostgreSQL, with that store). The cluster's map holds it with
   * its backup already, so a disk or database that fails is logged and does not stop the cluster
   * taking it on; a node keeps it when it next starts and reads the map.
   */
  private void keep(ConfigVersions.Saved saved) {
    try {
      versions.keep(saved);
    } catch (java.io.IOException e) {
      LOG.log(System.Logger.Level.WARNING, "configuration version " + saved.version() + " not stored: " + e.getMessage());
    }
  }

  /** The text of the file the configuration was read from (or of the embedded demo); null when it came from elsewhere. */
  private static String fileText(String source) throws java.io.IOException {
    try {
      Path file = Path.of(source);
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8);
      }
    } catch (java.nio.file.InvalidPathException e) {
      // not a file name: perhaps the embedded demo
    }
    if (dk.queue.core.config.ConfigLoader.DEMO_SOURCE.equals(source)) {
      try (var in = ConfigAdmin.class.getResourceAsStream(dk.queue.core.config.ConfigLoader.DEMO_RESOURCE)) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private Optional<ConfigVersions.Saved> latest() {
    return new TreeSet<>(shared.keySet()).descendingSet().stream().findFirst()
        .map(v -> JsonMapping.decode(shared.get(v), ConfigVersions.Saved.class));
  }

  /** The newest version, if any has been saved. */
  public Future<Optional<ConfigVersions.Saved>> current() {
    return vertx.executeBlocking(this::latest, false);
  }

  /** The newest versions first, for the audit log. */
  public Future<List<ConfigVersions.Saved>> history(int limit) {
    return vertx.executeBlocking(() -> shared.getAll(new TreeSet<>(shared.keySet()).descendingSet().stream()
            .limit(limit).collect(java.util.stream.Collectors.toSet())).values().stream()
        .map(json -> JsonMapping.decode(json, ConfigVersions.Saved.class))
        .sorted(Comparator.comparingLong(ConfigVersions.Saved::version).reversed()).toList(), false);
  }

  /**
   * Takes on and stores {@code yaml}, made from version {@code basedOn} (null: from whatever is
   * newest). Fails with {@link ConfigVersions.Conflict} when another version was saved since, on
   * this node or another, with the configuration loader's exception when the text is not valid; the
   * branches' refusals (something in use) come back in {@link Saved#applied()}, and then nothing is
   * stored.
   */
  public synchronized Future<Saved> save(Long basedOn, String yaml, String user, String summary) {
    Future<Saved> next = last.transform(ignored -> current().compose(latest -> {
      long newest = latest.map(ConfigVersions.Saved::version).orElse(0L);
      if (basedOn != null && basedOn != newest) {
        return Future.failedFuture(new ConfigVersions.Conflict(latest.orElseThrow()));
      }
      return reloader.apply(yaml, "admin (" + user + ")").compose(applied -> {
        if (!applied.refused().isEmpty()) {
          return Future.succeededFuture(new Saved(null, applied));
        }
        ConfigVersions.Saved version = new ConfigVersions.Saved(newest + 1, clock.instant(), user, summary, yaml);
        return vertx.executeBlocking(() -> store(version), false).compose(other -> {
          if (other == null) {
            return Future.succeededFuture(new Saved(version, applied));
          }
          // Another node took the number meanwhile: its branches are put back to that version.
          return reloader.apply(other.yaml(), "version " + other.version())
              .transform(back -> Future.failedFuture(new ConfigVersions.Conflict(other)));
        });
      });
    }));
    last = next;
    return next;
  }
}
