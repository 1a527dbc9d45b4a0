package io.github.cortexj.core.backend;

import io.github.cortexj.core.internal.backend.OutgoingMessageRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Sends any number of messages reliably through a {@link QueueBackend}: in groups of at most
 * {@value QueueBackend#MAX_BATCH_ENTRIES} entries and {@value QueueBackend#MAX_MESSAGE_BYTES} bytes, retrying the
 * entries a batch call reports as failed with exponential backoff, and failing loudly, naming the entries, when some
 * still could not be sent. Cortex's enqueuer ignores partially failed batches and so loses messages; this class is
 * the fix.
 *
 * <p>Entries the queue refuses as the sender's fault (a retry would fail the same way) are not retried. Whole calls
 * that throw are not retried here: the backend's own retry policy (the SDK's, for SQS) has already had its go.
 *
 * <p>Thread safe: one instance may send for many threads, each call on its own.
 */
public final class MessageBatcher {

  /**
   * The longest body, in characters, of which ten cannot reach {@value QueueBackend#MAX_MESSAGE_BYTES} bytes:
   * groups of such bodies need no measuring.
   */
  private static final int SMALL_BODY_CHARS =
      QueueBackend.MAX_MESSAGE_BYTES
          / (OutgoingMessageRules.MAX_UTF8_BYTES_PER_CHAR * QueueBackend.MAX_BATCH_ENTRIES);

  /** The default number of attempts per entry. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** The default pause before the first retry; it doubles with each further retry. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);

  /** The default longest pause between retries. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

  private final QueueBackend backend;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Sleeper sleeper;

  private MessageBatcher(Builder builder) {
    this.backend = builder.backend;
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.sleeper = builder.sleeper;
  }

  /**
   * Returns a batcher with the default attempts and backoff, pausing on the calling thread.
   *
   * @param backend the queue backend to send through
   * @return the batcher
   */
  public static MessageBatcher of(QueueBackend backend) {
    return newBuilder(backend).build();
  }

  /**
   * Returns a builder.
   *
   * @param backend the queue backend to send through
   * @return a new builder
   */
  public static Builder newBuilder(QueueBackend backend) {
    return new Builder(backend);
  }

  /**
   * Sends every message, retrying failed entries, and returns the ids the queue assigned.
   *
   * @param queueUrl the queue's URL
   * @param messages the messages, with distinct entry ids, in the order to send them
   * @return one {@link SendBatchResult.Sent} per message, in the order the queue accepted them
   * @throws BackendException of kind {@code queue.message_too_long} or {@code queue.batch_limit} (repeated entry
   *     id) before anything is sent, or of kind {@code queue.send_failed} naming every entry that could not be sent
   *     after all attempts; the others have been sent
   */
  public List<SendBatchResult.Sent> sendAll(String queueUrl, List<OutgoingMessage> messages) {
    List<OutgoingMessage> pending = List.copyOf(messages);
    checkEntries(queueUrl, pending);
    List<SendBatchResult.Sent> sent = new ArrayList<>(pending.size());
    // Filled only when something fails: the common call sends every entry at the first attempt.
    Map<String, SendBatchResult.Failed> refused = new LinkedHashMap<>();
    Map<String, SendBatchResult.Failed> lastFailure = new HashMap<>();
    for (int attempt = 1; attempt <= maxAttempts && !pending.isEmpty(); attempt++) {
      if (attempt > 1) {
        pause(queueUrl, backoff(attempt - 1));
      }
      List<OutgoingMessage> retry = new ArrayList<>();
      for (List<OutgoingMessage> group : groups(pending, message -> bodyBytes(queueUrl, message))) {
        SendBatchResult result = backend.sendBatch(queueUrl, group);
        sent.addAll(result.successful());
        for (SendBatchResult.Failed failed : result.failed()) {
          if (failed.senderFault()) {
            refused.put(failed.entryId(), failed);
          } else {
            lastFailure.put(failed.entryId(), failed);
            retry.add(entry(group, failed.entryId()));
          }
        }
      }
      pending = retry;
    }
    if (refused.isEmpty() && pending.isEmpty()) {
      return sent;
    }
    List<SendBatchResult.Failed> failures = new ArrayList<>(refused.values());
    for (OutgoingMessage message : pending) {
      failures.add(Objects.requireNonNull(lastFailure.get(message.entryId())));
    }
    throw new BackendException(
        "queue.send_failed",
        failures.size() + " of " + messages.size() + " messages could not be sent to queue \"" + queueName(queueUrl)
            + "\" after up to " + maxAttempts + " attempts: "
            + failures.stream()
                .limit(20)
                .map(f -> f.entryId() + " (" + f.code() + ": " + f.message() + ")")
                .collect(Collectors.joining(", "))
            + (failures.size() > 20 ? ", ..." : ""));
  }

  /**
   * Checks every body against the size limit and the entry ids for repeats, before anything is sent. A call of at
   * most {@value QueueBackend#MAX_BATCH_ENTRIES} messages, the usual one, compares ids pairwise rather than
   * hashing them into a set.
   */
  private static void checkEntries(String queueUrl, List<OutgoingMessage> messages) {
    int count = messages.size();
    Set<String> seen = count > QueueBackend.MAX_BATCH_ENTRIES ? new HashSet<>() : Set.of();
    for (int i = 0; i < count; i++) {
      OutgoingMessage message = messages.get(i);
      checkBodySize(queueUrl, message);
      boolean repeated;
      if (count > QueueBackend.MAX_BATCH_ENTRIES) {
        repeated = !seen.add(message.entryId());
      } else {
        repeated = false;
        for (int j = 0; j < i && !repeated; j++) {
          repeated = messages.get(j).entryId().equals(message.entryId());
        }
      }
      if (repeated) {
        throw new BackendException(
            "queue.batch_limit",
            "entry id \"" + message.entryId() + "\" repeats in the messages for queue \"" + queueName(queueUrl) + "\"");
      }
    }
  }

