package dk.queue.terminals.print;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/**
 * Builds the bytes of an ESC/POS receipt: text in code page WPC1252 (so æ, ø and å print), alignment,
 * character size, a native QR code ({@code GS ( k}) and the cut. Pure: it only fills a byte array.
 */
public final class EscPos {
  static final byte ESC = 0x1B;
  static final byte GS = 0x1D;
  static final byte LF = 0x0A;
  /** {@code ESC t 16}: the printer's code page WPC1252, which {@link #CHARSET} encodes. */
  static final int CODE_PAGE_WPC1252 = 16;
  public static final Charset CHARSET = Charset.forName("windows-1252");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Resets the printer and selects the code page. */
  public EscPos init() {
    return raw(ESC, '@').raw(ESC, 't', CODE_PAGE_WPC1252);
  }

  public EscPos center() {
    return raw(ESC, 'a', 1);
  }

  public EscPos left() {
    return raw(ESC, 'a', 0);
  }

  public EscPos bold(boolean on) {
    return raw(ESC, 'E', on ? 1 : 0);
  }

  /** Character size: 1-8 times as wide and as high as normal. */
  public EscPos size(int width, int height) {
    if (width < 1 || width > 8 || height < 1 || height > 8) {
      throw new IllegalArgumentException("size 1-8");
    }
    return raw(GS, '!', ((width - 1) << 4) | (height - 1));
  }

  /** A line of text; characters the code page lacks print as '?'. */
  public EscPos line(String text) {
    out.writeBytes(text.replace('\n', ' ').getBytes(CHARSET));
    return raw(LF);
  }

  public EscPos feed(int lines) {
    return raw(ESC, 'd', Math.max(0, Math.min(255, lines)));
  }

  /**
   * A QR code of {@code data} (model 2, error correction M), {@code moduleDots} printer dots per
   * module: the printer draws it itself.
   */
  public EscPos qr(String data, int moduleDots) {
    byte[] bytes = data.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (bytes.length > 7089 || moduleDots < 1 || moduleDots > 16) {
      throw new IllegalArgumentException("QR data too long or module size outside 1-16");
    }
    qrFunction(65, 50, 0);         // model 2
    qrFunction(67, moduleDots);    // module size
    qrFunction(69, 49);            // error correction M (15 %)
    int length = bytes.length + 3;
    raw(GS, '(', 'k', length & 0xFF, length >> 8, 49, 80, 48);
    out.writeBytes(bytes);         // store the data
    return qrFunction(81, 48);     // print it
  }

  /** Feeds past the cutter and cuts, leaving a small bridge (partial cut). */
  public EscPos cut() {
    return raw(GS, 'V', 66, 3);
  }

  public byte[] bytes() {
    return out.toByteArray();
  }

  private EscPos qrFunction(int function, int... parameters) {
    int length = parameters.length + 2;
    raw(GS, '(', 'k', length, 0, 49, function);
    return raw(parameters);
  }

  private EscPos raw(int... values) {
    for (int v : values) {
      out.write(v);
    }
    return this;
  }
}
