package io.github.cortexj.core.backend;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The name and attributes of a queue to create.
 *
 * @param name the queue's name; a FIFO queue's name ends with {@code .fifo}, as SQS requires
 * @param fifo whether the queue deduplicates by {@linkplain OutgoingMessage#deduplicationId() deduplication id}
 * @param visibilityTimeout the default visibility timeout of received messages (Cortex uses 60 s)
 * @param redrivePolicy where messages go after too many receives, or {@code null} for nowhere
 */
public record QueueSpec(
    String name, boolean fifo, Duration visibilityTimeout, @Nullable RedrivePolicy redrivePolicy) {

  /** Validates the fields. */
  public QueueSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    if (name.isEmpty() || name.length() > 80 || !name.matches("[A-Za-z0-9_-]+(\\.fifo)?")) {
      throw new IllegalArgumentException(
          "queue name must be 1 to 80 characters of [A-Za-z0-9_-], with .fifo at the end for FIFO queues: "
              + name);
    }
    if (fifo != name.endsWith(".fifo")) {
      throw new IllegalArgumentException("a queue name ends with .fifo exactly when the queue is FIFO: " + name);
    }
    if (visibilityTimeout.isNegative() || visibilityTimeout.compareTo(QueueBackend.MAX_VISIBILITY_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "visibilityTimeout must be between 0 and 12 hours (got " + visibilityTimeout + ")");
    }
  }

  /**
   * Returns a FIFO queue spec with no redrive policy.
   *
   * @param name the name, ending with {@code .fifo}
   * @param visibilityTimeout the default visibility timeout
   * @return the spec
   */
  public static QueueSpec fifo(String name, Duration visibilityTimeout) {
    return new QueueSpec(name, true, visibilityTimeout, null);
  }

  /**
   * Returns a copy of this spec with a redrive policy.
   *
   * @param policy the policy
   * @return the new spec
   */
  public QueueSpec withRedrivePolicy(RedrivePolicy policy) {
    return new QueueSpec(name, fifo, visibilityTimeout, policy);
  }

  /**
   * Returns the redrive policy, if there is one.
   *
   * @return the policy, or empty
   */
  public Optional<RedrivePolicy> redrive() {
    return Optional.ofNullable(redrivePolicy);
  }
}
