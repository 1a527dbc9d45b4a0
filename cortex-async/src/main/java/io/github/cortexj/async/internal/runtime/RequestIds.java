package io.github.cortexj.async.internal.runtime;

import java.util.UUID;

/**
 * The ids of async requests: the caller's {@code x-request-id} when given (1 to 128 characters of
 * {@code [A-Za-z0-9._-]}, which keeps it a single safe object-key segment and a valid SQS deduplication id), a
 * random UUID otherwise, as Cortex's ingress generates.
 *
 * <p>Stateless and thread safe.
 */
public final class RequestIds {

  /** The longest id accepted. */
  public static final int MAX_LENGTH = 128;

  private RequestIds() {}

  /**
   * Tells whether an id is valid: 1 to 128 characters of {@code [A-Za-z0-9._-]}, and neither {@code .} nor
   * {@code ..} (which are not object-key segments).
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
   * Checks a caller's id.
   *
   * @param id the id
   * @return the id
   * @throws IllegalArgumentException naming {@code x-request-id} when it is not valid
   */
  public static String validate(String id) {
    if (!isValid(id)) {
      String shown = id.length() > 140 ? id.substring(0, 140) + "..." : id;
      throw new IllegalArgumentException(
          "invalid x-request-id \"" + shown + "\": it must be 1 to " + MAX_LENGTH
              + " characters of letters, digits, '.', '_' and '-' (and not \".\" or \"..\")");
    }
    return id;
  }

  /**
   * Generates an id.
   *
   * @return a random UUID
   */
  public static String generate() {
    return UUID.randomUUID().toString();
  }
}
