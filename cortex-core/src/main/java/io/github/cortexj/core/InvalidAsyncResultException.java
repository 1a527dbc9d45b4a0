package io.github.cortexj.core;

import org.jspecify.annotations.Nullable;

/**
 * An async handler returned something that is not a JSON object: a list, a string, a number, {@code null}, or a
 * value Jackson cannot serialise. Cortex accepts only a dictionary as the result of {@code handle_async}; the
 * message names the type that was returned. Kind {@value #KIND}.
 *
 * @see AsyncResults#toJsonObject(Object, com.fasterxml.jackson.databind.ObjectMapper)
 */
public class InvalidAsyncResultException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The kind of this error. */
  public static final String KIND = "async.invalid_result";

  /**
   * Creates an exception.
   *
   * @param message what was returned and why it is not accepted
   * @param cause Jackson's failure when the value could not be serialised, or {@code null}
   */
  public InvalidAsyncResultException(String message, @Nullable Throwable cause) {
    super(KIND, message, cause);
  }
}
