package io.github.cortexj.aws.internal;

import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueBackend;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks SQS's message and batch limits before a call, so that a request SQS would refuse whole fails with a typed
 * error naming the queue instead of an HTTP 400. The kinds and messages are those of the in-memory backend, which
 * quote the SQS error code the request would have met. Stateless and thread safe.
 */
public final class BatchLimits {

  private BatchLimits() {}

  /**
   * Checks the body of a message sent alone.
   *
   * @param queueName the queue's name, for the message
   * @param message the message
   * @throws BackendException of kind {@code queue.message_too_long} when the body is over the limit
   */
  public static void checkMessage(String queueName, OutgoingMessage message) {
    int bytes = QueueBackend.bodyBytes(message.body());
    if (bytes > QueueBackend.MAX_MESSAGE_BYTES) {
      throw new BackendException(
          "queue.message_too_long",
          "message to queue \"" + queueName + "\" has a body of " + bytes + " bytes, more than the "
              + QueueBackend.MAX_MESSAGE_BYTES + " bytes allowed (InvalidParameterValue)");
    }
  }

  /**
   * Checks a batch to send: as SQS, a body over the limit fails the whole batch.
   *
   * @param queueName the queue's name, for the message
   * @param messages the batch
   * @throws BackendException of kind {@code queue.batch_limit}
   */
  public static void checkSendBatch(String queueName, List<OutgoingMessage> messages) {
    checkEntryCount(queueName, messages.size());
    Set<String> ids = new HashSet<>();
    long total = 0;
    for (OutgoingMessage message : messages) {
      if (!ids.add(message.entryId())) {
        throw batchLimit(
            queueName,
            "entry id \"" + message.entryId() + "\" appears more than once",
            "AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
      }
      int bytes = QueueBackend.bodyBytes(message.body());
      if (bytes > QueueBackend.MAX_MESSAGE_BYTES) {
        throw batchLimit(
            queueName,
            "entry \"" + message.entryId() + "\" has a body of " + bytes + " bytes, more than the "
                + QueueBackend.MAX_MESSAGE_BYTES + " bytes allowed",
            "AWS.SimpleQueueService.BatchRequestTooLong");
      }
      total += bytes;
    }
    if (total > QueueBackend.MAX_MESSAGE_BYTES) {
      throw batchLimit(
          queueName,
          "the bodies add up to " + total + " bytes, more than the " + QueueBackend.MAX_MESSAGE_BYTES
              + " bytes allowed",
          "AWS.SimpleQueueService.BatchRequestTooLong");
    }
  }

  /**
   * Checks the number of entries of a send or delete batch.
   *
   * @param queueName the queue's name, for the message
   * @param entries the number of entries
   * @throws BackendException of kind {@code queue.batch_limit} unless there are 1 to 10
   */
  public static void checkEntryCount(String queueName, int entries) {
    if (entries == 0) {
      throw batchLimit(queueName, "the batch is empty", "AWS.SimpleQueueService.EmptyBatchRequest");
    }
    if (entries > QueueBackend.MAX_BATCH_ENTRIES) {
      throw batchLimit(
          queueName,
          "the batch has " + entries + " entries, more than the " + QueueBackend.MAX_BATCH_ENTRIES + " allowed",
          "AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
    }
  }

  private static BackendException batchLimit(String queueName, String rule, String sqsCode) {
    return new BackendException(
        "queue.batch_limit", "batch for queue \"" + queueName + "\" refused: " + rule + " (" + sqsCode + ")");
  }

}
