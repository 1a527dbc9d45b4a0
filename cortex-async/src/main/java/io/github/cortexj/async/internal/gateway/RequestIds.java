package io.github.cortexj.async.internal.gateway;

import java.util.Optional;
import java.util.UUID;

/**
 * The rules for async request ids: what a caller may send in {@code x-request-id}, and the UUID the gateway makes
 * when it sends none (as Cortex's ingress does). Ids become part of storage keys, so anything else is refused before
 * it reaches the cluster. Stateless and thread safe.
 */
final class RequestIds {

  /** The header that carries a caller's id; matched case-insensitively as every HTTP header. */
  public static final String HEADER = "x-request-id";

  /** The longest id accepted. */
  public static final int MAX_LENGTH = 128;

  private static final int ECHO_LIMIT = 64;

  private RequestIds() {}

  /**
   * Returns a new random id.
   *
   * @return a UUID in its canonical form
   */
  public static String generate() {
    return UUID.randomUUID().toString();
  }

  /**
   * Tells whether an id is valid: 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._-]}, and not
   * {@code .} or {@code ..} (which would name a parent in a path-like storage key).
   *
   * @param id the id
   * @return whether it may be used
   */
  public static boolean isValid(String id) {
    if (id.isEmpty() || id.length() > MAX_LENGTH || id.equals(".") || id.equals("..")) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /**
   * Explains why a header value is not a valid id, in the gateway's 400 text.
   *
   * @param value the header's value
   * @return the problem, or empty when the value is valid
   */
  public static Optional<String> problem(String value) {
    if (isValid(value)) {
      return Optional.empty();
    }
    String shown = value.length() > ECHO_LIMIT ? value.substring(0, ECHO_LIMIT) + "..." : value;
    return Optional.of(
        "error: invalid "
            + HEADER
            + " header \""
            + shown
            + "\": expected 1 to "
            + MAX_LENGTH
            + " characters of A-Z, a-z, 0-9, '.', '_' and '-' (and not \".\" or \"..\")");
  }
}
