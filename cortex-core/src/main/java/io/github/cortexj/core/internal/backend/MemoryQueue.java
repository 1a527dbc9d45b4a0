package io.github.cortexj.core.internal.backend;

import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.QueueCounts;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.backend.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The state of one in-memory queue with SQS's semantics: visibility timeouts judged lazily against the time each
 * call passes in, receive counts, receipt handles per delivery, FIFO deduplication and message-group blocking.
 *
 * <p>The common path of a message (sent, received once, deleted) costs constant time: visible messages wait in
 * send order in {@link VisibleMessages}, in-flight ones in {@link InFlightDeadlines}, and a receipt handle names
 * the {@link DeliverySlots slot} of its message (see {@link ReceiptHandles}), so nothing is searched.
 *
 * <p>Thread safe: the queue's state is read and written only under its own lock; message ids, receipt handles and
 * results are made outside it, so that senders and receivers hold it briefly. Moving messages to a dead-letter
 * queue is left to the caller ({@link ReceiveOutcome#deadLetters()}), so that no thread ever holds two queues'
 * locks.
 */
public final class MemoryQueue {

  /** How long FIFO queues remember a deduplication id, as SQS. */
  public static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);

  /**
   * The longest a waiting receiver sleeps while messages are in flight before it asks the clock again: an injected
   * clock (a test's manual clock) can make them visible without any call that could wake it.
   */
  private static final Duration RECHECK_IN_FLIGHT = Duration.ofMillis(50);

  /**
   * A receiver that finds nothing naps instead of waiting to be notified while the queue changed less than this
   * ago: sends come at least this often, about a thousand a second.
   */
  private static final long BUSY_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /** How long a receiver naps on a busy queue before it looks again. */
  private static final long NAP_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

  private final QueueSpec spec;
  private final boolean fifo;
  private final String url;
  private final String arn;
  /** Makes and reads this queue's handles; its incarnation makes the handles of an earlier queue of the name fail. */
  private final ReceiptHandles handles = new ReceiptHandles();

  /**
   * Guards the queue's state; waiting receivers wait on it. An intrinsic lock, whose brief spinning suits these
   * short critical sections better than parking at once.
   */
  private final Object monitor = new Object();

  private final VisibleMessages visible = new VisibleMessages();
  private final InFlightDeadlines inFlight = new InFlightDeadlines();
  private final DeliverySlots delivered = new DeliverySlots();
  /** FIFO: the groups with a message in flight, which deliver nothing else meanwhile. */
  private final Map<String, BlockedGroup> blockedGroups = new HashMap<>();
  /** FIFO: visible messages kept aside in {@link #blockedGroups}; they count as visible. */
  private int parked;
  /** FIFO: deduplication ids seen in the last five minutes, in the order they expire. */
  private final DeduplicationLog deduplication = new DeduplicationLog();

  private long nextSequence;
  private long version;
  /** Receivers in a notified wait of {@link #awaitChange}; a change notifies only when there are some. */
  private int waiting;
  /** When the queue last changed, by {@link System#nanoTime()}: tells a busy queue from a quiet one. */
  private long lastChangeNanos = System.nanoTime() - BUSY_WINDOW_NANOS;
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
    this.fifo = spec.fifo();
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
      visible.clear();
      inFlight.clear();
      delivered.clear();
      blockedGroups.clear();
      parked = 0;
      deduplication.clear();
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
    UUID messageId = randomMessageId();
    String messageIdText = messageId.toString();
    Deduplication deduplicationEntry = deduplicationEntry(message, messageId, now.plus(DEDUPLICATION_WINDOW));
    synchronized (monitor) {
      ensureExists();
      if (fifo) {
        forgetExpiredDeduplications(now);
      }
      return enqueue(message, messageIdText, deduplicationEntry, now);
    }
  }

  /**
   * Enqueues validated messages in order, under one acquisition of the lock, skipping FIFO duplicates within the
   * deduplication window (also of an earlier message of the same call).
   *
   * @param messages the messages, already checked against the queue's rules
   * @param now the current time
   * @return the message ids, one per message in order: the new message's, or the original's for a duplicate
   */
  public List<String> sendAll(List<OutgoingMessage> messages, Instant now) {
    int count = messages.size();
    // Ids and deduplication entries are made before taking the lock; a duplicate's are not used.
    String[] ids = new String[count];
    Deduplication[] deduplicationEntries = new Deduplication[count];
    Instant expiresAt = now.plus(DEDUPLICATION_WINDOW);
    for (int i = 0; i < count; i++) {
      UUID id = randomMessageId();
      ids[i] = id.toString();
      deduplicationEntries[i] = deduplicationEntry(messages.get(i), id, expiresAt);
    }
    synchronized (monitor) {
      ensureExists();
      if (fifo) {
        forgetExpiredDeduplications(now);
      }
      for (int i = 0; i < count; i++) {
        ids[i] = enqueue(messages.get(i), ids[i], deduplicationEntries[i], now);
      }
    }
    return List.of(ids);
  }

  /** Returns what a FIFO queue remembers of the message for five minutes, or {@code null} when nothing. */
  private @Nullable Deduplication deduplicationEntry(OutgoingMessage message, UUID messageId, Instant expiresAt) {
    String deduplicationId = message.deduplicationId();
    if (!fifo || deduplicationId == null) {
      return null;
    }
    return new Deduplication(deduplicationId, messageId, expiresAt);
  }

  /** Enqueues one message, or answers the original's id for a FIFO duplicate. Holds the lock. */
  private String enqueue(
      OutgoingMessage message, String messageIdText, @Nullable Deduplication deduplicationEntry, Instant now) {
    if (deduplicationEntry != null) {
      UUID seen = deduplication.find(deduplicationEntry.deduplicationId());
      if (seen != null) {
        return seen.toString();
      }
    }
    QueueMessage stored =
        new QueueMessage(
            messageIdText,
            message.body(),
            message.attributes(),
            fifo ? message.groupId() : null,
            nextSequence++,
            0,
            now);
    visible.addArrived(stored);
    if (deduplicationEntry != null) {
      deduplication.add(
          deduplicationEntry.deduplicationId(), deduplicationEntry.messageId(), deduplicationEntry.expiresAt());
    }
    changed();
    return messageIdText;
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
      visible.addArrived(message.movedTo(nextSequence++, now));
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
   * entirely, so a group is processed in order, one delivery at a time (one receive may take several messages of
   * a group that had none in flight). A message that has already been received {@code redriveAfter} times is not
   * delivered but removed and returned in {@link ReceiveOutcome#deadLetters()} for the caller to move, as SQS moves
   * it on the next receive attempt.
   *
   * @param maxMessages 1 to 10
   * @param visibilityTimeout how long the delivered messages stay hidden
   * @param now the current time
   * @param redriveAfter the redrive policy's {@code maxReceiveCount}, or 0 for no redrive
   * @return the delivered messages, the messages to move, and the queue's version for {@link #awaitChange}
   */
  public ReceiveOutcome receiveNow(int maxMessages, Duration visibilityTimeout, Instant now, int redriveAfter) {
    QueueMessage[] taken = new QueueMessage[maxMessages];
    // What the handles name, read under the lock: another receive may deliver the messages again meanwhile.
    int[] slots = new int[maxMessages];
    int[] deliveries = new int[maxMessages];
    int count = 0;
    List<QueueMessage> deadLetters = List.of();
    long versionAfter;
    synchronized (monitor) {
      ensureExists();
      makeExpiredVisible(now);
      boolean hide = !visibilityTimeout.isZero();
      Instant visibleUntil = hide ? now.plus(visibilityTimeout) : now;
      while (count < maxMessages) {
        QueueMessage message = visible.pollFirst();
        if (message == null) {
          break;
        }
        String group = message.groupId();
        if (group != null) {
          // Groups are blocked by the messages in flight before this call: one receive may take several
          // messages of a group, in order, as SQS does.
          BlockedGroup blocked = blockedGroups.get(group);
          if (blocked != null) {
            blocked.park(message);
            parked++;
            continue;
          }
        }
        if (redriveAfter > 0 && message.receiveCount() >= redriveAfter) {
          delivered.release(message);
          if (deadLetters.isEmpty()) {
            deadLetters = new ArrayList<>(2);
          }
          deadLetters.add(message);
          continue;
        }
        message.deliver(now, visibleUntil);
        delivered.assign(message);
        taken[count] = message;
        slots[count] = message.slot;
        deliveries[count] = message.receiveCount();
        count++;
      }
      for (int i = 0; i < count; i++) {
        if (hide) {
          addInFlight(taken[i]);
        } else {
          visible.addReturned(taken[i]);
        }
      }
      if (!deadLetters.isEmpty()) {
        changed();
      }
      versionAfter = version;
    }
    return new ReceiveOutcome(receivedMessages(taken, slots, deliveries, count), deadLetters, versionAfter);
  }

  private List<ReceivedMessage> receivedMessages(QueueMessage[] taken, int[] slots, int[] deliveries, int count) {
    if (count == 0) {
      return List.of();
    }
    if (count == 1) {
      return List.of(receivedMessage(taken[0], slots[0], deliveries[0]));
    }
    ReceivedMessage[] received = new ReceivedMessage[count];
    for (int i = 0; i < count; i++) {
      received[i] = receivedMessage(taken[i], slots[i], deliveries[i]);
    }
    return List.of(received);
  }

  private ReceivedMessage receivedMessage(QueueMessage message, int slot, int delivery) {
    return new ReceivedMessage(
        message.messageId(),
        handles.format(slot, message.sequence(), delivery),
        message.body(),
        message.attributes(),
        delivery);
  }

  /**
   * Waits until the queue changes after {@code seenVersion}, at most {@code maxWait} of wall time, and no longer
   * than until the next in-flight message becomes visible by the queue's clock. It may return earlier: while the
   * queue changed less than {@link #BUSY_WINDOW_NANOS} ago, it naps for {@link #NAP_NANOS} instead of waiting to be
   * notified, and the caller looks again.
   *
   * <p>Why: under a steady flow of sends, a receiver that keeps up finds the queue empty after nearly every
   * message, and a notified wait then costs every send a wake-up of a parked thread, which on an idle core is an
   * inter-processor interrupt (costly in a virtual machine). A nap is woken by the receiver's own core's timer, and
   * finds every message sent meanwhile. A quiet queue is waited on as before, without any timer, and a message that
   * arrives after a pause is taken at once.
   *
   * @param seenVersion the version of the {@link ReceiveOutcome} that found nothing
   * @param maxWait the longest to wait
   * @param now the current time by the queue's clock
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public void awaitChange(long seenVersion, Duration maxWait, Instant now) throws InterruptedException {
    long nap;
    synchronized (monitor) {
      if (deleted || version != seenVersion) {
        return;
      }
      Duration wait = maxWait;
      QueueMessage next = inFlight.earliest();
      if (next != null) {
        Duration untilVisible = Duration.between(now, next.visibleAt());
        wait = min(wait, min(untilVisible, RECHECK_IN_FLIGHT));
      }
      long remaining = wait.isNegative() ? 0 : wait.toNanos();
      long start = System.nanoTime();
      if (start - lastChangeNanos >= BUSY_WINDOW_NANOS) {
        awaitNotified(seenVersion, start + remaining, remaining);
        return;
      }
      nap = Math.min(remaining, NAP_NANOS);
    }
    if (nap > 0) {
      LockSupport.parkNanos(this, nap);
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  /** Waits on the monitor, which the caller holds, until a change notifies it or the deadline passes. */
  private void awaitNotified(long seenVersion, long deadline, long remaining) throws InterruptedException {
    long left = remaining;
    waiting++;
    try {
      while (!deleted && version == seenVersion && left > 0) {
        monitor.wait(left / 1_000_000, (int) (left % 1_000_000));
        left = deadline - System.nanoTime();
      }
    } finally {
      waiting--;
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
    ReceiptHandles.Parsed handle = handles.parse(receiptHandle);
    synchronized (monitor) {
      ensureExists();
      if (handle == null) {
        throw notAHandle(receiptHandle);
      }
      makeExpiredVisible(now);
      QueueMessage message = delivered.find(handle.slot(), handle.sequence());
      if (message == null || message.receiveCount() != handle.delivery()) {
        throw new BackendException(
            "queue.receipt_handle_invalid",
            "receipt handle \"" + receiptHandle + "\" of queue \"" + spec.name() + "\" is invalid: the message"
                + " does not exist or is not available for visibility timeout change"
                + (message == null ? "" : " (it was received again since)")
                + " (InvalidParameterValue)");
      }
      if (!message.inFlight) {
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
      if (timeout.isZero()) {
        removeInFlight(message);
        message.setVisibleAt(newVisibleAt);
        visible.addReturned(message);
        changed();
      } else {
        // Stays in flight, so its group stays blocked: only its place among the deadlines changes.
        inFlight.remove(message);
        message.setVisibleAt(newVisibleAt);
        inFlight.add(message);
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
    ReceiptHandles.Parsed handle = handles.parse(receiptHandle);
    synchronized (monitor) {
      ensureExists();
      if (handle == null) {
        throw notAHandle(receiptHandle);
      }
      makeExpiredVisible(now);
      if (!deleteLocked(handle)) {
        throw expiredHandle(receiptHandle);
      }
    }
  }

  /**
   * Deletes the messages delivered with {@code receiptHandles}, under one acquisition of the lock, as
   * {@link #delete} each.
   *
   * @param receiptHandles the handles
   * @param now the current time
   * @return the handles {@link #delete} would refuse as invalid (of kind {@code queue.receipt_handle_invalid}), in
   *     order; empty when none
   */
  public List<String> deleteAll(List<String> receiptHandles, Instant now) {
    int count = receiptHandles.size();
    ReceiptHandles.Parsed[] parsed = new ReceiptHandles.Parsed[count];
    for (int i = 0; i < count; i++) {
      parsed[i] = handles.parse(receiptHandles.get(i));
    }
    List<String> failed = List.of();
    synchronized (monitor) {
      ensureExists();
      makeExpiredVisible(now);
      for (int i = 0; i < count; i++) {
        ReceiptHandles.Parsed handle = parsed[i];
        if (handle == null || !deleteLocked(handle)) {
          if (failed.isEmpty()) {
            failed = new ArrayList<>(2);
          }
          failed.add(receiptHandles.get(i));
        }
      }
    }
    return failed;
  }

  /**
   * Deletes the message of a well-formed handle of this queue, if the handle is its current one. Holds the lock.
   *
   * @return {@code false} when a FIFO queue refuses the handle because the delivery has expired
   */
  private boolean deleteLocked(ReceiptHandles.Parsed handle) {
    QueueMessage message = delivered.find(handle.slot(), handle.sequence());
    if (message == null || message.receiveCount() != handle.delivery()) {
      return true;
    }
    if (message.inFlight) {
      removeInFlight(message);
      changed();
    } else if (fifo) {
      return false;
    } else {
      visible.removeReturned(message);
    }
    delivered.release(message);
    return true;
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
      QueueMessage next = inFlight.earliest();
      return next == null ? null : next.visibleAt();
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
      return new QueueCounts(visible.size() + parked, inFlight.size());
    }
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

  private BackendException notAHandle(String receiptHandle) {
    return new BackendException(
        "queue.receipt_handle_invalid",
        "receipt handle \"" + receiptHandle + "\" is not a valid receipt handle of queue \"" + spec.name()
            + "\" (ReceiptHandleIsInvalid)");
  }

  private BackendException expiredHandle(String receiptHandle) {
    return new BackendException(
        "queue.receipt_handle_invalid",
        "receipt handle \"" + receiptHandle + "\" of queue \"" + spec.name() + "\" is invalid: the receipt"
            + " handle has expired (InvalidParameterValue)");
  }

  private void makeExpiredVisible(Instant now) {
    QueueMessage next = inFlight.earliest();
    while (next != null && !next.visibleAt().isAfter(now)) {
      removeInFlight(next);
      visible.addReturned(next);
      next = inFlight.earliest();
    }
  }

  private void addInFlight(QueueMessage message) {
    message.inFlight = true;
    inFlight.add(message);
    String group = message.groupId();
    if (group != null) {
      BlockedGroup blocked = blockedGroups.get(group);
      if (blocked == null) {
        blocked = new BlockedGroup(group);
        blockedGroups.put(group, blocked);
      }
      blocked.enterFlight();
      message.blockedGroup = blocked;
    }
  }

  /** Takes a message out of flight; the last of its group frees the group's parked messages. */
  private void removeInFlight(QueueMessage message) {
    message.inFlight = false;
    inFlight.remove(message);
    BlockedGroup blocked = message.blockedGroup;
    if (blocked != null) {
      message.blockedGroup = null;
      if (blocked.leaveFlight()) {
        blockedGroups.remove(blocked.groupId());
        for (QueueMessage waiting : blocked.parked()) {
          visible.addReturned(waiting);
          parked--;
        }
      }
    }
  }

  private void forgetExpiredDeduplications(Instant now) {
    deduplication.forgetExpired(now);
  }

  private void changed() {
    version++;
    lastChangeNanos = System.nanoTime();
    if (waiting > 0) {
      monitor.notifyAll();
    }
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

  /** What a FIFO send would have its queue remember: its deduplication id, its message id, when the window closes. */
  private record Deduplication(String deduplicationId, UUID messageId, Instant expiresAt) {}

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
