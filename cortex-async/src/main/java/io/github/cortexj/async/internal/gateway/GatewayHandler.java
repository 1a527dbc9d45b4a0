package io.github.cortexj.async.internal.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.cortexj.async.internal.runtime.ContentTypes;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.job.ApiNotDeployedException;
import io.github.cortexj.core.job.AsyncRequestNotFoundException;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.DuplicateRequestIdException;
import io.github.cortexj.core.payload.PayloadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request of the async gateway: {@code POST /<endpoint>} creates a workload, {@code GET
 * /<endpoint>/<id>} reads it, any method on {@code /healthz} answers {@code ok}, {@code OPTIONS} is a CORS
 * preflight; the rest is 404 or 405. It talks to the cluster only through {@link CortexClient}.
 *
 * <p>Errors are Cortex's plain texts (or ours, in its style) and never a stack trace: an unexpected exception is
 * logged and answered with 500 {@code error: internal error}.
 *
 * <p>Thread safe: one instance serves every exchange.
 */
public final class GatewayHandler implements HttpHandler {

  /** The text of a Create without a Content-Type, as Cortex's gateway answers it. */
  static final String MISSING_CONTENT_TYPE = "error: missing Content-Type key in request header";

  /** The text of a 500 for an exception nobody expected; the details go to the log. */
  static final String INTERNAL_ERROR = "error: internal error";

  /** How much of an id a 404 echoes: every valid id whole. */
  private static final int ID_ECHO_LIMIT = io.github.cortexj.async.internal.runtime.RequestIds.MAX_LENGTH;

  /** How much of an unknown path a 404 echoes. */
  private static final int PATH_ECHO_LIMIT = 256;

