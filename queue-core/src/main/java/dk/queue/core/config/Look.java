package dk.queue.core.config;

import dk.queue.core.domain.LocalizedText;
import java.util.List;

/**
 * How a branch's screens look: its logo, its colours and the information slides they rotate.
 * Colours are {@code #rrggbb}; each of text, muted and accent reads on the background with at
 * least the contrast WCAG 2.2 AA asks of normal text (4.5:1), which the configuration checks.
 *
 * @param logo an image address (for example {@code /assets/signage/logo.svg}); null for none
 */
public record Look(String logo, String background, String text, String muted, String accent, List<Slide> slides) {
  /** The screens' colours when a branch sets none (the system's own night palette). */
  public static final Look DEFAULT = new Look(null, "#0d1b2a", "#ffffff", "#c5d0dc", "#ffd23f", List.of());

  /** One page of the information area; the title may be absent. */
  public record Slide(LocalizedText title, LocalizedText text) {}

  public Look {
    slides = List.copyOf(slides);
  }
}
