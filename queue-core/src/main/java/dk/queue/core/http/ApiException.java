package dk.queue.core.http;

import java.util.Map;

/**
 * An error answer of the API: status, machine code, human message, and any extra fields
 * (for example the alternatives of an unavailable service).
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final Map<String, Object> extra;

  public ApiException(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  public ApiException(int status, String code, String message, Map<String, Object> extra) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.extra = Map.copyOf(extra);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> extra() {
    return extra;
  }

  public static ApiException invalid(String field, String problem) {
    return new ApiException(400, "invalid", field + ": " + problem, Map.of("field", field));
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }

  public static ApiException notFound(String code, String message) {
    return new ApiException(404, code, message);
  }
}
