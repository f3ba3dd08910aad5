package dk.queue.core.engine;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The configuration's versions, kept on disk beside the events: each one's full YAML text, who
 * saved it, when and what they changed. Version numbers count up from 1 without gaps; which
 * number a save gets is decided cluster-wide (see {@code dk.queue.core.node.ConfigAdmin}), and
 * every node keeps each version here so that a restart of all nodes starts from the newest one.
 * Calls block.
 */
public interface ConfigVersions {
  /** How many versions are kept; older ones are dropped (the newest read from the file always stays). */
  int KEPT = 200;
  /** The {@code source} of a version read from the configuration file at start. */
  String FILE = "file";

  /**
   * One saved version.
   *
   * @param source  {@link #FILE}, or the user who saved it through the administration
   * @param summary what changed, in words, for the audit log
   */
  record Saved(long version, Instant at, String source, String summary, String yaml) {}

  /** A save based on an older version than the newest. */
  final class Conflict extends Exception {
    private final Saved current;

    public Conflict(Saved current) {
      super("the configuration is at version " + current.version() + " (saved by " + current.source() + ")");
      this.current = current;
    }

    public Saved current() {
      return current;
    }
  }

  /** The newest version read from the configuration file. */
  Optional<Saved> latestFromFile() throws IOException;

  /** Keeps a version (numbered elsewhere); one already kept under its number is left as it is. */
  void keep(Saved saved) throws IOException;

  /** The newest versions first, at most {@code limit}. */
  List<Saved> history(int limit) throws IOException;
}
