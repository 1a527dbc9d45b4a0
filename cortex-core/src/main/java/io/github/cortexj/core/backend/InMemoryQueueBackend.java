package io.github.cortexj.core.backend;

import io.github.cortexj.core.internal.backend.MemoryQueue;
import io.github.cortexj.core.internal.backend.MessageProblem;
import io.github.cortexj.core.internal.backend.OutgoingMessageRules;
import io.github.cortexj.core.internal.backend.QueueMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link QueueBackend} held in memory that behaves like SQS where Cortex depends on it, for embedded clusters
 * and tests.
 *
 * <ul>
 *   <li><b>Visibility.</b> A received message is hidden until {@code now + visibilityTimeout} by the injected
 *       {@link Clock}, judged on every call (there are no timer threads), so a test can advance a manual clock to
 *       make it visible again. Each delivery increments the message's receive count and gets a new receipt
 *       handle.
 *   <li><b>Receipt handles</b>, as SQS: {@link #changeVisibility} with the handle of an earlier delivery (the
 *       message was received again since) or of a deleted message fails with kind
 *       {@code queue.receipt_handle_invalid}; with the current handle of a message whose timeout has already
 *       expired it succeeds and changes nothing. {@link #delete} with an earlier delivery's handle, or of a message
 *       already deleted, succeeds and deletes nothing; the current handle of an expired delivery still deletes in a
 *       standard queue, while a FIFO queue refuses it. A string that was never a handle of the queue fails.
 *   <li><b>Redrive.</b> When a message about to be delivered has already been received {@code maxReceiveCount}
 *       times, it moves to the dead-letter queue instead, with its message id, attributes and receive count, as
 *       SQS moves it on the next receive attempt. The dead-letter queue must exist when the queue is created and
 *       be of the same type.
 *   <li><b>FIFO.</b> A deduplication id is remembered for five minutes by the clock: a duplicate send succeeds
 *       with the original message id and enqueues nothing. Messages of a group are delivered in send order, and a
 *       group with a message in flight delivers nothing else until that message is deleted or visible again.
 *   <li><b>Limits.</b> Bodies of at most {@value QueueBackend#MAX_MESSAGE_BYTES} UTF-8 bytes, batches of 1 to
 *       {@value QueueBackend#MAX_BATCH_ENTRIES} entries with distinct ids and at most
 *       {@value QueueBackend#MAX_MESSAGE_BYTES} bytes of bodies in total, visibility timeouts of 0 to 12 hours,
 *       and SQS's rules for body characters, message attributes and FIFO ids.
 *   <li><b>Long polling.</b> A receive with a wait time blocks (in wall time) until a message is visible or the
 *       wait is over; a send wakes it.
 *   <li><b>Counts</b> are exact, which is a valid approximation of SQS's approximate counts.
 * </ul>
 *
 * <p>Not modelled: message retention (messages never expire), delay queues, the 60-second wait before a deleted
 * queue's name can be reused, and queue attributes other than those of {@link QueueSpec}.
 *
 * <p>Queue URLs have the form {@code memory://<instance-id>/<queue name>}, where the instance id is unique to this
 * backend, so two backends never see each other's queues. ARNs have the form
 * {@code arn:aws:sqs:local:000000000000:<queue name>}.
 *
 * <p>Thread safe: each queue has its own lock, and there is no static state.
 */
public final class InMemoryQueueBackend implements QueueBackend {

  /** The prefix of every ARN this backend issues; the queue name follows. */
  public static final String ARN_PREFIX = "arn:aws:sqs:local:000000000000:";

  private final Clock clock;
  private final String urlPrefix;
  /**
   * The queues by URL: callers pass the same URL string again and again, whose hash code the string caches, so
   * finding a queue costs no hashing and no substring.
   */
  private final ConcurrentMap<String, MemoryQueue> queues = new ConcurrentHashMap<>();

  /**
   * Creates a backend whose visibility timeouts and deduplication windows follow {@code clock}.
   *
   * @param clock the clock, for example a test's manual clock
   */
  public InMemoryQueueBackend(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.urlPrefix = "memory://" + UUID.randomUUID() + "/";
  }

  /** Creates a backend on the system clock in UTC. */
  public InMemoryQueueBackend() {
    this(Clock.systemUTC());
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code queue.already_exists} when a queue of that name exists with other
   *     attributes, or {@code queue.invalid_redrive_policy} when the dead-letter queue does not exist, is the queue
   *     itself, or is not of the same type (FIFO or standard)
   */
  @Override
  public String createQueue(QueueSpec spec) {
    Objects.requireNonNull(spec, "spec");
    RedrivePolicy redrive = spec.redrivePolicy();
    if (redrive != null) {
      checkDeadLetterTarget(spec, redrive);
    }
    MemoryQueue created = new MemoryQueue(spec, urlPrefix + spec.name(), ARN_PREFIX + spec.name());
    MemoryQueue queue = queues.putIfAbsent(created.url(), created);
    if (queue != null && !queue.spec().equals(spec)) {
      throw new BackendException(
          "queue.already_exists",
          "queue \"" + spec.name() + "\" already exists with different attributes (existing " + queue.spec()
              + ", requested " + spec + ") (QueueAlreadyExists)");
    }
    return queue == null ? created.url() : queue.url();
  }

  private void checkDeadLetterTarget(QueueSpec spec, RedrivePolicy redrive) {
    String target = redrive.deadLetterTargetArn();
    MemoryQueue deadLetterQueue = queueByArn(target);
    String problem = null;
    if (target.equals(ARN_PREFIX + spec.name())) {
      problem = "a queue cannot be its own dead-letter queue";
    } else if (deadLetterQueue == null) {
      problem = "Dead-letter target does not exist";
    } else if (deadLetterQueue.spec().fifo() != spec.fifo()) {
      problem = "the dead-letter queue of a " + (spec.fifo() ? "FIFO" : "standard") + " queue must be a "
          + (spec.fifo() ? "FIFO" : "standard") + " queue";
    }
    if (problem != null) {
      throw new BackendException(
          "queue.invalid_redrive_policy",
          "redrive policy of queue \"" + spec.name() + "\" names dead-letter queue " + target + ": " + problem
              + " (InvalidParameterValue)");
    }
  }

  @Override
  public Optional<String> queueUrl(String name) {
    MemoryQueue queue = queues.get(urlPrefix + name);
    return queue == null ? Optional.empty() : Optional.of(queue.url());
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code queue.not_found} when no queue has that URL
   */
  @Override
  public String queueArn(String queueUrl) {
    return resolve(queueUrl).arn();
  }

  @Override
  public void deleteQueue(String queueUrl) {
    MemoryQueue queue = queues.remove(queueUrl);
    if (queue != null) {
      queue.markDeleted();
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code queue.not_found}, {@code queue.message_too_long} when the body has
   *     more than {@value QueueBackend#MAX_MESSAGE_BYTES} bytes, or {@code queue.invalid_message} when SQS would
   *     refuse the message (its characters, attributes, or FIFO group and deduplication ids)
   */
  @Override
  public String send(String queueUrl, OutgoingMessage message) {
    MemoryQueue queue = resolve(queueUrl);
    int bytes = QueueBackend.bodyBytes(message.body());
    if (bytes > MAX_MESSAGE_BYTES) {
      throw new BackendException(
          "queue.message_too_long",
          "message to queue \"" + queue.spec().name() + "\" has a body of " + bytes + " bytes, more than the "
              + MAX_MESSAGE_BYTES + " bytes allowed (InvalidParameterValue)");
    }
    MessageProblem problem = OutgoingMessageRules.problem(message, queue.spec().fifo());
    if (problem != null) {
      throw new BackendException(
          "queue.invalid_message",
          "message to queue \"" + queue.spec().name() + "\" refused: " + problem.message() + " ("
              + problem.code() + ")");
    }
    return queue.send(message, clock.instant());
  }

  /**
   * {@inheritDoc}
   *
   * <p>An entry SQS would refuse for its own content (characters, attributes, FIFO ids) is reported in
   * {@link SendBatchResult#failed()} with SQS's error code, and the other entries are sent.
   *
   * @throws BackendException of kind {@code queue.batch_limit} naming the queue and the broken rule with SQS's
   *     error code ({@code AWS.SimpleQueueService.EmptyBatchRequest},
   *     {@code AWS.SimpleQueueService.TooManyEntriesInBatchRequest},
   *     {@code AWS.SimpleQueueService.BatchEntryIdsNotDistinct} or
   *     {@code AWS.SimpleQueueService.BatchRequestTooLong}), or of kind {@code queue.not_found}
   */
  @Override
  public SendBatchResult sendBatch(String queueUrl, List<OutgoingMessage> messages) {
    MemoryQueue queue = resolve(queueUrl);
    String name = queue.spec().name();
    int size = messages.size();
    checkBatchSize(name, size);
    long totalBytes = 0;
    // Bodies too short to break a size limit are not measured.
    long atMost = 0;
    for (OutgoingMessage message : messages) {
      atMost += (long) OutgoingMessageRules.MAX_UTF8_BYTES_PER_CHAR * message.body().length();
    }
    boolean measure = atMost > MAX_MESSAGE_BYTES;
    for (int i = 0; i < size; i++) {
      OutgoingMessage message = messages.get(i);
      if (repeatsAnEarlierEntryId(messages, i)) {
        throw batchLimit(
            name,
            "entry id \"" + message.entryId() + "\" appears more than once",
            "AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
      }
      int bytes = measure ? QueueBackend.bodyBytes(message.body()) : 0;
      if (bytes > MAX_MESSAGE_BYTES) {
        throw batchLimit(
            name,
            "entry \"" + message.entryId() + "\" has a body of " + bytes + " bytes, more than the "
                + MAX_MESSAGE_BYTES + " bytes allowed",
            "AWS.SimpleQueueService.BatchRequestTooLong");
      }
      totalBytes += bytes;
    }
    if (totalBytes > MAX_MESSAGE_BYTES) {
      throw batchLimit(
          name,
          "the bodies add up to " + totalBytes + " bytes, more than the " + MAX_MESSAGE_BYTES + " bytes allowed",
          "AWS.SimpleQueueService.BatchRequestTooLong");
    }
    List<SendBatchResult.Failed> failed = List.of();
    List<OutgoingMessage> valid = messages;
    boolean fifo = queue.spec().fifo();
    for (int i = 0; i < size; i++) {
      OutgoingMessage message = messages.get(i);
      MessageProblem problem = OutgoingMessageRules.problem(message, fifo);
      if (problem != null) {
        if (failed.isEmpty()) {
          failed = new ArrayList<>();
          valid = new ArrayList<>(messages.subList(0, i));
        }
        failed.add(new SendBatchResult.Failed(message.entryId(), problem.code(), problem.message(), true));
      } else if (!failed.isEmpty()) {
        valid.add(message);
      }
    }
    List<String> messageIds = valid.isEmpty() ? List.of() : queue.sendAll(valid, clock.instant());
    SendBatchResult.Sent[] sent = new SendBatchResult.Sent[valid.size()];
    for (int i = 0; i < sent.length; i++) {
      sent[i] = new SendBatchResult.Sent(valid.get(i).entryId(), messageIds.get(i));
    }
    return new SendBatchResult(List.of(sent), failed);
  }

  /** Whether entry {@code index} has the entry id of an earlier entry: a few comparisons for at most ten entries. */
  private static boolean repeatsAnEarlierEntryId(List<OutgoingMessage> messages, int index) {
    String entryId = messages.get(index).entryId();
    for (int i = 0; i < index; i++) {
      if (messages.get(i).entryId().equals(entryId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@inheritDoc}
   *
   * <p>If the thread is interrupted while waiting, the call returns what it has (nothing) with the interrupt
   * flag set.
   *
   * @throws BackendException of kind {@code queue.not_found}, also when the queue is deleted while waiting
   */
  @Override
  public List<ReceivedMessage> receive(String queueUrl, ReceiveRequest request) {
    MemoryQueue queue = resolve(queueUrl);
    RedrivePolicy redrive = queue.spec().redrivePolicy();
    long deadline = System.nanoTime() + request.waitTime().toNanos();
    while (true) {
      MemoryQueue deadLetterQueue = redrive == null ? null : queueByArn(redrive.deadLetterTargetArn());
      int redriveAfter = redrive != null && deadLetterQueue != null ? redrive.maxReceiveCount() : 0;
      MemoryQueue.ReceiveOutcome outcome =
          queue.receiveNow(request.maxMessages(), request.visibilityTimeout(), clock.instant(), redriveAfter);
      for (QueueMessage deadLetter : outcome.deadLetters()) {
        moveToDeadLetterQueue(queue, deadLetter, Objects.requireNonNull(deadLetterQueue));
      }
      if (!outcome.delivered().isEmpty()) {
        return outcome.delivered();
      }
      if (!outcome.deadLetters().isEmpty()) {
        continue; // the moved messages may have unblocked others
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return List.of();
      }
      try {
        queue.awaitChange(outcome.version(), Duration.ofNanos(remaining), clock.instant());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
  }

  private void moveToDeadLetterQueue(MemoryQueue source, QueueMessage message, MemoryQueue deadLetterQueue) {
    try {
      deadLetterQueue.acceptDeadLetter(message, clock.instant());
    } catch (BackendException deletedMeanwhile) {
      // The dead-letter queue was deleted since the receive began: keep the message where it was.
      source.restore(message, clock.instant());
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code queue.invalid_visibility} when the timeout is outside 0 to 12 hours
   *     or would keep the message hidden more than 12 hours after it was received, {@code queue.not_found}, or
   *     {@code queue.receipt_handle_invalid}
   */
  @Override
  public void changeVisibility(String queueUrl, String receiptHandle, Duration timeout) {
    MemoryQueue queue = resolve(queueUrl);
    if (timeout.isNegative() || timeout.compareTo(MAX_VISIBILITY_TIMEOUT) > 0) {
      throw new BackendException(
          "queue.invalid_visibility",
          "visibility timeout " + timeout + " for a message of queue \"" + queue.spec().name()
              + "\" is not between 0 and 12 hours (InvalidParameterValue)");
    }
    queue.changeVisibility(receiptHandle, timeout, clock.instant());
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code queue.not_found}, or {@code queue.receipt_handle_invalid} when the
   *     handle was never one of this queue's or (FIFO only) its delivery has expired
   */
  @Override
  public void delete(String queueUrl, String receiptHandle) {
    resolve(queueUrl).delete(receiptHandle, clock.instant());
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code queue.batch_limit} when there are no handles or more than
   *     {@value QueueBackend#MAX_BATCH_ENTRIES}, or {@code queue.not_found}
   */
  @Override
  public List<String> deleteBatch(String queueUrl, List<String> receiptHandles) {
    MemoryQueue queue = resolve(queueUrl);
    checkBatchSize(queue.spec().name(), receiptHandles.size());
    return queue.deleteAll(receiptHandles, clock.instant());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The counts are exact.
   *
   * @throws BackendException of kind {@code queue.not_found}
   */
  @Override
  public QueueCounts counts(String queueUrl) {
    return resolve(queueUrl).counts(clock.instant());
  }

  /**
   * Returns the earliest instant, by this backend's clock, at which a received message of any queue becomes
   * visible again: the next moment this backend changes on its own. A test that moves a manual clock uses it to
   * skip straight to that moment.
   *
   * @return the earliest visibility deadline (after the clock's current time), or empty when no message is in
   *     flight
   */
  public Optional<Instant> nextVisibilityDeadline() {
    Instant now = clock.instant();
    Instant earliest = null;
    for (MemoryQueue queue : queues.values()) {
      Instant next = queue.nextVisibleAt(now);
      if (next != null && (earliest == null || next.isBefore(earliest))) {
        earliest = next;
      }
    }
    return Optional.ofNullable(earliest);
  }

  /**
   * Tells the backend that its clock has moved: receivers waiting for a message look again at once, instead of
   * after their next periodic check, so that a message made visible by the move is delivered without delay.
   */
  public void clockAdvanced() {
    for (MemoryQueue queue : queues.values()) {
      queue.wakeReceivers();
    }
  }

  private static void checkBatchSize(String name, int size) {
    if (size == 0) {
      throw batchLimit(name, "the batch is empty", "AWS.SimpleQueueService.EmptyBatchRequest");
    }
    if (size > MAX_BATCH_ENTRIES) {
      throw batchLimit(
          name,
          "the batch has " + size + " entries, more than the " + MAX_BATCH_ENTRIES + " allowed",
          "AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
    }
  }

  private static BackendException batchLimit(String queueName, String rule, String sqsCode) {
    return new BackendException(
        "queue.batch_limit", "batch for queue \"" + queueName + "\" refused: " + rule + " (" + sqsCode + ")");
  }

  private MemoryQueue resolve(String queueUrl) {
    Objects.requireNonNull(queueUrl, "queueUrl");
    MemoryQueue queue = queues.get(queueUrl);
    if (queue == null) {
      throw new BackendException(
          "queue.not_found", "queue " + queueUrl + " does not exist (AWS.SimpleQueueService.NonExistentQueue)");
    }
    return queue;
  }

  private @Nullable MemoryQueue queueByArn(String arn) {
    return arn.startsWith(ARN_PREFIX) ? queues.get(urlPrefix + arn.substring(ARN_PREFIX.length())) : null;
  }

}
