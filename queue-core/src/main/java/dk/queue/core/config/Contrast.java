package dk.queue.core.config;

/** The contrast ratio of two colours as WCAG 2.2 defines it, from 1:1 to 21:1. */
public final class Contrast {
  /** What WCAG 2.2 AA asks of normal text. */
  public static final double AA = 4.5;

  private Contrast() {}

  /** The ratio of two {@code #rrggbb} colours. */
  public static double ratio(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  static boolean isColour(String s) {
    return s.matches("#[0-9a-fA-F]{6}");
  }

  private static double luminance(String colour) {
    int rgb = Integer.parseInt(colour.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
