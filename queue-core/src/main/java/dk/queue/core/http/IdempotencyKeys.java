package dk.queue.core.http;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header of a command: a client that gets no answer, or the answer
 * {@code 503 unconfirmed}, sends the same request again with the same key and gets the first
 * request's result (the same ticket) if that counted, or a new result if it never did. A key names
 * one request: a new ticket, a new desk action, a new key. The ticket id of a new ticket is made
 * from the key, so the key must be as hard to guess as a ticket id (128 random bits, for example a
 * UUID).
 */
final class IdempotencyKeys {
  static final String HEADER = "Idempotency-Key";
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{16,64}");

  private IdempotencyKeys() {}

  /** The request's key, or null when it has none; a key of the wrong form is refused (400). */
  static String of(RoutingContext rc) {
    String key = rc.request().getHeader(HEADER);
    if (key == null) {
      return null;
    }
    if (!FORM.matcher(key).matches()) {
      throw ApiException.invalid(HEADER, "16-64 characters of A-Z, a-z, 0-9, '-' and '_', random for each request");
    }
    return key;
  }
}
