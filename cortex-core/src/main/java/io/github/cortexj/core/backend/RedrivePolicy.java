package io.github.cortexj.core.backend;

import java.util.Objects;

/**
 * Moves a message to a dead-letter queue once it has been received {@code maxReceiveCount} times without being
 * deleted, as SQS's {@code RedrivePolicy} does.
 *
 * @param deadLetterTargetArn the dead-letter queue's ARN (see {@link QueueBackend#queueArn(String)})
 * @param maxReceiveCount how many receives a message gets before it moves, at least 1
 */
public record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {

  /** Validates the fields. */
  public RedrivePolicy {
    Objects.requireNonNull(deadLetterTargetArn, "deadLetterTargetArn");
    if (deadLetterTargetArn.isBlank()) {
      throw new IllegalArgumentException("deadLetterTargetArn cannot be empty");
    }
    if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
      throw new IllegalArgumentException(
          "maxReceiveCount must be between 1 and 1000 (got " + maxReceiveCount + ")");
    }
  }
}
