package io.github.cortexj.async.internal.gateway;

import java.util.Optional;

/**
 * The gateway's side of async request ids: the {@code x-request-id} header and the 400 text for a value the
 * runtime's rules ({@link io.github.cortexj.async.internal.runtime.RequestIds}) refuse. Ids become part of storage
 * keys, so anything else is refused before it reaches the cluster. Stateless and thread safe.
 */
final class RequestIds {

  /** The header that carries a caller's id; matched case-insensitively as every HTTP header. */
  public static final String HEADER = "x-request-id";

  private static final int ECHO_LIMIT = 64;

  private RequestIds() {}

  /**
   * Explains why a header value is not a valid id, in the gateway's 400 text.
   *
   * @param value the header's value
   * @return the problem, or empty when the value is valid
   */
  public static Optional<String> problem(String value) {
    if (io.github.cortexj.async.internal.runtime.RequestIds.isValid(value)) {
      return Optional.empty();
    }
    String shown = value.length() > ECHO_LIMIT ? value.substring(0, ECHO_LIMIT) + "..." : value;
    return Optional.of(
        "error: invalid "
            + HEADER
            + " header \""
            + shown
            + "\": expected 1 to "
            + io.github.cortexj.async.internal.runtime.RequestIds.MAX_LENGTH
            + " characters of A-Z, a-z, 0-9, '.', '_' and '-' (and not \".\" or \"..\")");
  }
}
