package dk.queue.core.config;

import java.util.List;

/** A ticket kiosk at a branch. */
public record KioskDef(String id, String branch, String name, List<String> languages) {
  public KioskDef {
    languages = List.copyOf(languages);
  }
}
