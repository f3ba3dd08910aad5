package dk.queue.core.engine;

import dk.queue.core.domain.Recorded;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

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

  @Override
  void close() throws IOException;
}
