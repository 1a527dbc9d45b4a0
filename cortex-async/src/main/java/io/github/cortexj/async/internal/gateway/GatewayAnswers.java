package io.github.cortexj.async.internal.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the gateway's answers: Cortex's plain texts, JSON with a real {@code Content-Type} (Cortex's gateway loses
 * it), and empty answers. Each sends a {@code Content-Length}, so that connections stay open for the next request;
 * an answer to {@code HEAD} has the same headers and no body.
 * Stateless and thread safe.
 */
final class GatewayAnswers {

  /** The Content-Type of plain-text answers, as Go's server gives Cortex's. */
  static final String TEXT = "text/plain; charset=utf-8";

  /** The Content-Type of JSON answers. */
  static final String JSON = "application/json";

  private GatewayAnswers() {}

  static void text(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
    send(exchange, status, JSON, body);
  }

  static void empty(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (exchange.getRequestMethod().equals("HEAD")) {
      // The JDK sends no body to HEAD, but warns on stderr when given a length: state the length of the body a GET
      // would get as a header instead.
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    if (body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
