package io.github.cortexj.testkit.internal;

import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.testkit.Faults;
import io.github.cortexj.testkit.InjectedFaultException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The faults planned for one test cluster and the counters that decide when each fires; the backend decorators
 * and the handler wrapper consult it on every call.
 *
 * <p>Thread safe: every method is synchronized (the calls are cheap).
 */
public final class FaultPlan {

  /** What a planned batch fault does to the delivery it hits. */
  public enum BatchFaultKind {
    /** The worker dies after the handler ran, before the outcome is recorded; no renewal, no delete. */
    CRASH,
    /** The delivery's visibility is set to zero at once, so the batch can be received again meanwhile. */
    EXPIRE_EARLY,
    /** The delivery is handed out a second time, on the next receive from the same queue. */
    DELIVER_TWICE
  }

  private record CallFault(String operation, String keyContains, long target) {}

  private record BatchFault(BatchFaultKind kind, long target) {}

  private final ClusterEvents events;
  private final Map<Faults.QueueCall, Long> queueCalls = new EnumMap<>(Faults.QueueCall.class);
  private final Map<Faults.StoreCall, Long> storeCalls = new EnumMap<>(Faults.StoreCall.class);
  private final Map<String, Long> matchingStoreCalls = new HashMap<>();
  private final List<CallFault> callFaults = new ArrayList<>();
  private final List<BatchFault> batchFaults = new ArrayList<>();
  private final Set<String> crashedReceipts = new HashSet<>();
  private final Set<String> crashedMessages = new HashSet<>();
  private final Map<String, Deque<ReceivedMessage>> duplicates = new HashMap<>();
  private final Set<Long> hangs = new HashSet<>();
  private final List<String> fired = new ArrayList<>();
  private final ThreadLocal<Boolean> observing = ThreadLocal.withInitial(() -> Boolean.FALSE);
  private long batchDeliveries;
  private long handlerCalls;

  /**
   * Creates an empty plan.
   *
   * @param events where fired faults are logged
   */
  public FaultPlan(ClusterEvents events) {
    this.events = events;
  }

  /**
   * Runs {@code action} on this thread with faults suspended: the cluster's own polls and diagnostics must
   * neither fire nor count planned faults.
   *
   * @param action what to run
   * @param <T> the result type
   * @return its result
   */
  public <T> T observing(java.util.function.Supplier<T> action) {
    if (observing.get()) {
      return action.get();
    }
    observing.set(Boolean.TRUE);
    try {
      return action.get();
    } finally {
      observing.set(Boolean.FALSE);
    }
  }

  /**
   * Plans the failure of a queue call.
   *
   * @param call the operation
   * @param nth which call from now, 1 for the next
   */
  public synchronized void failQueueCall(Faults.QueueCall call, int nth) {
    callFaults.add(new CallFault("queue:" + call, "", queueCalls.getOrDefault(call, 0L) + nth));
  }

  /**
   * Plans the failure of an object-store call on a key containing {@code keyContains}.
   *
   * @param call the operation
   * @param keyContains what the key must contain (empty for any key)
   * @param nth which matching call from now, 1 for the next
   */
  public synchronized void failStoreCall(Faults.StoreCall call, String keyContains, int nth) {
    String counter = call + "|" + keyContains;
    callFaults.add(new CallFault("store:" + counter, keyContains, matchingStoreCalls.getOrDefault(counter, 0L) + nth));
    matchingStoreCalls.putIfAbsent(counter, 0L);
  }

  /**
   * Plans a fault on a batch delivery.
   *
   * @param kind the fault
   * @param nth which batch delivery from now, 1 for the next
   */
  public synchronized void batchFault(BatchFaultKind kind, int nth) {
    batchFaults.add(new BatchFault(kind, batchDeliveries + nth));
  }

  /**
   * Plans a handler that hangs until interrupted.
   *
   * @param nth which batch handled from now, 1 for the next
   */
  public synchronized void hangBatch(int nth) {
    hangs.add(handlerCalls + nth);
  }

  /**
   * Counts a queue call and throws when a planned failure is due.
   *
   * @param call the operation
   * @param queue the queue's name, for the message
   */
  public synchronized void beforeQueueCall(Faults.QueueCall call, String queue) {
    if (observing.get()) {
      return;
    }
    long count = queueCalls.merge(call, 1L, Long::sum);
    Iterator<CallFault> it = callFaults.iterator();
    while (it.hasNext()) {
      CallFault fault = it.next();
      if (fault.operation().equals("queue:" + call) && fault.target() == count) {
        it.remove();
        throw fire(new InjectedFaultException(
            "injected fault: " + call + " call #" + count + " to the queue backend (queue " + queue + ") failed"));
      }
    }
  }

