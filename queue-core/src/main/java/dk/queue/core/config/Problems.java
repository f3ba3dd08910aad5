package dk.queue.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects what is wrong while reading goes on with the next item, so that one run names every
 * broken entry rather than one per restart of the node.
 */
final class Problems {
  private final List<ConfigProblem> found = new ArrayList<>();

  /** The item's value, or empty when it is broken; its problem is noted. */
  <T> Optional<T> attempt(Supplier<T> read) {
    try {
      return Optional.ofNullable(read.get());
    } catch (ConfigException e) {
      found.addAll(e.problems());
      return Optional.empty();
    }
  }

  void add(ConfigException e) {
    found.addAll(e.problems());
  }

  /** Throws everything found, in file order. */
  void throwIfAny() {
    if (!found.isEmpty()) {
      List<ConfigProblem> sorted = new ArrayList<>(found);
      sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
      throw new ConfigException(sorted);
    }
  }
}
