package io.github.cortexj.core.internal.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * A FIFO message group with messages in flight, which delivers nothing else until none is; and the group's
 * visible messages that receives passed over meanwhile, kept aside so that no receive looks at them again until
 * the group is free.
 *
 * <p>Not thread safe: used only under the owning queue's lock.
 */
final class BlockedGroup {

  private final String groupId;
  private int inFlight;
  private List<QueueMessage> parked = List.of();

  BlockedGroup(String groupId) {
    this.groupId = groupId;
  }

  String groupId() {
    return groupId;
  }

  /** Counts one more message of the group in flight. */
  void enterFlight() {
    inFlight++;
  }

  /**
   * Counts one message of the group out of flight.
   *
   * @return whether none is in flight any more, so the group is free
   */
  boolean leaveFlight() {
    return --inFlight == 0;
  }

  /** Keeps a visible message of the group aside until the group is free. */
  void park(QueueMessage message) {
    if (parked.isEmpty()) {
      parked = new ArrayList<>(4);
    }
    parked.add(message);
  }

  /** Returns the messages kept aside, in no particular order. */
  List<QueueMessage> parked() {
    return parked;
  }
}
