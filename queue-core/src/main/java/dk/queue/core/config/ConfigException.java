package dk.queue.core.config;

/** A configuration that cannot be used; the message names the file, line, field and problem. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
