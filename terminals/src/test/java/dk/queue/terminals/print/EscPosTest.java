package dk.queue.terminals.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EscPosTest {
  @Test
  void aLongQrPayloadCarriesItsLengthInTwoBytes() {
    String url = "https://kø.example.dk/t/" + "a".repeat(300);
    EscPosReader r = EscPosReader.read(new EscPos().init().qr(url, 4).line("æøå ÆØÅ").cut().bytes());
    assertThat(r.qrCodes).containsExactly(url);
    assertThat(r.lines).extracting(EscPosReader.Line::text).containsExactly("æøå ÆØÅ");
  }

  @Test
  void sizesOutsideWhatPrintersDoAreRefused() {
    assertThatThrownBy(() -> new EscPos().size(9, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EscPos().qr("x", 17)).isInstanceOf(IllegalArgumentException.class);
  }
}
