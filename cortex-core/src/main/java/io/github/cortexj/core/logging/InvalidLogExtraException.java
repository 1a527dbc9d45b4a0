package io.github.cortexj.core.logging;

import io.github.cortexj.core.CortexException;

/**
 * A {@link LogExtra} was given a key that would overwrite a field every log event already has (Python raises
 * {@code KeyError: "Attempt to overwrite 'message' in LogRecord"} at the logging call in the same case), or
 * {@code labels}, under which Cortex's log pipeline stores the pod's labels. Its {@linkplain #kind() kind} is
 * {@value #KIND}.
 */
public class InvalidLogExtraException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The kind of this error. */
  public static final String KIND = "logging.reserved_key";

  private final String key;

  /**
   * Creates an exception for a reserved key.
   *
   * @param key the key at fault
   * @param reason why the key is reserved
   */
  public InvalidLogExtraException(String key, String reason) {
    super(KIND, "extra key '" + key + "' is reserved: " + reason);
    this.key = key;
  }

  /**
   * Returns the reserved key that was given.
   *
   * @return the key, never {@code null}
   */
  public String key() {
    return key;
  }
}
