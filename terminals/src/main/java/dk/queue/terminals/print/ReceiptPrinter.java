package dk.queue.terminals.print;

import dk.queue.core.config.KioskDef;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.concurrent.TimeUnit;

/**
 * Sends receipts to network printers as raw bytes over TCP (the "port 9100" protocol): connect,
 * write, close. A printer that does not answer within a few seconds is reported as failed, so the
 * kiosk can tell the citizen at once; the ticket exists whether it printed or not.
 */
public final class ReceiptPrinter {
  static final int CONNECT_TIMEOUT_MS = 3000;
  static final long SEND_TIMEOUT_MS = 6000;

  private final NetClient client;

  public ReceiptPrinter(Vertx vertx) {
    client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS));
  }

  /** Sends the bytes to the printer; fails when it cannot be reached or does not take them in time. */
  public Future<Void> send(KioskDef.Printer printer, byte[] bytes) {
    return client.connect(printer.port(), printer.host())
        .compose(socket -> socket.end(Buffer.buffer(bytes)))
        .timeout(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }
}
