package io.github.cortexj.core.internal.backend;

import java.util.Objects;

/**
 * Why SQS would refuse one message.
 *
 * @param code SQS's error code, for example {@code InvalidMessageContents}
 * @param message SQS's explanation, naming the field at fault
 */
public record MessageProblem(String code, String message) {

  /** Validates the fields. */
  public MessageProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
