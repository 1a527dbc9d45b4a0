package io.github.cortexj.core.internal.backend;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One message held by a {@link MemoryQueue}: its immutable content plus its delivery state.
 *
 * <p>Not thread safe: the delivery state is only read and written under the owning queue's lock.
 */
public final class QueueMessage {

  private final String messageId;
  private final String body;
  private final Map<String, String> attributes;
  private final @Nullable String groupId;
  private final long sequence;
  private int receiveCount;
  private Instant visibleAt;
  private boolean inFlight;
  private @Nullable String receiptHandle;
  private @Nullable Instant receivedAt;

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

  long sequence() {
    return sequence;
  }

  int receiveCount() {
    return receiveCount;
  }

  Instant visibleAt() {
    return visibleAt;
  }

  boolean inFlight() {
    return inFlight;
  }

  @Nullable String receiptHandle() {
    return receiptHandle;
  }

  @Nullable Instant receivedAt() {
    return receivedAt;
  }

  /** Records a delivery: one more receive, a new receipt handle, hidden until {@code visibleUntil}. */
  void deliver(String handle, Instant now, Instant visibleUntil) {
    receiveCount++;
    receiptHandle = handle;
    receivedAt = now;
    visibleAt = visibleUntil;
  }

  void setVisibleAt(Instant instant) {
    visibleAt = instant;
  }

  void setInFlight(boolean value) {
    inFlight = value;
  }
}
