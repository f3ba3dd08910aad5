package dk.queue.core.config;

import java.util.List;

/**
 * A configuration that cannot be used. Every problem found is kept, so that an administrator can
 * fix a file in one pass; the message lists them, one per line, each naming the file, line,
 * column, field and what is wrong.
 */
public final class ConfigException extends RuntimeException {
  /** Beyond this, the rest are usually consequences of the first ones. */
  private static final int SHOWN = 20;

  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(ConfigProblem problem) {
    this(List.of(problem));
  }

  /** The problems in the order they appear in the file. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a configuration error needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0).toString();
    }
    StringBuilder s = new StringBuilder(problems.size() + " problems in " + problems.get(0).source() + ":");
    problems.stream().limit(SHOWN).forEach(p -> s.append("\n  ").append(p));
    if (problems.size() > SHOWN) {
      s.append("\n  ... and ").append(problems.size() - SHOWN).append(" more");
    }
    return s.toString();
  }
}