  private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);

  private static final char[] CREATED_OPENING = {'{', '"', 'i', 'd', '"', ':', '"'};

  private final CortexClient client;
  private final EndpointRoutes routes;
  private final BoundedBodyReader bodies;
  private final InFlightRequests inFlight;
  private final ObjectMapper mapper;
  private final ContentTypes contentTypes = new ContentTypes();

  /**
   * Creates the handler.
   *
   * @param client the cluster
   * @param clock tells when the table of endpoints is due for a refresh
   * @param routeMaxAge how long the table of endpoints is reused
   * @param maxBodyBytes the largest request body accepted
   * @param inFlight counts the requests being handled, for a graceful close
   * @param mapper writes the JSON answers
   */
  public GatewayHandler(
      CortexClient client,
      Clock clock,
      Duration routeMaxAge,
      long maxBodyBytes,
      InFlightRequests inFlight,
      ObjectMapper mapper) {
    this.client = Objects.requireNonNull(client, "client");
    this.routes = new EndpointRoutes(client, clock, routeMaxAge);
    this.bodies = new BoundedBodyReader(maxBodyBytes);
    this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      if (!inFlight.enter()) {
        exchange.getResponseHeaders().set("Connection", "close");
        CorsPolicy.addToAnswer(exchange.getRequestHeaders(), exchange.getResponseHeaders());
        GatewayAnswers.text(exchange, 503, "error: the gateway is shutting down");
        return;
      }
      try {
        dispatch(exchange);
      } finally {
        inFlight.exit();
      }
    } catch (IOException e) {
      LOG.debug("{} {}: the connection ended early: {}", exchange.getRequestMethod(), path(exchange), e.toString());
    } catch (RuntimeException e) {
      LOG.error("{} {}: unexpected error", exchange.getRequestMethod(), path(exchange), e);
      answerInternalError(exchange);
    } finally {
      exchange.close();
    }
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = path(exchange);
    if (method.equals("OPTIONS")) {
      CorsPolicy.Preflight preflight =
          CorsPolicy.preflight(exchange.getRequestHeaders(), exchange.getResponseHeaders());
      GatewayAnswers.empty(exchange, preflight.status());
      return;
    }
    CorsPolicy.addToAnswer(exchange.getRequestHeaders(), exchange.getResponseHeaders());
    if (path.equals("/healthz")) {
      GatewayAnswers.text(exchange, 200, "ok");
      return;
    }
    Optional<Route> found = routes.resolve(path);
    if (found.isEmpty()) {
      GatewayAnswers.text(exchange, 404, "error: no AsyncAPI is served at " + shortened(path, PATH_ECHO_LIMIT));
      return;
    }
    Route route = found.get();
    // HEAD is GET without the body (RFC 9110 §9.3.2), so that `curl -I` and link checkers work on a request's URL.
    boolean allowedMethod =
        route.isEndpoint() ? method.equals("POST") : method.equals("GET") || method.equals("HEAD");
    if (!allowedMethod) {
      String allowed = route.isEndpoint() ? "POST" : "GET, HEAD";
      exchange.getResponseHeaders().set("Allow", allowed + ", OPTIONS");
      GatewayAnswers.text(
          exchange,
          405,
          "error: method "
              + method
              + " is not allowed on "
              + shortened(path, PATH_ECHO_LIMIT)
              + " (allowed: "
              + allowed
              + ")");
      return;
    }
    String requestId = route.requestId();
    if (requestId == null) {
      create(exchange, route.apiName());
    } else {
      read(exchange, route.apiName(), requestId);
    }
  }

  private void create(HttpExchange exchange, String apiName) throws IOException {
    Headers headers = exchange.getRequestHeaders();
    String requestId = headers.getFirst(RequestIds.HEADER);
    if (requestId != null) {
      Optional<String> problem = RequestIds.problem(requestId);
      if (problem.isPresent()) {
        GatewayAnswers.text(exchange, 400, problem.get());
        return;
      }
    }
    String contentType = headers.getFirst("Content-Type");
    if (contentType == null || contentType.isBlank()) {
      GatewayAnswers.text(exchange, 400, MISSING_CONTENT_TYPE);
      return;
    }
    try {
      // The worker decodes the payload by this value: one that is no media type would only fail the request later.
      contentTypes.check(contentType);
    } catch (PayloadException e) {
      GatewayAnswers.text(exchange, 400, "error: " + e.getMessage());
      return;
    }
    Optional<byte[]> body = bodies.read(exchange);
    if (body.isEmpty()) {
      // The rest of the body is left unread, so the connection cannot carry another request.
      exchange.getResponseHeaders().set("Connection", "close");
      GatewayAnswers.text(
          exchange, 413, "error: the request body is larger than the limit of " + bodies.limit() + " bytes");
      return;
    }
    String id;
    try {
      id =
          requestId == null
              ? client.submitAsync(apiName, body.get(), contentType.trim())
              : client.submitAsync(apiName, body.get(), contentType.trim(), requestId);
    } catch (DuplicateRequestIdException e) {
      GatewayAnswers.text(exchange, 409, e.getMessage());
      return;
    } catch (CortexException e) {
      answerClusterError(exchange, apiName, e);
      return;
    }
    GatewayAnswers.json(exchange, 200, createdAnswer(id, mapper));
  }

  private void read(HttpExchange exchange, String apiName, String requestId) throws IOException {
    // Cortex's text word for word; an id no valid one can be (over 128 characters) is shortened, not echoed whole.
    String notFound = "error: id " + shortened(requestId, ID_ECHO_LIMIT) + " not found";
    if (RequestIds.problem(requestId).isPresent()) {
      GatewayAnswers.text(exchange, 404, notFound);
      return;
    }
    AsyncResult result;
    try {
      result = client.getAsync(apiName, requestId);
    } catch (AsyncRequestNotFoundException e) {
      GatewayAnswers.text(exchange, 404, notFound);
      return;
    } catch (CortexException e) {
      answerClusterError(exchange, apiName, e);
      return;
    }
    GatewayAnswers.json(exchange, 200, withNewline(mapper.writeValueAsBytes(result)));
  }

  /** Answers an error the cluster raised on purpose with its text, as Cortex's gateway does. */
  private void answerClusterError(HttpExchange exchange, String apiName, CortexException e) throws IOException {
    String message = e.getMessage();
    String text = message.startsWith("error: ") ? message : "error: " + message;
    if (e instanceof ApiNotDeployedException) {
      routes.invalidate();
      GatewayAnswers.text(exchange, 404, text);
      return;
    }
    LOG.warn("api {}: the cluster failed ({}): {}", apiName, e.kind(), message, e);
    GatewayAnswers.text(exchange, 500, text);
  }

  private static void answerInternalError(HttpExchange exchange) {
    if (exchange.getResponseCode() != -1) {
      return; // the status line is out: nothing more can be said on this exchange
    }
    try {
      GatewayAnswers.text(exchange, 500, INTERNAL_ERROR);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not answer 500: {}", e.toString());
    }
  }

  /**
   * Writes {@code {"id":"<id>"}} and a newline, as Cortex's gateway answers a Create. A valid request id is 1 to
   * 128 characters of {@code [A-Za-z0-9._-]}, none of which JSON escapes, so its bytes are written as they are;
   * any other id (from a client that does not keep to the rule) goes through the JSON writer.
   */
  static byte[] createdAnswer(String id, ObjectMapper mapper) throws IOException {
    if (!io.github.cortexj.async.internal.runtime.RequestIds.isValid(id)) {
      return withNewline(mapper.writeValueAsBytes(mapper.createObjectNode().put("id", id)));
    }
    byte[] answer = new byte[id.length() + 10];
    int at = 0;
    for (char c : CREATED_OPENING) {
      answer[at++] = (byte) c;
    }
    for (int i = 0; i < id.length(); i++) {
      answer[at++] = (byte) id.charAt(i);
    }
    answer[at++] = '"';
    answer[at++] = '}';
    answer[at] = '\n';
    return answer;
  }

  private static byte[] withNewline(byte[] json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 1);
    out.write(json, 0, json.length);
    out.write('\n');
    return out.toByteArray();
  }

  private static String shortened(String echoed, int limit) {
    return echoed.length() > limit ? echoed.substring(0, limit) + "..." : echoed;
  }

  private static String path(HttpExchange exchange) {
    return RequestPaths.of(exchange.getRequestURI());
  }
}
