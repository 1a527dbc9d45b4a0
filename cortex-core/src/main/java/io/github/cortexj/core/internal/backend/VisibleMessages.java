package io.github.cortexj.core.internal.backend;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A queue's visible messages in send order (their sequence), kept in two parts so that the common path costs
 * constant time: messages that joined the queue and have not been delivered since, which arrive in sequence order
 * and so form a plain deque; and the few that became visible again after a delivery, sorted by sequence. Taking
 * the first message compares the two heads.
 *
 * <p>Not thread safe: used only under the owning queue's lock.
 */
final class VisibleMessages {

  /** Messages not delivered since they joined the queue, by ascending sequence (each joins with the highest). */
  private final ArrayDeque<QueueMessage> arrived = new ArrayDeque<>();

  /** Messages visible again after a delivery, by sequence. */
  private final TreeMap<Long, QueueMessage> returned = new TreeMap<>();

  /** Adds a message that just joined the queue, whose sequence is higher than any other's. */
  void addArrived(QueueMessage message) {
    arrived.addLast(message);
  }

  /** Adds a message that was delivered before and is visible again. */
  void addReturned(QueueMessage message) {
    returned.put(message.sequence(), message);
  }

  /** Removes and returns the visible message that was sent first, or {@code null} when there is none. */
  @Nullable QueueMessage pollFirst() {
    QueueMessage fresh = arrived.peekFirst();
    if (returned.isEmpty()) {
      return fresh == null ? null : arrived.pollFirst();
    }
    if (fresh != null && fresh.sequence() < returned.firstKey()) {
      return arrived.pollFirst();
    }
    Map.Entry<Long, QueueMessage> first = returned.pollFirstEntry();
    return first == null ? null : first.getValue();
  }

  /**
   * Removes a message that was delivered before and is visible again (the only kind a receipt handle can name).
   *
   * @return whether it was here
   */
  boolean removeReturned(QueueMessage message) {
    return returned.remove(message.sequence(), message);
  }

  int size() {
    return arrived.size() + returned.size();
  }

  /** Forgets every message. */
  void clear() {
    arrived.clear();
    returned.clear();
  }
}
