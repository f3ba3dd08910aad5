package dk.queue.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.queue.core.json.JsonMapping;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.stream.Collectors;

/** The request bodies of the API, read in one place with errors that name the field. */
final class Bodies {
  private Bodies() {}

  /** @param kiosk the kiosk taking the ticket, if any: its limit per minute applies */
  record IssueTicket(String service, String channel, String language, String kiosk) {}

  record Login(String user, String pin) {}

  record OpenDesk(List<String> services) {}

  record PauseDesk(String reason) {}

  record FinishService(String outcome) {}

  record Transfer(String service, String placement) {}

  /** The body as {@code type}; an empty body is an empty object. */
  static <T> T read(RoutingContext ctx, Class<T> type) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      text = "{}";
    }
    try {
      T value = JsonMapping.mapper().readValue(text, type);
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
