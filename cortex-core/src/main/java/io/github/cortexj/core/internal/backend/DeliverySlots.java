package io.github.cortexj.core.internal.backend;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The messages a queue has delivered and still holds, by a small integer that their receipt handles carry, so that
 * a handle finds its message with an array access instead of a hash lookup. Freed slots are reused; a handle whose
 * slot now holds another message is told apart by the message's sequence, which the handle carries too.
 *
 * <p>Not thread safe: used only under the owning queue's lock.
 */
final class DeliverySlots {

  private static final int INITIAL_CAPACITY = 64;

  private @Nullable QueueMessage[] messages = new QueueMessage[INITIAL_CAPACITY];
  private int[] free = new int[INITIAL_CAPACITY];
  private int freeCount;
  /** Slots below this have been used at least once; those above never. */
  private int highWater;

  /** Gives {@code message} a slot, if it has none yet. */
  void assign(QueueMessage message) {
    if (message.slot != QueueMessage.NO_SLOT) {
      return;
    }
    int slot;
    if (freeCount > 0) {
      slot = free[--freeCount];
    } else {
      if (highWater == messages.length) {
        messages = Arrays.copyOf(messages, highWater * 2);
        free = Arrays.copyOf(free, highWater * 2);
      }
      slot = highWater++;
    }
    messages[slot] = message;
    message.slot = slot;
  }

  /** Frees {@code message}'s slot, if it has one: the message is gone from the queue. */
  void release(QueueMessage message) {
    int slot = message.slot;
    if (slot == QueueMessage.NO_SLOT) {
      return;
    }
    messages[slot] = null;
    message.slot = QueueMessage.NO_SLOT;
    free[freeCount++] = slot;
  }

  /**
   * Returns the message in {@code slot} if its sequence is {@code sequence}.
   *
   * @return the message, or {@code null} when the slot is out of range, empty or holds another message
   */
  @Nullable QueueMessage find(long slot, long sequence) {
    if (slot < 0 || slot >= highWater) {
      return null;
    }
    QueueMessage message = messages[(int) slot];
    return message != null && message.sequence() == sequence ? message : null;
  }

  /** Forgets every message. */
  void clear() {
    messages = new QueueMessage[INITIAL_CAPACITY];
    free = new int[INITIAL_CAPACITY];
    freeCount = 0;
    highWater = 0;
  }
}