  /** Returns the entry of {@code group} with {@code entryId}, which the backend reported as failed. */
  private static OutgoingMessage entry(List<OutgoingMessage> group, String entryId) {
    for (OutgoingMessage message : group) {
      if (message.entryId().equals(entryId)) {
        return message;
      }
    }
    throw new IllegalStateException("the backend reported entry \"" + entryId + "\", which was not sent");
  }

  /**
   * Splits messages, in order, into groups of at most {@value QueueBackend#MAX_BATCH_ENTRIES} entries whose bodies
   * add up to at most {@value QueueBackend#MAX_MESSAGE_BYTES} bytes, starting a new group only when the next
   * message does not fit.
   *
   * @param messages the messages, each at most {@value QueueBackend#MAX_MESSAGE_BYTES} bytes
   * @return the groups, none empty
   * @throws BackendException of kind {@code queue.message_too_long} when a body alone is over the limit
   */
  public static List<List<OutgoingMessage>> groups(List<OutgoingMessage> messages) {
    return groups(messages, message -> bodyBytes("", message));
  }

  /**
   * Groups messages whose body sizes {@code bodyBytes} tells, each already checked against the limit. Sizes are
   * only measured when some body is long enough for a group of ten to reach the limit.
   */
  private static List<List<OutgoingMessage>> groups(
      List<OutgoingMessage> messages, ToIntFunction<OutgoingMessage> bodyBytes) {
    boolean allSmall = true;
    for (OutgoingMessage message : messages) {
      if (message.body().length() > SMALL_BODY_CHARS) {
        allSmall = false;
        break;
      }
    }
    if (allSmall && !messages.isEmpty() && messages.size() <= QueueBackend.MAX_BATCH_ENTRIES) {
      return List.of(List.copyOf(messages)); // one group, and no copy when the list is already immutable
    }
    List<List<OutgoingMessage>> groups = new ArrayList<>();
    List<OutgoingMessage> current = new ArrayList<>();
    long bytes = 0;
    for (OutgoingMessage message : messages) {
      int size = allSmall ? 0 : bodyBytes.applyAsInt(message);
      if (!current.isEmpty()
          && (current.size() == QueueBackend.MAX_BATCH_ENTRIES || bytes + size > QueueBackend.MAX_MESSAGE_BYTES)) {
        groups.add(List.copyOf(current));
        current.clear();
        bytes = 0;
      }
      current.add(message);
      bytes += size;
    }
    if (!current.isEmpty()) {
      groups.add(List.copyOf(current));
    }
    return groups;
  }

  /**
   * Returns the pause before a retry.
   *
   * @param retry 1 for the first retry
   * @return the initial backoff doubled {@code retry - 1} times, at most the maximum backoff
   */
  Duration backoff(int retry) {
    Duration pause = initialBackoff;
    for (int i = 1; i < retry && pause.compareTo(maxBackoff) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
  }

  private void pause(String queueUrl, Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException(
          "queue.send_failed", "interrupted while retrying messages to queue \"" + queueName(queueUrl) + "\"", e);
    }
  }

  /** Checks a body against the size limit, measuring it only when it could be over. */
  private static void checkBodySize(String queueUrl, OutgoingMessage message) {
    if ((long) OutgoingMessageRules.MAX_UTF8_BYTES_PER_CHAR * message.body().length()
        > QueueBackend.MAX_MESSAGE_BYTES) {
      bodyBytes(queueUrl, message);
    }
  }

  private static int bodyBytes(String queueUrl, OutgoingMessage message) {
    int bytes = QueueBackend.bodyBytes(message.body());
    if (bytes > QueueBackend.MAX_MESSAGE_BYTES) {
      throw new BackendException(
          "queue.message_too_long",
          "message \"" + message.entryId() + "\""
              + (queueUrl.isEmpty() ? "" : " to queue \"" + queueName(queueUrl) + "\"") + " is " + bytes
              + " bytes, over the " + QueueBackend.MAX_MESSAGE_BYTES + "-byte limit");
    }
    return bytes;
  }

  private static String queueName(String queueUrl) {
    return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
  }

  /** Pauses between retries; tests pass one that records instead of waiting. */
  @FunctionalInterface
  public interface Sleeper {

    /**
     * Pauses the calling thread.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted while pausing
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Collects a batcher's settings. Not thread safe. */
  public static final class Builder {

    private final QueueBackend backend;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

    private Builder(QueueBackend backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
    }

    /**
     * Sets how many times an entry is tried, the first send included.
     *
     * @param maxAttempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1 (got " + maxAttempts + ")");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the pauses between retries: the first, doubled for each further retry up to the maximum.
     *
     * @param initial the first pause, zero or more
     * @param max the longest pause, at least {@code initial}
     * @return this builder
     */
    public Builder backoff(Duration initial, Duration max) {
      if (initial.isNegative() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException(
            "backoff must satisfy 0 <= initial <= max (got " + initial + " and " + max + ")");
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets how the batcher pauses between retries.
     *
     * @param sleeper the pause; the default sleeps the calling thread
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Returns the batcher.
     *
     * @return the batcher
     */
    public MessageBatcher build() {
      return new MessageBatcher(this);
    }
  }
}
