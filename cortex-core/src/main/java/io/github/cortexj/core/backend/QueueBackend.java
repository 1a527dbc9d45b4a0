package io.github.cortexj.core.backend;

import io.github.cortexj.core.internal.backend.OutgoingMessageRules;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A message queue with the semantics Cortex relies on from SQS, and no more.
 *
 * <p>Queues are addressed by the URL (or, for in-memory queues, the opaque handle) that {@link #createQueue}
 * returns. A received message is hidden from other receivers for its visibility timeout; unless it is deleted or
 * its visibility is extended it becomes visible again when the timeout expires, and its receive count grows with
 * each delivery. A queue with a {@linkplain QueueSpec#redrivePolicy() redrive policy} moves a message to its
 * dead-letter queue once it has been received {@code maxReceiveCount} times.
 *
 * <p>Implementations are thread safe. Errors are {@link BackendException}s naming the queue.
 */
public interface QueueBackend {

  /** The most entries one {@link #sendBatch} or {@link #deleteBatch} call takes, as SQS. */
  int MAX_BATCH_ENTRIES = 10;

  /** The most bytes a message body may have, and the most all bodies of one batch may have together, as SQS. */
  int MAX_MESSAGE_BYTES = 256_000;

  /** The longest visibility timeout SQS accepts: 12 hours. */
  Duration MAX_VISIBILITY_TIMEOUT = Duration.ofHours(12);

  /** The longest a receive may wait for a message, as SQS's {@code WaitTimeSeconds}: 20 seconds. */
  Duration MAX_WAIT_TIME = Duration.ofSeconds(20);

  /**
   * Returns the size SQS counts for a message body against {@link #MAX_MESSAGE_BYTES}: its length in UTF-8, as
   * {@link String#getBytes(java.nio.charset.Charset)} encodes it, counted without encoding it. Callers that build
   * bodies use it to split them before a backend refuses them.
   *
   * @param body the body
   * @return its size in bytes
   */
  static int bodyBytes(String body) {
    return OutgoingMessageRules.utf8Length(body);
  }

  /**
   * Creates a queue, or returns the existing one when a queue of that name already exists with the same
   * attributes.
   *
   * @param spec the queue's name and attributes
   * @return the queue's URL, used to address it in every other call
   */
  String createQueue(QueueSpec spec);

  /**
   * Returns the URL of the queue with this name, if it exists.
   *
   * @param name the queue's name
   * @return the URL, or empty when there is no such queue
   */
  Optional<String> queueUrl(String name);

  /**
   * Returns the ARN of a queue, the identifier a {@link RedrivePolicy} names its dead-letter queue by.
   *
   * @param queueUrl the queue's URL
   * @return the ARN
   */
  String queueArn(String queueUrl);

  /**
   * Deletes a queue and every message in it. Deleting a queue that does not exist does nothing.
   *
   * @param queueUrl the queue's URL
   */
  void deleteQueue(String queueUrl);

  /**
   * Sends one message.
   *
   * @param queueUrl the queue's URL
   * @param message the message
   * @return the id the queue assigned to the message
   */
  String send(String queueUrl, OutgoingMessage message);

  /**
   * Sends up to {@value #MAX_BATCH_ENTRIES} messages whose bodies add up to at most {@value #MAX_MESSAGE_BYTES}
   * bytes. Some entries may fail while others succeed: the result says which, so that callers can retry exactly
   * the failed ones (Cortex's enqueuer does not, and loses them).
   *
   * @param queueUrl the queue's URL
   * @param messages 1 to 10 messages with distinct {@linkplain OutgoingMessage#entryId() entry ids}
   * @return one outcome per entry
   * @throws BackendException of kind {@code queue.batch_limit} when the batch is empty, has more than 10 entries,
   *     repeats an entry id or exceeds the byte limit
   */
  SendBatchResult sendBatch(String queueUrl, List<OutgoingMessage> messages);

  /**
   * Receives up to {@code request.maxMessages()} visible messages, waiting up to {@code request.waitTime()} for
   * one to arrive when none is visible, and hides each one for the request's visibility timeout.
   *
   * @param queueUrl the queue's URL
   * @param request how many, how long to wait, how long to hide
   * @return the messages, possibly none
   */
  List<ReceivedMessage> receive(String queueUrl, ReceiveRequest request);

  /**
   * Sets the visibility timeout of a received message, counted from now. Zero makes it visible at once.
   *
   * @param queueUrl the queue's URL
   * @param receiptHandle the handle of the receive that returned the message
   * @param timeout from zero to {@link #MAX_VISIBILITY_TIMEOUT}
   * @throws BackendException of kind {@code queue.receipt_handle_invalid} when the handle is no longer valid
   */
  void changeVisibility(String queueUrl, String receiptHandle, Duration timeout);

  /**
   * Deletes a received message. Deleting with a handle whose message is already gone does nothing.
   *
   * @param queueUrl the queue's URL
   * @param receiptHandle the handle of the receive that returned the message
   */
  void delete(String queueUrl, String receiptHandle);

  /**
   * Deletes up to {@value #MAX_BATCH_ENTRIES} received messages.
   *
   * @param queueUrl the queue's URL
   * @param receiptHandles 1 to 10 handles
   * @return the handles that could not be deleted, empty when all were
   */
  List<String> deleteBatch(String queueUrl, List<String> receiptHandles);

  /**
   * Returns the approximate numbers of visible and in-flight messages, as SQS reports them.
   *
   * @param queueUrl the queue's URL
   * @return the counts
   */
  QueueCounts counts(String queueUrl);
}
