package dk.queue.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The HTTP API's contract, {@code openapi.yaml} (OpenAPI 3.1), as every node serves it. */
public final class OpenApi {
  /** Where the document is on the class path. */
  public static final String RESOURCE = "openapi.yaml";

  private OpenApi() {}

  public static String document() {
    try (InputStream in = OpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
