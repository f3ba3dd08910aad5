package dk.queue.core.config;

import java.util.List;

/**
 * A waiting-room screen.
 *
 * @param layout    {@code landscape} or {@code portrait}
 * @param languages the languages shown, Danish first by default
 */
public record ScreenDef(String id, String branch, String name, String layout, List<String> languages, boolean sound) {
  public ScreenDef {
    languages = List.copyOf(languages);
  }
}
