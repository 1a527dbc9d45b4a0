package io.github.cortexj.async.internal.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a request body into memory up to a limit, refusing a larger one without reading it all: a declared
 * {@code Content-Length} over the limit is refused before any byte is read, and a chunked (or undeclared) body is
 * read only up to one byte past the limit. Stateless and thread safe.
 */
final class BoundedBodyReader {

  private final long limit;

  /**
   * Creates a reader.
   *
   * @param limit the largest body accepted, in bytes; at most {@code Integer.MAX_VALUE - 8}
   */
  BoundedBodyReader(long limit) {
    this.limit = limit;
  }

  long limit() {
    return limit;
  }

  /**
   * Reads the exchange's body.
   *
   * @param exchange the exchange
   * @return the body, or empty when it is over the limit
   * @throws IOException when the body cannot be read (the client went away)
   */
  Optional<byte[]> read(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && declaredLength(declared) > limit) {
      return Optional.empty();
    }
    InputStream in = exchange.getRequestBody();
    byte[] body = in.readNBytes((int) limit + 1);
    return body.length > limit ? Optional.empty() : Optional.of(body);
  }

  /** The declared length, or 0 when the server would not have accepted it (it parses the header itself). */
  private static long declaredLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
