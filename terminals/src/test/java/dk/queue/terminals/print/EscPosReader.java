package dk.queue.terminals.print;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ESC/POS bytes back the way a printer would, for tests: the printed lines (with the size they
 * were printed in), the QR codes, whether it was cut. Refuses a command it does not know, so a
 * malformed receipt fails the test instead of printing garbage.
 */
final class EscPosReader {
  record Line(String text, int width, int height, boolean bold) {}

  final List<Line> lines = new ArrayList<>();
  final List<String> qrCodes = new ArrayList<>();
  int codePage = -1;
  boolean initialised;
  boolean cut;

  static EscPosReader read(byte[] b) {
    EscPosReader r = new EscPosReader();
    r.parse(b);
    return r;
  }

  private void parse(byte[] b) {
    int width = 1;
    int height = 1;
    boolean bold = false;
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    String storedQr = null;
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      if (c == 0x0A) {
        lines.add(new Line(new String(text.toByteArray(), EscPos.CHARSET), width, height, bold));
        text.reset();
        i++;
      } else if (c == 0x1B) {
        int cmd = b[i + 1];
        switch (cmd) {
          case '@' -> { initialised = true; i += 2; }
          case 't' -> { codePage = b[i + 2]; i += 3; }
          case 'a', 'd' -> i += 3;
          case 'E' -> { bold = b[i + 2] == 1; i += 3; }
          default -> throw new IllegalStateException("unknown ESC " + cmd + " at " + i);
        }
      } else if (c == 0x1D) {
        int cmd = b[i + 1];
        if (cmd == '!') {
          width = ((b[i + 2] >> 4) & 0x0F) + 1;
          height = (b[i + 2] & 0x0F) + 1;
          i += 3;
        } else if (cmd == 'V') {
          cut = true;
          i += 4;
        } else if (cmd == '(' && b[i + 2] == 'k') {
          int length = (b[i + 3] & 0xFF) | (b[i + 4] & 0xFF) << 8;
          int cn = b[i + 5];
          int fn = b[i + 6];
          if (cn != 49) {
            throw new IllegalStateException("not a QR function: cn " + cn);
          }
          if (fn == 80) {
            storedQr = new String(b, i + 8, length - 3, StandardCharsets.UTF_8);
          } else if (fn == 81) {
            if (storedQr == null) {
              throw new IllegalStateException("QR printed before any data was stored");
            }
            qrCodes.add(storedQr);
          }
          i += 5 + length;
        } else {
          throw new IllegalStateException("unknown GS " + cmd + " at " + i);
        }
      } else {
        text.write(c);
        i++;
      }
    }
    if (text.size() > 0) {
      throw new IllegalStateException("text left without a line feed: " + text);
    }
  }
}
