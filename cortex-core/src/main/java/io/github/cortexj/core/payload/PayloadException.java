package io.github.cortexj.core.payload;

import io.github.cortexj.core.CortexException;
import org.jspecify.annotations.Nullable;

/**
 * An async payload could not be turned into a {@link Payload}: its Content-Type header is missing or malformed
 * ({@value #INVALID_CONTENT_TYPE}), or its body does not decode as that Content-Type says
 * ({@value #PAYLOAD_DECODE_FAILED}: bad JSON, bytes that are not valid in the declared charset, an unknown
 * charset). The message always quotes the Content-Type header value at fault.
 */
public class PayloadException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The kind of an error raised when a body does not decode as its Content-Type declares. */
  public static final String PAYLOAD_DECODE_FAILED = "async.payload_decode_failed";

  /** The kind of an error raised when the Content-Type header is missing, blank or not a valid media type. */
  public static final String INVALID_CONTENT_TYPE = "async.invalid_content_type";

  /**
   * Creates an exception.
   *
   * @param kind {@link #PAYLOAD_DECODE_FAILED} or {@link #INVALID_CONTENT_TYPE}
   * @param message what went wrong, quoting the Content-Type
   */
  public PayloadException(String kind, String message) {
    super(kind, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param kind {@link #PAYLOAD_DECODE_FAILED} or {@link #INVALID_CONTENT_TYPE}
   * @param message what went wrong, quoting the Content-Type
   * @param cause the underlying failure, or {@code null}
   */
  public PayloadException(String kind, String message, @Nullable Throwable cause) {
    super(kind, message, cause);
  }
}
