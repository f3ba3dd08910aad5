package dk.queue.core.engine;

import dk.queue.core.domain.Recorded;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The record of the days: every event of every branch, in seq order. Calls block: the engine makes
 * them off the event loop. Two implementations: {@link FileEventStore}, embedded in the node's
 * data folder, and {@link PostgresEventStore}, one database for a whole cluster.
 */
public interface EventStore extends AutoCloseable {

  /**
   * Appends events, all or none; those whose (branch, seq) is already stored are skipped, so a
   * repeated append is harmless.
   */
  void append(String branch, List<Recorded> events) throws IOException;

  /** The events of a branch from its latest {@code DayStarted} on (all, if there is none), in order. */
  List<Recorded> currentDay(String branch) throws IOException;

  /** The events of a branch with {@code from <= at < to}, in seq order. */
  List<Recorded> between(String branch, Instant from, Instant to) throws IOException;

  /** Deletes the events of a branch that happened before {@code cutoff}; returns how many. */
  long deleteBefore(String branch, Instant cutoff) throws IOException;

  /** Fails when the store cannot take events now. */
  void check() throws IOException;

  /**
   * Whether every node of a cluster writes to and reads from this same store; only then can any
   * node write any branch's events, and a restart of all nodes find every one of them.
   */
  boolean shared();

  /**
   * How many stored events of each branch could not be read since the store was opened, and were
   * set aside (kept apart from the log, and logged) rather than stopping the replay of what follows.
   */
  Map<String, Long> setAside();

  /** Whether events of the branch were ever set aside: its log has gaps there, to replay past. */
  boolean setAsideAny(String branch) throws IOException;

  /**
   * Those of {@code events} whose (branch, seq) the store already holds with a different event:
   * where this log and the events offered have diverged. {@link #append} skips them silently.
   */
  List<Recorded> diverging(String branch, List<Recorded> events) throws IOException;

  @Override
  void close() throws IOException;
}
