package io.github.cortexj.core.backend;

import io.github.cortexj.core.CortexException;
import org.jspecify.annotations.Nullable;

/**
 * A queue or object store call failed. The message names the queue, bucket or key; the {@linkplain #kind() kind}
 * says what went wrong, for example {@code queue.not_found}, {@code queue.batch_limit},
 * {@code queue.receipt_handle_invalid}, {@code storage.invalid_key} or {@code storage.unavailable}.
 */
public class BackendException extends CortexException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param kind the error kind
   * @param message what went wrong, naming the queue, bucket or key
   */
  public BackendException(String kind, String message) {
    super(kind, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param kind the error kind
   * @param message what went wrong, naming the queue, bucket or key
   * @param cause the underlying failure, or {@code null}
   */
  public BackendException(String kind, String message, @Nullable Throwable cause) {
    super(kind, message, cause);
  }
}
