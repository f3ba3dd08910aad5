package dk.queue.terminals;

import dk.queue.core.domain.Booking;
import dk.queue.core.web.Messages;
import dk.queue.core.web.NodeContext;
import dk.queue.core.web.Pages;
import dk.queue.core.web.WebModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The citizen's booking pages: {@code /book} to choose a branch, service, day and free time and
 * book it; {@code /b/{secret}}, the booking's private page, to see, move or cancel it; and the QR
 * code of a booking's code, which the kiosk's scanner reads at check-in. The pages work through
 * the booking API.
 */
public final class BookingModule implements WebModule {
  private static final String SECRET = "[a-z0-9-]{1,80}";
  private static final String CODE = "[" + Booking.CODE_ALPHABET + "]{" + Booking.CODE_LENGTH + "}";
  private final Pages pages = new Pages();

  @Override
  public void mount(Router router, NodeContext node) {
    router.get("/book").handler(rc -> page(rc, null));
    router.get("/b/:secret").handler(rc -> {
      String secret = rc.pathParam("secret");
      if (!secret.matches(SECRET)) {
        pages.notFound(rc, "/b/" + secret);
        return;
      }
      page(rc, secret);
    });
    router.get("/book/code/:code/qr.svg").handler(rc -> {
      String code = rc.pathParam("code");
      if (!code.matches(CODE)) {
        pages.notFound(rc, "/book/code/" + code);
        return;
      }
      rc.response().putHeader("Content-Type", "image/svg+xml; charset=utf-8")
          .putHeader("Cache-Control", "private, max-age=86400")
          .end(QrSvg.of(code, 2, Messages.text(Messages.DANISH, "book.qrLabel")));
    });
  }

  private void page(RoutingContext rc, String secret) {
    pages.send(rc, 200, "book", Map.of("secret", secret == null ? "" : secret,
        "texts", Messages.both("book.", "common.")));
  }
}
