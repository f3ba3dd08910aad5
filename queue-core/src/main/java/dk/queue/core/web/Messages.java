package dk.queue.core.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/** UI text in Danish and English, from the message bundles; code holds keys, never text. */
public final class Messages {
  public static final String DANISH = "da";
  public static final String ENGLISH = "en";
  private static final String BUNDLE = "dk.queue.core.web.messages";

  private Messages() {}

  /** One text; Danish unless {@code language} is English. */
  public static String text(String language, String key) {
    return bundle(language).getString(key);
  }

  /** One text with its {@code {name}} placeholders filled from name, value pairs. */
  public static String format(String language, String key, Object... pairs) {
    String s = text(language, key);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      s = s.replace("{" + pairs[i] + "}", String.valueOf(pairs[i + 1]));
    }
    return s;
  }

  /** Every text whose key starts with one of the prefixes, in one language: what a page's script needs. */
  public static Map<String, String> all(String language, String... prefixes) {
    ResourceBundle b = bundle(language);
    Map<String, String> texts = new TreeMap<>();
    for (String key : b.keySet()) {
      for (String prefix : prefixes) {
        if (key.startsWith(prefix)) {
          texts.put(key, b.getString(key));
        }
      }
    }
    return texts;
  }

  /** The texts of both languages, by language. */
  public static Map<String, Map<String, String>> both(String... prefixes) {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    m.put(DANISH, all(DANISH, prefixes));
    m.put(ENGLISH, all(ENGLISH, prefixes));
    return m;
  }

  private static ResourceBundle bundle(String language) {
    Locale locale = ENGLISH.equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("da");
    return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
        ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
