package dk.queue.core.config;

import java.util.List;

/**
 * A screen at a branch: a waiting-room screen, or a counter display above one desk.
 *
 * @param layout       {@code landscape} (1920x1080), {@code portrait} (1080x1920) or {@code counter}
 * @param languages    the languages shown, Danish first by default
 * @param languageMode {@code alongside} (every text in each language at once) or {@code alternate}
 *                     (the languages take turns)
 * @param sound        whether calls are announced with a chime and speech
 * @param announce     the languages calls are spoken in, in order
 * @param services     the services shown; empty for all of the branch's
 * @param desks        the desks whose calls are shown; empty for all; a counter display has exactly one
 */
public record ScreenDef(String id, String branch, String name, String layout, List<String> languages,
                        String languageMode, boolean sound, List<String> announce, List<String> services,
                        List<String> desks) {
  public static final String COUNTER = "counter";
  public static final String ALTERNATE = "alternate";

  public ScreenDef {
    languages = List.copyOf(languages);
    announce = List.copyOf(announce);
    services = List.copyOf(services);
    desks = List.copyOf(desks);
  }

  /** A waiting-room screen for all services and desks, its languages alongside, calls spoken in Danish. */
  public ScreenDef(String id, String branch, String name, String layout, List<String> languages, boolean sound) {
    this(id, branch, name, layout, languages, "alongside", sound, List.of("da"), List.of(), List.of());
  }

  public boolean counter() {
    return COUNTER.equals(layout);
  }

  public boolean showsService(String service) {
    return services.isEmpty() || services.contains(service);
  }

  public boolean showsDesk(String desk) {
    return desks.isEmpty() || desks.contains(desk);
  }
}
