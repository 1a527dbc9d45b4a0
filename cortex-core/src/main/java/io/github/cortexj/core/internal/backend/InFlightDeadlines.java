package io.github.cortexj.core.internal.backend;

import java.util.Comparator;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A queue's in-flight messages ordered by the time they become visible again, built for the usual order of
 * events: deliveries with one visibility timeout arrive with ever later deadlines, and most leave flight by being
 * deleted, anywhere in the order.
 *
 * <p>The messages form a doubly linked list through their own fields, sorted by deadline: a deadline no earlier
 * than the last is appended, and any message is unlinked, in constant time. A deadline that would have to walk
 * back more than a few places (a shorter timeout than the others') goes to a small sorted overflow instead, so no
 * insertion degrades to a linear search.
 *
 * <p>Not thread safe: used only under the owning queue's lock.
 */
final class InFlightDeadlines {

  /** How far an insertion walks back from the end of the list before it goes to the overflow. */
  private static final int MAX_STEPS_BACK = 8;

  private static final Comparator<QueueMessage> BY_VISIBLE_AT =
      (a, b) -> {
        int byTime = a.visibleAt().compareTo(b.visibleAt());
        return byTime != 0 ? byTime : Long.compare(a.sequence(), b.sequence());
      };

  private @Nullable QueueMessage first;
  private @Nullable QueueMessage last;
  private final TreeSet<QueueMessage> overflow = new TreeSet<>(BY_VISIBLE_AT);
  private int size;

  /** Adds a message whose {@link QueueMessage#visibleAt()} is its deadline; it must not change while here. */
  void add(QueueMessage message) {
    size++;
    QueueMessage after = last;
    int steps = 0;
    while (after != null && after.visibleAt().isAfter(message.visibleAt())) {
      if (++steps > MAX_STEPS_BACK) {
        message.inOverflow = true;
        overflow.add(message);
        return;
      }
      after = after.earlier;
    }
    // Link after `after` (or first when null).
    QueueMessage before = after == null ? first : after.later;
    message.earlier = after;
    message.later = before;
    if (after == null) {
      first = message;
    } else {
      after.later = message;
    }
    if (before == null) {
      last = message;
    } else {
      before.earlier = message;
    }
  }

  /** Removes a message added before. */
  void remove(QueueMessage message) {
    size--;
    if (message.inOverflow) {
      message.inOverflow = false;
      overflow.remove(message);
      return;
    }
    QueueMessage before = message.earlier;
    QueueMessage after = message.later;
    if (before == null) {
      first = after;
    } else {
      before.later = after;
    }
    if (after == null) {
      last = before;
    } else {
      after.earlier = before;
    }
    message.earlier = null;
    message.later = null;
  }

  /** Returns the message with the earliest deadline, or {@code null} when there is none. */
  @Nullable QueueMessage earliest() {
    QueueMessage listed = first;
    if (overflow.isEmpty()) {
      return listed;
    }
    QueueMessage overflowing = overflow.first();
    return listed == null || BY_VISIBLE_AT.compare(overflowing, listed) < 0 ? overflowing : listed;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Forgets every message. */
  void clear() {
    QueueMessage message = first;
    while (message != null) {
      QueueMessage next = message.later;
      message.earlier = null;
      message.later = null;
      message = next;
    }
    first = null;
    last = null;
    overflow.clear();
    size = 0;
  }
}
