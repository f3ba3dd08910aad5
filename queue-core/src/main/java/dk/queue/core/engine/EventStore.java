package dk.queue.core.engine;

import dk.queue.core.domain.Recorded;
import java.io.IOException;
import java.util.List;

/**
 * The record of the days: every event of every branch, in seq order. Calls block: the engine makes
 * them off the event loop.
 */
public interface EventStore extends AutoCloseable {

  /** Appends events; those whose seq is already stored are skipped, so a repeated append is harmless. */
  void append(String branch, List<Recorded> events) throws IOException;

  /** The events of a branch from its latest {@code DayStarted} on (all, if there is none), in order. */
  List<Recorded> currentDay(String branch) throws IOException;

  @Override
  void close() throws IOException;
}
