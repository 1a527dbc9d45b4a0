package io.github.cortexj.core.internal.backend;

import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.QueueCounts;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.backend.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The state of one in-memory queue with SQS's semantics: visibility timeouts judged lazily against the time each
 * call passes in, receive counts, receipt handles per delivery, FIFO deduplication and message-group blocking.
 *
 * <p>Thread safe: every method holds the queue's own lock. Moving messages to a dead-letter queue is left to the
 * caller ({@link ReceiveOutcome#deadLetters()}), so that no thread ever holds two queues' locks.
 */
public final class MemoryQueue {

  /** How long FIFO queues remember a deduplication id, as SQS. */
  public static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);

  /**
   * The longest a waiting receiver sleeps while messages are in flight before it asks the clock again: an injected
   * clock (a test's manual clock) can make them visible without any call that could wake it.
   */
  private static final Duration RECHECK_IN_FLIGHT = Duration.ofMillis(50);

  private static final Comparator<QueueMessage> BY_VISIBLE_AT =
      (a, b) -> {
        int byTime = a.visibleAt().compareTo(b.visibleAt());
        return byTime != 0 ? byTime : Long.compare(a.sequence(), b.sequence());
      };

  private final QueueSpec spec;
  private final String url;
  private final String arn;
  /** Distinguishes this queue from an earlier or later queue of the same name, so old receipt handles fail. */
  private final String incarnation = UUID.randomUUID().toString();

  /**
   * Guards the queue's state; waiting receivers wait on it. An intrinsic lock, whose brief spinning suits these
   * short critical sections better than parking at once.
   */
  private final Object monitor = new Object();

  private final Map<String, QueueMessage> byId = new HashMap<>();
  /** Visible messages in send order (a message that becomes visible again keeps its place). */
  private final TreeMap<Long, QueueMessage> visible = new TreeMap<>();
  /** Received messages by the time they become visible again. */
  private final TreeSet<QueueMessage> inFlight = new TreeSet<>(BY_VISIBLE_AT);
  /** FIFO: how many in-flight messages each message group has; a group with any is blocked. */
  private final Map<String, Integer> inFlightPerGroup = new HashMap<>();
  /** FIFO: deduplication ids seen in the last five minutes, and the same in the order they expire. */
  private final Map<String, Deduplication> deduplication = new HashMap<>();
  private final ArrayDeque<Deduplication> deduplicationOrder = new ArrayDeque<>();

  private long nextSequence;
  private long version;
  private boolean deleted;

  /**
   * Creates an empty queue.
   *
   * @param spec the queue's name and attributes
   * @param url the URL that addresses it
   * @param arn the ARN that names it in redrive policies
   */
  public MemoryQueue(QueueSpec spec, String url, String arn) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.url = Objects.requireNonNull(url, "url");
    this.arn = Objects.requireNonNull(arn, "arn");
  }

  /**
   * Returns the spec the queue was created with.
   *
   * @return the spec
   */
  public QueueSpec spec() {
    return spec;
  }

  /**
   * Returns the queue's URL.
   *
   * @return the URL
   */
  public String url() {
    return url;
  }

  /**
   * Returns the queue's ARN.
   *
   * @return the ARN
   */
  public String arn() {
    return arn;
  }

  /** Marks the queue deleted, drops its messages and wakes every waiting receiver, which then fails. */
  public void markDeleted() {
    synchronized (monitor) {
      deleted = true;
      byId.clear();
      visible.clear();
      inFlight.clear();
      inFlightPerGroup.clear();
      changed();
    }
  }

  /**
   * Enqueues a validated message, unless it is a FIFO duplicate within the deduplication window.
   *
   * @param message the message, already checked against the queue's rules
   * @param now the current time
   * @return the new message's id, or the original's for a duplicate
   */
  public String send(OutgoingMessage message, Instant now) {
    synchronized (monitor) {
      ensureExists();
      String deduplicationId = message.deduplicationId();
      if (spec.fifo() && deduplicationId != null) {
        forgetExpiredDeduplications(now);
        Deduplication seen = deduplication.get(deduplicationId);
        if (seen != null) {
          return seen.messageId();
        }
      }
      UUID messageUuid = randomMessageId();
      String messageId = messageUuid.toString();
      QueueMessage stored =
          new QueueMessage(
              messageId,
              message.body(),
              message.attributes(),
              spec.fifo() ? message.groupId() : null,
              nextSequence++,
              0,
              now);
      addVisible(stored);
      if (spec.fifo() && deduplicationId != null) {
        Instant expiresAt = now.plus(DEDUPLICATION_WINDOW);
        Deduplication entry =
            new Deduplication(
                deduplicationId,
                messageUuid.getMostSignificantBits(),
                messageUuid.getLeastSignificantBits(),
                expiresAt.getEpochSecond(),
                expiresAt.getNano());
        deduplication.put(deduplicationId, entry);
        deduplicationOrder.addLast(entry);
      }
      changed();
      return messageId;
    }
  }

  /**
   * Takes a message moved here from another queue's redrive: same id, attributes and receive count.
   *
   * @param message the message as it was in the source queue
   * @param now the current time
   */
  public void acceptDeadLetter(QueueMessage message, Instant now) {
    synchronized (monitor) {
      ensureExists();
      addVisible(message.movedTo(nextSequence++, now));
      changed();
    }
  }

  /**
   * Puts back a message taken for a dead-letter queue that could not take it, as a visible message.
   *
   * @param message the message {@link #receiveNow} handed out for redrive
   * @param now the current time
   */
  public void restore(QueueMessage message, Instant now) {
    acceptDeadLetter(message, now);
  }

  /**
   * Delivers up to {@code maxMessages} visible messages at once, without waiting.
   *
   * <p>Messages are taken in send order. In a FIFO queue a message group with a message in flight is skipped
   * entirely, so a group is processed in order, one delivery at a time. A message that has already been received
   * {@code redriveAfter} times is not delivered but removed and returned in {@link ReceiveOutcome#deadLetters()}
   * for the caller to move, as SQS moves it on the next receive attempt.
   *
   * @param maxMessages 1 to 10
   * @param visibilityTimeout how long the delivered messages stay hidden
   * @param now the current time
   * @param redriveAfter the redrive policy's {@code maxReceiveCount}, or 0 for no redrive
   * @return the delivered messages, the messages to move, and the queue's version for {@link #awaitChange}
   */
  public ReceiveOutcome receiveNow(int maxMessages, Duration visibilityTimeout, Instant now, int redriveAfter) {
    synchronized (monitor) {
      ensureExists();
      makeExpiredVisible(now);
      List<QueueMessage> taken = new ArrayList<>();
      List<QueueMessage> deadLetters = new ArrayList<>();
      Iterator<QueueMessage> candidates = visible.values().iterator();
      while (candidates.hasNext() && taken.size() < maxMessages) {
        QueueMessage message = candidates.next();
        String group = message.groupId();
        if (spec.fifo() && group != null && inFlightPerGroup.containsKey(group)) {
          continue;
        }
        candidates.remove();
        if (redriveAfter > 0 && message.receiveCount() >= redriveAfter) {
          byId.remove(message.messageId());
          deadLetters.add(message);
          continue;
        }
        message.deliver(receiptHandle(message), now, now.plus(visibilityTimeout));
        taken.add(message);
      }
      List<ReceivedMessage> delivered = new ArrayList<>(taken.size());
      for (QueueMessage message : taken) {
        if (visibilityTimeout.isZero()) {
          visible.put(message.sequence(), message);
        } else {
          addInFlight(message);
        }
        delivered.add(
            new ReceivedMessage(
                message.messageId(),
                Objects.requireNonNull(message.receiptHandle()),
                message.body(),
                message.attributes(),
                message.receiveCount()));
      }
      if (!deadLetters.isEmpty()) {
        changed();
      }
      return new ReceiveOutcome(delivered, deadLetters, version);
    }
  }

  /**
   * Waits until the queue changes after {@code seenVersion}, at most {@code maxWait} of wall time, and no longer
   * than until the next in-flight message becomes visible by the queue's clock.
   *
   * @param seenVersion the version of the {@link ReceiveOutcome} that found nothing
   * @param maxWait the longest to wait
   * @param now the current time by the queue's clock
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public void awaitChange(long seenVersion, Duration maxWait, Instant now) throws InterruptedException {
    synchronized (monitor) {
      if (deleted || version != seenVersion) {
        return;
      }
      Duration wait = maxWait;
      if (!inFlight.isEmpty()) {
        Duration untilVisible = Duration.between(now, inFlight.first().visibleAt());
        wait = min(wait, min(untilVisible, RECHECK_IN_FLIGHT));
      }
      long remaining = wait.isNegative() ? 0 : wait.toNanos();
      long deadline = System.nanoTime() + remaining;
      while (!deleted && version == seenVersion && remaining > 0) {
        monitor.wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
        remaining = deadline - System.nanoTime();
      }
    }
  }

  /**
   * Changes the visibility timeout of the message delivered with {@code receiptHandle}, counted from now.
   *
   * <p>As SQS: a handle of a message that no longer exists, or of an earlier delivery of a message received again
   * since, fails; the current handle of a message whose timeout has already expired (visible, not yet received
   * again) is accepted and changes nothing; the message's total visibility may not exceed 12 hours from the
   * receive.
   *
   * @param receiptHandle the handle of the delivery
   * @param timeout the new timeout, 0 to 12 hours
   * @param now the current time
   */
  public void changeVisibility(String receiptHandle, Duration timeout, Instant now) {
    synchronized (monitor) {
      ensureExists();
      String messageId = messageIdOf(receiptHandle);
      makeExpiredVisible(now);
      QueueMessage message = byId.get(messageId);
      if (message == null || !receiptHandle.equals(message.receiptHandle())) {
        throw new BackendException(
            "queue.receipt_handle_invalid",
            "receipt handle \"" + receiptHandle + "\" of queue \"" + spec.name() + "\" is invalid: the message"
                + " does not exist or is not available for visibility timeout change"
                + (message == null ? "" : " (it was received again since)")
                + " (InvalidParameterValue)");
      }
      if (!message.inFlight()) {
        return;
      }
      Instant receivedAt = Objects.requireNonNull(message.receivedAt());
      Instant newVisibleAt = now.plus(timeout);
      if (newVisibleAt.isAfter(receivedAt.plus(QueueBackend.MAX_VISIBILITY_TIMEOUT))) {
        throw new BackendException(
            "queue.invalid_visibility",
            "visibility timeout " + timeout + " for a message of queue \"" + spec.name() + "\" would keep it"
                + " hidden more than 12 hours after it was received (InvalidParameterValue)");
      }
      removeInFlight(message);
      message.setVisibleAt(newVisibleAt);
      if (timeout.isZero()) {
        visible.put(message.sequence(), message);
        changed();
      } else {
        addInFlight(message);
      }
    }
  }

  /**
   * Deletes the message delivered with {@code receiptHandle}.
   *
   * <p>As SQS: a handle whose message is gone, or of an earlier delivery of a message received again since, is
   * accepted and deletes nothing. The current handle of a message whose timeout has expired still deletes it in a
   * standard queue; a FIFO queue refuses it ("The receipt handle has expired").
   *
   * @param receiptHandle the handle of the delivery
   * @param now the current time
   */
  public void delete(String receiptHandle, Instant now) {
    synchronized (monitor) {
      ensureExists();
      String messageId = messageIdOf(receiptHandle);
      makeExpiredVisible(now);
      QueueMessage message = byId.get(messageId);
      if (message == null || !receiptHandle.equals(message.receiptHandle())) {
        return;
      }
      if (message.inFlight()) {
        removeInFlight(message);
        changed();
      } else if (spec.fifo()) {
        throw new BackendException(
            "queue.receipt_handle_invalid",
            "receipt handle \"" + receiptHandle + "\" of queue \"" + spec.name() + "\" is invalid: the receipt"
                + " handle has expired (InvalidParameterValue)");
      } else {
        visible.remove(message.sequence());
      }
      byId.remove(messageId);
    }
  }

  /**
   * Returns when the next in-flight message becomes visible again by the queue's clock, for callers that move a
   * manual clock to the next moment something can happen.
   *
   * @param now the current time: messages whose deadline has passed become visible first
   * @return the earliest visibility deadline after {@code now}, or {@code null} when no message is in flight
   */
  public @Nullable Instant nextVisibleAt(Instant now) {
    synchronized (monitor) {
      if (deleted) {
        return null;
      }
      makeExpiredVisible(now);
      return inFlight.isEmpty() ? null : inFlight.first().visibleAt();
    }
  }

  /**
   * Runs {@code work} holding this queue's lock (which its calls take again at no cost), so that a batch call
   * contends for the lock once rather than once per entry.
   *
   * @param work the calls to make
   * @param <T> the result type
   * @return what {@code work} returns
   */
  public <T> T underLock(Supplier<T> work) {
    synchronized (monitor) {
      return work.get();
    }
  }

  /** Wakes every receiver waiting on this queue so that it looks again with the clock's current time. */
  public void wakeReceivers() {
    synchronized (monitor) {
      changed();
    }
  }

  /**
   * Counts visible and in-flight messages, exactly.
   *
   * @param now the current time
   * @return the counts
   */
  public QueueCounts counts(Instant now) {
    synchronized (monitor) {
      ensureExists();
      makeExpiredVisible(now);
      return new QueueCounts(visible.size(), inFlight.size());
    }
  }

  private String receiptHandle(QueueMessage message) {
    // One handle per delivery: the receive count numbers the deliveries of a message.
    return incarnation + ":" + message.messageId() + ":" + (message.receiveCount() + 1);
  }

  /**
   * Returns a random version 4 UUID as SQS message ids are. Unlike {@link UUID#randomUUID()} it draws from a fast
   * non-cryptographic generator: a message id is an identifier, not a secret (a receipt handle only works while it
   * is the message's current one).
   */
  private static UUID randomMessageId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(mostSignificant, leastSignificant);
  }

  /** Returns the message id of a handle {@code <incarnation>:<message id>:<delivery>} of this queue, or fails. */
  private String messageIdOf(String receiptHandle) {
    int first = receiptHandle.indexOf(':');
    int second = first < 0 ? -1 : receiptHandle.indexOf(':', first + 1);
    if (second < 0
        || receiptHandle.indexOf(':', second + 1) >= 0
        || first != incarnation.length()
        || !receiptHandle.startsWith(incarnation)
        || second == first + 1) {
      throw new BackendException(
          "queue.receipt_handle_invalid",
          "receipt handle \"" + receiptHandle + "\" is not a valid receipt handle of queue \"" + spec.name()
              + "\" (ReceiptHandleIsInvalid)");
    }
    return receiptHandle.substring(first + 1, second);
  }

  private void makeExpiredVisible(Instant now) {
    while (!inFlight.isEmpty() && !inFlight.first().visibleAt().isAfter(now)) {
      QueueMessage message = inFlight.first();
      removeInFlight(message);
      visible.put(message.sequence(), message);
    }
  }

  private void addVisible(QueueMessage message) {
    byId.put(message.messageId(), message);
    visible.put(message.sequence(), message);
  }

  private void addInFlight(QueueMessage message) {
    message.setInFlight(true);
    inFlight.add(message);
    String group = message.groupId();
    if (group != null) {
      inFlightPerGroup.merge(group, 1, Integer::sum);
    }
  }

  private void removeInFlight(QueueMessage message) {
    message.setInFlight(false);
    inFlight.remove(message);
    String group = message.groupId();
    if (group != null) {
      inFlightPerGroup.computeIfPresent(group, (g, n) -> n == 1 ? null : n - 1);
    }
  }

  private void forgetExpiredDeduplications(Instant now) {
    while (!deduplicationOrder.isEmpty() && !deduplicationOrder.peekFirst().expiresAfter(now)) {
      Deduplication expired = deduplicationOrder.removeFirst();
      deduplication.remove(expired.deduplicationId(), expired);
    }
  }

  private void changed() {
    version++;
    monitor.notifyAll();
  }

  private void ensureExists() {
    if (deleted) {
      throw new BackendException(
          "queue.not_found",
          "queue " + url + " does not exist (AWS.SimpleQueueService.NonExistentQueue)");
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * A deduplication id, the message it first sent, and when the window closes. Held for five minutes of every sent
   * message, so it is kept flat (the message id's bits and the deadline's seconds and nanos, not objects): a busy
   * FIFO queue remembers hundreds of thousands of them, which the garbage collector copies and scans.
   */
  private record Deduplication(
      String deduplicationId, long messageIdHigh, long messageIdLow, long expiresAtSecond, int expiresAtNano) {

    String messageId() {
      return new UUID(messageIdHigh, messageIdLow).toString();
    }

    boolean expiresAfter(Instant now) {
      return expiresAtSecond != now.getEpochSecond()
          ? expiresAtSecond > now.getEpochSecond()
          : expiresAtNano > now.getNano();
    }
  }

  /**
   * What {@link #receiveNow} did.
   *
   * @param delivered the messages delivered, in order
   * @param deadLetters messages removed for the dead-letter queue, which the caller must move
   * @param version the queue's version after the call, for {@link #awaitChange}
   */
  public record ReceiveOutcome(List<ReceivedMessage> delivered, List<QueueMessage> deadLetters, long version) {
    /** Copies the lists. */
    public ReceiveOutcome {
      delivered = List.copyOf(delivered);
      deadLetters = List.copyOf(deadLetters);
    }
  }
}
