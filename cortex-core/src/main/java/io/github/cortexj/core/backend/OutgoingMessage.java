package io.github.cortexj.core.backend;

import io.github.cortexj.core.internal.backend.OutgoingMessageRules;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message to send.
 *
 * @param entryId identifies the message within one {@link QueueBackend#sendBatch} call (1 to 80 characters of
 *     {@code [A-Za-z0-9_-]}, as SQS)
 * @param body the body, at most {@value QueueBackend#MAX_MESSAGE_BYTES} bytes of UTF-8
 * @param attributes string message attributes, possibly empty
 * @param deduplicationId FIFO deduplication id: a second message with the same id within the deduplication
 *     window is accepted but not delivered; {@code null} for standard queues
 * @param groupId FIFO message group id; {@code null} for standard queues
 */
public record OutgoingMessage(
    String entryId,
    String body,
    Map<String, String> attributes,
    @Nullable String deduplicationId,
    @Nullable String groupId) {

  /** Validates the fields and copies the attributes. */
  public OutgoingMessage {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(body, "body");
    attributes = Map.copyOf(attributes);
    if (!isValidEntryId(entryId)) {
      throw new IllegalArgumentException("entryId must be 1 to 80 characters of [A-Za-z0-9_-]: " + entryId);
    }
  }

  private static boolean isValidEntryId(String entryId) {
    return OutgoingMessageRules.isWord(entryId, 80, "_-");
  }

  /**
   * Returns a FIFO message whose entry id, deduplication id and group id are all {@code id}, as Cortex's enqueuer
   * sends them.
   *
   * @param id the id, 1 to 80 characters of {@code [A-Za-z0-9_-]}
   * @param body the body
   * @param attributes the attributes
   * @return the message
   */
  public static OutgoingMessage fifo(String id, String body, Map<String, String> attributes) {
    return new OutgoingMessage(id, body, attributes, id, id);
  }
}
