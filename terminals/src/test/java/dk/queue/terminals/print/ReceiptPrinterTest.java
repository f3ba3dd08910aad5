package dk.queue.terminals.print;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.KioskDef;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.views.TicketView;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A receipt goes over raw TCP to a printer, which here is a plain server socket that keeps the bytes. */
class ReceiptPrinterTest {
  static final String URL = "http://kiosk.example:8080/t/hovedbiblioteket-abcdefghjkmnpqrs";
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static TicketView ticket(String number, String service, long waitSeconds) {
    return new TicketView("hovedbiblioteket-abcdefghjkmnpqrs", number, "koerekort",
        new LocalizedText(service, "Driving licence"), "hovedbiblioteket", "waiting",
        OffsetDateTime.parse("2026-11-25T09:42:10Z"), 3, waitSeconds, null, null, null, "da", null);
  }

  @Test
  void thePrinterReceivesTheNumberTheServiceAndAQrCodeOfThePhonePage() throws Exception {
    try (ServerSocket printer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
        try (Socket s = printer.accept()) {
          return s.getInputStream().readAllBytes();
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      Receipt receipt = Receipt.of(ticket("K007", "Kørekort", 7 * 60 + 10), "da", "Hovedbiblioteket",
          ZoneId.of("Europe/Copenhagen"), URL);
      new ReceiptPrinter(vertx).send(new KioskDef.Printer("127.0.0.1", printer.getLocalPort()), receipt.escPos())
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

      EscPosReader printed = EscPosReader.read(received.get(10, TimeUnit.SECONDS));
      assertThat(printed.initialised).isTrue();
      assertThat(printed.codePage).isEqualTo(EscPos.CODE_PAGE_WPC1252);
      assertThat(printed.lines).contains(new EscPosReader.Line("K007", 4, 4, true));
      assertThat(printed.lines).extracting(EscPosReader.Line::text)
          .contains("Hovedbiblioteket", "Dit nummer", "Kørekort", "Forventet ventetid: ca. 7 min",
              "25.11.2026 10:42", "Scan og følg din plads på telefonen");
      assertThat(printed.qrCodes).containsExactly(URL);
      assertThat(printed.cut).isTrue();
    }
  }

  @Test
  void aReceiptInEnglishSaysSoAndAShortWaitIsNoWait() {
    EscPosReader printed = EscPosReader.read(Receipt.of(ticket("K001", "Kørekort", 20), "en", "Hovedbiblioteket",
        ZoneId.of("Europe/Copenhagen"), URL).escPos());
    assertThat(printed.lines).extracting(EscPosReader.Line::text)
        .contains("Your number", "Driving licence", "No wait");
  }

  @Test
  void aPrinterThatIsNotThereFailsQuickly() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    long start = System.nanoTime();
    Throwable failure = new ReceiptPrinter(vertx).send(new KioskDef.Printer("127.0.0.1", port), new byte[] {1})
        .toCompletionStage().toCompletableFuture().handle((v, e) -> e).get(10, TimeUnit.SECONDS);
    assertThat(failure).isNotNull();
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(7);
  }
}
