package io.github.cortexj.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error cortex-java raises on purpose.
 *
 * <p>Each exception carries a {@linkplain #kind() kind}: Cortex's error kind string (for example
 * {@code job.specify_exactly_one_key}) where Cortex has one, so that callers, HTTP answers and tests can match on
 * it, and a message that names the field, file, header, queue or key at fault. The exception is unchecked: an
 * invalid submission or a broken handler class is a programming or input error, not a condition to declare.
 *
 * <p>Subclasses group the errors by area; the {@code kind} is the precise identity.
 */
public class CortexException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The kind used for errors that have no more specific Cortex kind, as Cortex's operator does. */
  public static final String GENERIC_KIND = "error";

  private final String kind;

  /**
   * Creates an exception.
   *
   * @param kind Cortex's error kind, never {@code null} or blank
   * @param message what went wrong, naming the thing at fault
   */
  public CortexException(String kind, String message) {
    this(kind, message, null);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param kind Cortex's error kind, never {@code null} or blank
   * @param message what went wrong, naming the thing at fault
   * @param cause the underlying failure, or {@code null}
   */
  public CortexException(String kind, String message, @Nullable Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    Objects.requireNonNull(kind, "kind");
    if (kind.isBlank()) {
      throw new IllegalArgumentException("kind must not be blank");
    }
    this.kind = kind;
  }

  /**
   * Returns Cortex's error kind for this error, for example {@code job.specify_exactly_one_key}, or
   * {@value #GENERIC_KIND} when there is no more specific one.
   *
   * @return the kind, never {@code null}
   */
  public String kind() {
    return kind;
  }

  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }
}
