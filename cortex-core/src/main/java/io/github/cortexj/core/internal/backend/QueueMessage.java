package io.github.cortexj.core.internal.backend;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One message held by a {@link MemoryQueue}: its immutable content plus its delivery state, and the links that
 * place it in the queue's structures (so that a message is found and moved without searching for it).
 *
 * <p>Not thread safe: the delivery state is only read and written under the owning queue's lock.
 */
public final class QueueMessage {

  /** No delivery slot: the message has not been delivered by this queue, or is gone. */
  static final int NO_SLOT = -1;

  private final String messageId;
  private final String body;
  private final Map<String, String> attributes;
  private final @Nullable String groupId;
  private final long sequence;
  private int receiveCount;
  private Instant visibleAt;
  private @Nullable Instant receivedAt;

  /** Where the message's receipt handles point ({@link DeliverySlots}), or {@link #NO_SLOT}. */
  int slot = NO_SLOT;

  /** Whether the message is hidden by a delivery and listed in {@link InFlightDeadlines}. */
  boolean inFlight;

  /** {@link InFlightDeadlines}: the neighbours in its ordered list, and whether it sits in the overflow instead. */
  @Nullable QueueMessage earlier;

  @Nullable QueueMessage later;
  boolean inOverflow;

  /** FIFO: the blocked group this in-flight message counts in, so that leaving flight needs no lookup. */
  @Nullable BlockedGroup blockedGroup;

  QueueMessage(
      String messageId,
      String body,
      Map<String, String> attributes,
      @Nullable String groupId,
      long sequence,
      int receiveCount,
      Instant visibleAt) {
    this.messageId = messageId;
    this.body = body;
    this.attributes = Map.copyOf(attributes);
    this.groupId = groupId;
    this.sequence = sequence;
    this.receiveCount = receiveCount;
    this.visibleAt = visibleAt;
  }

  /**
   * Returns a copy of this message for another queue: same id, content and receive count, a new position, visible
   * at {@code now} and not received there yet.
   */
  QueueMessage movedTo(long newSequence, Instant now) {
    return new QueueMessage(messageId, body, attributes, groupId, newSequence, receiveCount, now);
  }

  /**
   * Returns the id the queue assigned when the message was sent.
   *
   * @return the message id
   */
  public String messageId() {
    return messageId;
  }

  String body() {
    return body;
  }

  Map<String, String> attributes() {
    return attributes;
  }

  @Nullable String groupId() {
    return groupId;
  }

  /** The message's place in its queue's send order; unique within the queue. */
  long sequence() {
    return sequence;
  }

  int receiveCount() {
    return receiveCount;
  }

  Instant visibleAt() {
    return visibleAt;
  }

  @Nullable Instant receivedAt() {
    return receivedAt;
  }

  /** Records a delivery: one more receive, hidden until {@code visibleUntil}. */
  void deliver(Instant now, Instant visibleUntil) {
    receiveCount++;
    receivedAt = now;
    visibleAt = visibleUntil;
  }

  void setVisibleAt(Instant instant) {
    visibleAt = instant;
  }
}
