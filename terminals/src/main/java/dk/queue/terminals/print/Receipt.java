package dk.queue.terminals.print;

import dk.queue.core.views.TicketView;
import dk.queue.core.web.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What a kiosk's receipt says: the number large, the service, the branch, the time in the branch's
 * zone, the expected wait, and a QR code of the phone page. Texts come from the message bundles in
 * the ticket's language.
 *
 * @param phoneUrl the address of the ticket's phone page
 */
public record Receipt(String language, String branchName, String number, String serviceName, String issuedAt,
                      String expectedWait, String phoneUrl) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  /** The receipt of a ticket just issued. */
  public static Receipt of(TicketView ticket, String language, String branchName, ZoneId zone, String phoneUrl) {
    return new Receipt(language, branchName, ticket.number(), ticket.serviceName().in(language),
        TIME.format(ticket.issuedAt().atZoneSameInstant(zone)), expectedWait(ticket.estimatedWaitSeconds(), language),
        phoneUrl);
  }

  /** "Forventet ventetid: ca. 5 min", or "Ingen ventetid" under a minute; the same rounding as the pages. */
  static String expectedWait(Long seconds, String language) {
    if (seconds == null) {
      return null;
    }
    if (seconds < 60) {
      return Messages.text(language, "common.noWait");
    }
    return Messages.text(language, "receipt.expectedWait") + ": "
        + Messages.text(language, "common.minutes").replace("{n}", String.valueOf(Math.round(seconds / 60.0)));
  }

  /** The receipt as ESC/POS for an 80 mm printer. */
  public byte[] escPos() {
    EscPos p = new EscPos().init().center()
        .bold(true).line(branchName).bold(false)
        .feed(1)
        .line(text("receipt.yourNumber"))
        .size(4, 4).bold(true).line(number).bold(false).size(1, 1)
        .size(2, 2).line(serviceName).size(1, 1)
        .feed(1);
    if (expectedWait != null) {
      p.line(expectedWait);
    }
    return p.line(issuedAt)
        .feed(1)
        .qr(phoneUrl, 6)
        .line(text("receipt.followOnPhone"))
        .feed(2)
        .cut()
        .bytes();
  }

  private String text(String key) {
    return Messages.text(language, key);
  }
}
