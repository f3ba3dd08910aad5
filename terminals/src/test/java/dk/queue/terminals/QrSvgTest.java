package dk.queue.terminals;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG QR code reads back as the address it was made from. */
class QrSvgTest {
  @Test
  void theSvgDecodesToThePhoneAddress() throws Exception {
    String url = "http://10.0.0.1:8080/t/hovedbiblioteket-0123456789abcdef";
    String svg = QrSvg.of(url, 2, "QR <&> \"code\"");
    assertThat(svg).startsWith("<svg").contains("aria-label=\"QR &lt;&amp;> &quot;code&quot;\"");
    Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
    assertThat(size.find()).isTrue();
    int modules = Integer.parseInt(size.group(1)) - 4;
    BitMatrix m = new BitMatrix(modules);
    Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
    while (square.find()) {
      m.set(Integer.parseInt(square.group(1)) - 2, Integer.parseInt(square.group(2)) - 2);
    }
    assertThat(new Decoder().decode(m).getText()).isEqualTo(url);
  }
}
