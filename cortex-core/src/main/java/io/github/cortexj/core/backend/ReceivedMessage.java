package io.github.cortexj.core.backend;

import java.util.Map;
import java.util.Objects;

/**
 * A message returned by {@link QueueBackend#receive}.
 *
 * @param messageId the id the queue assigned when the message was sent; the same on every delivery
 * @param receiptHandle identifies this delivery, for {@link QueueBackend#delete} and
 *     {@link QueueBackend#changeVisibility}
 * @param body the body
 * @param attributes the string message attributes
 * @param receiveCount how many times the message has been received, this delivery included (1 on the first)
 */
public record ReceivedMessage(
    String messageId, String receiptHandle, String body, Map<String, String> attributes, int receiveCount) {

  /** Validates the fields and copies the attributes. */
  public ReceivedMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(receiptHandle, "receiptHandle");
    Objects.requireNonNull(body, "body");
    attributes = Map.copyOf(attributes);
    if (receiveCount < 1) {
      throw new IllegalArgumentException("receiveCount must be at least 1 (got " + receiveCount + ")");
    }
  }
}
