package io.github.cortexj.async.internal.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
    InputStream in = exchange.getRequestBody();
    long declared = declaredLength(exchange.getRequestHeaders().getFirst("Content-Length"));
    if (declared > limit) {
      return Optional.empty();
    }
    if (declared >= 0) {
      // The server ends the stream after the declared length: read exactly that much into one array.
      byte[] body = new byte[(int) declared];
      int read = 0;
      while (read < body.length) {
        int n = in.read(body, read, body.length - read);
        if (n < 0) {
          throw new EOFException("the request body ended after " + read + " of " + declared + " bytes");
        }
        read += n;
      }
      // Reach the end of the stream, so that closing the exchange does not try to drain it.
      if (in.read() >= 0) {
        throw new IOException("the request body is longer than its Content-Length");
      }
      return Optional.of(body);
    }
    // Chunked: grow as it comes, and stop one byte past the limit.
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - body.size()))) > 0) {
      body.write(buffer, 0, n);
      if (body.size() > limit) {
        return Optional.empty();
      }
    }
    return Optional.of(body.toByteArray());
  }

  /** The declared length; -1 when none is declared or it is not a number (the server parses it itself). */
  private static long declaredLength(@Nullable String value) {
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
