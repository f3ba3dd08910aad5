package dk.queue.core.config;

import java.io.Serializable;

/**
 * One thing wrong with a configuration file, located so that an administrator can go straight to
 * it.
 *
 * @param source  the file name as given to the loader
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0 when unknown
 * @param path    the field, for example {@code branches[1].services[2].hours}; empty for the file
 * @param message what is wrong, in words an administrator can act on
 */
public record ConfigProblem(String source, int line, int column, String path, String message)
    implements Serializable {

  /** Formatted like a compiler message: {@code file:line:column: path: message}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(source);
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    s.append(": ");
    if (!path.isEmpty()) {
      s.append(path).append(": ");
    }
    return s.append(message).toString();
  }
}