  /** Whether a key is one of the batch's records: {@code .../<id>/...}, or a group of successes naming it. */
  private static boolean namesBatch(String key, String messageId) {
    for (int at = key.indexOf(messageId); at >= 0; at = key.indexOf(messageId, at + 1)) {
      int end = at + messageId.length();
      boolean starts = at > 0 && (key.charAt(at - 1) == '/' || key.charAt(at - 1) == '.');
      boolean ends = end == key.length() || key.charAt(end) == '/' || key.charAt(end) == '.';
      if (starts && ends) {
        return true;
      }
    }
    return false;
  }

  /**
   * Counts an object-store call and throws when a planned failure is due, or when the key belongs to a batch
   * whose worker has crashed (its outcome is never written).
   *
   * @param call the operation
   * @param key the key
   */
  public synchronized void beforeStoreCall(Faults.StoreCall call, String key) {
    if (observing.get()) {
      return;
    }
    storeCalls.merge(call, 1L, Long::sum);
    if (call == Faults.StoreCall.PUT) {
      for (Iterator<String> it = crashedMessages.iterator(); it.hasNext(); ) {
        String messageId = it.next();
        if (namesBatch(key, messageId)) {
          it.remove();
          throw fire(new InjectedFaultException(
              "injected fault: the worker handling batch " + messageId + " crashed before writing " + key));
        }
      }
    }
    Iterator<CallFault> it = callFaults.iterator();
    while (it.hasNext()) {
      CallFault fault = it.next();
      String prefix = "store:" + call + "|";
      if (!fault.operation().startsWith(prefix) || !key.contains(fault.keyContains())) {
        continue;
      }
      String counter = fault.operation().substring("store:".length());
      long count = matchingStoreCalls.merge(counter, 1L, Long::sum);
      if (fault.target() == count) {
        it.remove();
        throw fire(new InjectedFaultException(
            "injected fault: " + call + " call #" + count + " to the object store"
                + (fault.keyContains().isEmpty() ? "" : " on a key containing \"" + fault.keyContains() + "\"")
                + " (key " + key + ") failed"));
      }
    }
  }

  /**
   * Returns a message planned to be delivered again on this queue, if any.
   *
   * @param queueUrl the queue
   * @return the duplicate, or {@code null}
   */
  public synchronized @org.jspecify.annotations.Nullable ReceivedMessage takeDuplicate(String queueUrl) {
    Deque<ReceivedMessage> pending = duplicates.get(queueUrl);
    ReceivedMessage message = pending == null ? null : pending.pollFirst();
    if (message != null) {
      fired("delivered batch " + message.messageId() + " a second time");
    }
    return message;
  }

  /**
   * Applies the planned batch faults to messages just received.
   *
   * @param raw the undecorated backend, for early expiry
   * @param queueUrl the queue
   * @param received what the backend delivered
   */
  public synchronized void afterReceive(QueueBackend raw, String queueUrl, List<ReceivedMessage> received) {
    for (ReceivedMessage message : received) {
      if (!message.body().startsWith("[")) {
        continue; // only batches (JSON arrays) count as batch deliveries
      }
      long delivery = ++batchDeliveries;
      Iterator<BatchFault> it = batchFaults.iterator();
      while (it.hasNext()) {
        BatchFault fault = it.next();
        if (fault.target() != delivery) {
          continue;
        }
        it.remove();
        switch (fault.kind()) {
          case CRASH -> {
            crashedReceipts.add(message.receiptHandle());
            crashedMessages.add(message.messageId());
            fired("the worker that received batch " + message.messageId() + " (attempt " + message.receiveCount()
                + ") will crash: no renewal, no outcome, no delete");
          }
          case EXPIRE_EARLY -> {
            raw.changeVisibility(queueUrl, message.receiptHandle(), Duration.ZERO);
            fired("expired the visibility of batch " + message.messageId() + " (attempt " + message.receiveCount()
                + ") at once");
          }
          case DELIVER_TWICE -> {
            duplicates.computeIfAbsent(queueUrl, url -> new ArrayDeque<>()).addLast(message);
            fired("batch " + message.messageId() + " will be delivered twice");
          }
        }
      }
    }
  }

  /**
   * Returns whether calls with this receipt handle are lost because its worker crashed.
   *
   * @param receiptHandle the handle
   * @return {@code true} to drop the call
   */
  public synchronized boolean crashed(String receiptHandle) {
    return crashedReceipts.contains(receiptHandle);
  }

  /**
   * Counts a handler call and returns whether it must hang until interrupted.
   *
   * @param batchId the batch, for the log
   * @return {@code true} to hang
   */
  public synchronized boolean hangNow(String batchId) {
    long call = ++handlerCalls;
    if (hangs.remove(call)) {
      fired("the handler of batch " + batchId + " hangs until interrupted");
      return true;
    }
    return false;
  }

  /**
   * Returns a description of every fault that fired, in order.
   *
   * @return the descriptions
   */
  public synchronized List<String> fired() {
    return List.copyOf(fired);
  }

  private InjectedFaultException fire(InjectedFaultException e) {
    fired(e.getMessage());
    return e;
  }

  private void fired(String description) {
    fired.add(description);
    events.activity("fault", description);
  }
}
