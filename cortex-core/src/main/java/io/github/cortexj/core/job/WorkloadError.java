package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Why an async request or a task failed: the type of the error its handler raised (or the runtime's own kind, such
 * as a timeout) and its message. Cortex stores no reason at all (§8.2 of the reference); cortex-java keeps this
 * much, never a stack trace.
 *
 * <p>Immutable.
 *
 * @param type the error's type: a Java class name, or a cortex-java kind such as {@code timed_out}
 * @param message the error's message, possibly empty
 */
@JsonPropertyOrder({"type", "message"})
public record WorkloadError(@JsonProperty("type") String type, @JsonProperty("message") String message) {

  /** Validates the fields. */
  public WorkloadError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Describes an exception by its class name and message.
   *
   * @param error the exception
   * @return the error
   */
  public static WorkloadError of(Throwable error) {
    String message = error.getMessage();
    return new WorkloadError(error.getClass().getName(), message == null ? "" : message);
  }
}
