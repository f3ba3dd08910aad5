package dk.queue.core.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.queue.core.json.JsonMapping;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.stream.Collectors;

/** The request bodies of the API, read in one place with errors that name the field. */
final class Bodies {
  /**
   * The API's mapping, stricter for what strangers send: nothing after the object, no key twice, and
   * a text field takes only a string (not a number or a boolean).
   */
  private static final ObjectReader STRICT = strict();

  private Bodies() {}

  private static ObjectReader strict() {
    ObjectMapper m = JsonMapping.mapper().copy();
    m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return m.readerFor(Object.class)
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /** @param kiosk the kiosk taking the ticket, if any: its limit per minute applies */
  record IssueTicket(String service, String channel, String language, String kiosk) {}

  record Login(String user, String pin) {}

  /** The desk the sign-out is at (both or neither): it pauses; without it, every desk the user works. */
  record Logout(String branch, String desk) {}

  record OpenDesk(List<String> services) {}

  /** @param waiting for a pause that leaves citizens with no open desk: what becomes of them */
  record PauseDesk(String reason, LeftWaiting.Body waiting) {}

  /** @param waiting for a closing that leaves citizens with no open desk: what becomes of them */
  record CloseDesk(LeftWaiting.Body waiting) {}

  /** @param ticket the id of a waiting ticket the desk calls out of turn */
  record CallTicket(String ticket) {}

  record FinishService(String outcome) {}

  record Transfer(String service, String placement) {}

  /** A booking: the slot's start (ISO-8601 with offset), a name, and optionally a phone or e-mail for a reminder. */
  record Book(String service, String start, String name, String phone, String email, String language) {}

  record MoveBooking(String start) {}

  /** @param kiosk the kiosk checking in, if any */
  record CheckIn(String code, String kiosk) {}

  /** The body as {@code type}; an empty body is an empty object. */
  static <T> T read(RoutingContext ctx, Class<T> type) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      text = "{}";
    }
    try {
      T value = STRICT.forType(type).readValue(text);
      if (value == null) {
        throw new ApiException(400, "invalid_json", "The body must be a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.invalid(e.getPropertyName(), "unknown field; allowed: "
          + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
    } catch (JsonMappingException e) {
      String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
          .collect(Collectors.joining("."));
      if (field.isEmpty()) {
        throw new ApiException(400, "invalid_json", "The body must be a JSON object");
      }
      throw ApiException.invalid(field, "wrong type of value");
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "invalid_json", "Malformed JSON: " + e.getOriginalMessage());
    }
  }

  static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field, "required");
    }
    return value;
  }
}
