package io.github.cortexj.async.internal.gateway;

import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cortex's CORS policy for its gateway and operator (§8.1 of the reference), as its Go CORS middleware applies it:
 * any origin ({@code *}), credentials allowed, the methods {@code GET, HEAD, POST, PUT, OPTIONS}, the headers
 * {@code Content-Type, X-Requested-With, User-Agent, Accept, Accept-Language, Content-Language, Origin}, and the
 * exposed headers {@code Content-Length, Content-Range}.
 *
 * <p>As there, only a request with an {@code Origin} header (a browser's) is a CORS request: the others get no CORS
 * header, and an {@code OPTIONS} without one is answered 200 with nothing. An {@code OPTIONS} with an origin is a
 * preflight: 400 without {@code Access-Control-Request-Method}, 405 for a method not allowed, 403 for a requested
 * header not allowed, else 200 naming the requested headers that are not always allowed and the method when it is
 * not GET, HEAD or POST. Stateless and thread safe.
 */
final class CorsPolicy {

  static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
  static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
  static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
  static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
  static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
  static final String REQUEST_METHOD = "Access-Control-Request-Method";
  static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
  static final String ORIGIN = "Origin";

  private static final Set<String> ALLOWED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "OPTIONS");
  private static final Set<String> SIMPLE_METHODS = Set.of("GET", "HEAD", "POST");
  private static final Set<String> ALLOWED_HEADERS =
      Set.of(
          "Content-Type",
          "X-Requested-With",
          "User-Agent",
          "Accept",
          "Accept-Language",
          "Content-Language",
          "Origin");
  private static final Set<String> ALWAYS_ALLOWED_HEADERS =
      Set.of("Accept", "Accept-Language", "Content-Language", "Origin");

  /** What a preflight answers: its status; the headers are already set. */
  record Preflight(int status) {}

  private CorsPolicy() {}

  /**
   * Adds the headers every answer to a CORS request other than a preflight carries.
   *
   * @param request the request headers: nothing is added without an {@code Origin}
   * @param response the response headers
   */
  static void addToAnswer(Headers request, Headers response) {
    if (!hasOrigin(request)) {
      return;
    }
    response.set(EXPOSE_HEADERS, "Content-Length,Content-Range");
    response.set(ALLOW_CREDENTIALS, "true");
    response.set(ALLOW_ORIGIN, "*");
  }

  /**
   * Answers a preflight ({@code OPTIONS}) request: sets the response headers and returns the status.
   *
   * @param request the request headers
   * @param response the response headers
   * @return the status to answer with, with an empty body
   */
  static Preflight preflight(Headers request, Headers response) {
    if (!hasOrigin(request)) {
      return new Preflight(200);
    }
    String method = request.getFirst(REQUEST_METHOD);
    if (method == null) {
      return new Preflight(400);
    }
    if (!ALLOWED_METHODS.contains(method.trim())) {
      return new Preflight(405);
    }
    List<String> named = new ArrayList<>();
    String requested = request.getFirst(REQUEST_HEADERS);
    for (String header : (requested == null ? "" : requested).split(",", -1)) {
      String canonical = canonicalHeaderKey(header.trim());
      if (canonical.isEmpty() || ALWAYS_ALLOWED_HEADERS.contains(canonical)) {
        continue;
      }
      if (!ALLOWED_HEADERS.contains(canonical)) {
        return new Preflight(403);
      }
      named.add(canonical);
    }
    if (!named.isEmpty()) {
      response.set(ALLOW_HEADERS, String.join(",", named));
    }
    if (!SIMPLE_METHODS.contains(method.trim())) {
      response.set(ALLOW_METHODS, method.trim());
    }
    response.set(ALLOW_CREDENTIALS, "true");
    response.set(ALLOW_ORIGIN, "*");
    return new Preflight(200);
  }

  private static boolean hasOrigin(Headers request) {
    String origin = request.getFirst(ORIGIN);
    return origin != null && !origin.isBlank();
  }

  /**
   * Canonicalises a header name as Go's {@code http.CanonicalHeaderKey}: the first letter and each letter after a
   * {@code -} upper case, the others lower case; a name with a character that is not a token character is left as
   * it is.
   */
  static String canonicalHeaderKey(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
      if (!token) {
        return name;
      }
    }
    StringBuilder canonical = new StringBuilder(name.length());
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      canonical.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return canonical.toString();
  }
}
