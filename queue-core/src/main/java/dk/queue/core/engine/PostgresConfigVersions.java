package dk.queue.core.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration's versions in PostgreSQL beside the events (table {@code config_versions}), so
 * that after every node was down any node, even one with an empty data folder, starts from the
 * newest saved version. Each node's data folder keeps them too ({@link FileConfigVersions}); the two
 * are read together, and the folder alone while the database cannot be reached.
 */
public final class PostgresConfigVersions implements ConfigVersions {
  private static final System.Logger LOG = System.getLogger(PostgresConfigVersions.class.getName());
  private final FileConfigVersions local;
  private final PostgresEventStore store;

  public PostgresConfigVersions(FileConfigVersions local, PostgresEventStore store) {
    this.local = local;
    this.store = store;
  }

  @Override
  public Optional<Saved> latestFromFile() throws IOException {
    List<Saved> candidates = new ArrayList<>(shared(KEPT + 1));
    local.latestFromFile().ifPresent(candidates::add);
    return candidates.stream().filter(s -> FILE.equals(s.source())).max(Comparator.comparingLong(Saved::version));
  }

  /** Kept in the data folder, then in the database (which may fail: the caller is told). */
  @Override
  public void keep(Saved saved) throws IOException {
    local.keep(saved);
    store.keepVersion(saved);
  }

  @Override
  public List<Saved> history(int limit) throws IOException {
    Map<Long, Saved> all = new TreeMap<>(Comparator.reverseOrder());
    for (Saved s : local.history(limit)) {
      all.put(s.version(), s);
    }
    for (Saved s : shared(limit)) {
      all.put(s.version(), s);
    }
    return all.values().stream().limit(limit).toList();
  }

  private List<Saved> shared(int limit) {
    try {
      return store.versions(limit);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "configuration versions read from the data folder only: " + e.getMessage());
      return List.of();
    }
  }
}
