package dk.queue.core.config;

import java.util.Collection;
import java.util.Comparator;

/** A hint for near misses: most mistakes in a hand-edited file are typos. */
final class Suggestions {
  private Suggestions() {}

  /**
   * A reference to something the file does not define: the likely intended one if there is one,
   * else all there are to choose from.
   */
  static String unknown(String kind, String section, String given, Collection<String> known) {
    String hint = didYouMean(given, known);
    return "unknown " + kind + " '" + given + "'"
        + (hint.isEmpty() ? "; the " + section + " section defines " + String.join(", ", known) : hint);
  }

  /** {@code " (did you mean 'name'?)"} when one of {@code known} is a typo away, else empty. */
  static String didYouMean(String given, Collection<String> known) {
    // Short words are all a couple of edits apart; only a single slip is a convincing hint there.
    int limit = given.length() <= 4 ? 1 : 2;
    return known.stream()
        .filter(k -> distance(given.toLowerCase(), k.toLowerCase()) <= limit)
        .min(Comparator.comparingInt((String k) -> distance(given.toLowerCase(), k.toLowerCase())))
        .map(k -> " (did you mean '" + k + "'?)")
        .orElse("");
  }

  /** Edit distance: insertions, deletions, substitutions and swaps of neighbours ("mian" for "main"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
