package dk.queue.core.domain;

import java.io.Serializable;
import java.util.Objects;

/** A text in Danish (first) and English. */
public record LocalizedText(String da, String en) implements Serializable {
  public LocalizedText {
    Objects.requireNonNull(da, "da");
    en = en == null || en.isBlank() ? da : en;
  }

  public String in(String language) {
    return "en".equals(language) ? en : da;
  }
}
