package io.github.cortexj.core.backend;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link QueueBackend#receive} call asks for.
 *
 * @param maxMessages 1 to 10
 * @param waitTime how long to wait for a message when none is visible, 0 to 20 seconds (long polling)
 * @param visibilityTimeout how long the received messages stay hidden, 0 to 12 hours
 */
public record ReceiveRequest(int maxMessages, Duration waitTime, Duration visibilityTimeout) {

  /** Validates the fields. */
  public ReceiveRequest {
    Objects.requireNonNull(waitTime, "waitTime");
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    if (maxMessages < 1 || maxMessages > QueueBackend.MAX_BATCH_ENTRIES) {
      throw new IllegalArgumentException("maxMessages must be between 1 and 10 (got " + maxMessages + ")");
    }
    if (waitTime.isNegative() || waitTime.compareTo(QueueBackend.MAX_WAIT_TIME) > 0) {
      throw new IllegalArgumentException("waitTime must be between 0 and 20 seconds (got " + waitTime + ")");
    }
    if (visibilityTimeout.isNegative()
        || visibilityTimeout.compareTo(QueueBackend.MAX_VISIBILITY_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "visibilityTimeout must be between 0 and 12 hours (got " + visibilityTimeout + ")");
    }
  }

  /**
   * Returns a request for one message, as Cortex's workers receive.
   *
   * @param waitTime how long to wait for a message
   * @param visibilityTimeout how long it stays hidden
   * @return the request
   */
  public static ReceiveRequest one(Duration waitTime, Duration visibilityTimeout) {
    return new ReceiveRequest(1, waitTime, visibilityTimeout);
  }
}
