package io.github.cortexj.testkit.internal;

import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.QueueCounts;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.backend.SendBatchResult;
import io.github.cortexj.testkit.Faults.QueueCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link QueueBackend} decorator that logs every state-changing call to the cluster's {@link ClusterEvents} and
 * applies the {@link FaultPlan}: failed calls, crashed deliveries, early expiry and duplicate delivery.
 *
 * <p>Thread safe as far as the delegate is.
 */
public final class InstrumentedQueueBackend implements QueueBackend {

  private final QueueBackend delegate;
  private final ClusterEvents events;
  private final FaultPlan faults;
  private final Map<String, String> messageByReceipt = new ConcurrentHashMap<>();
  private final Map<String, Long> lastPolled = new ConcurrentHashMap<>();
  private final Map<String, Hidden> hidden = new ConcurrentHashMap<>();

  /**
   * When a received message becomes visible again, as far as this decorator has seen, and whether its last
   * hiding was an idle poll: the message was received and hidden again with nothing else happening (a
   * completion check finding batches still running), so its deadline only matters once something else happens.
   *
   * @param queueUrl the message's queue
   * @param visibleAt when it becomes visible again, by the cluster's clock
   * @param pollMark the progress count at an idle poll's hide, or -1
   */
  public record Hidden(String queueUrl, java.time.Instant visibleAt, long pollMark) {}


  /** Who received a message, and how much that thread had done by then. */
  private record Receipt(Thread thread, long threadProgress) {}

  private final Map<String, Receipt> receivedBy = new ConcurrentHashMap<>();
  private final java.time.Clock clock;

  /**
   * Wraps a backend.
   *
   * @param delegate the real backend
   * @param events the log
   * @param faults the planned faults
   * @param clock the cluster's clock, to know when hidden messages come back
   */
  public InstrumentedQueueBackend(
      QueueBackend delegate, ClusterEvents events, FaultPlan faults, java.time.Clock clock) {
    this.clock = clock;
    this.delegate = delegate;
    this.events = events;
    this.faults = faults;
  }

  static String queueName(String queueUrl) {
    int slash = queueUrl.lastIndexOf('/');
    return slash < 0 ? queueUrl : queueUrl.substring(slash + 1);
  }

  @Override
  public String createQueue(QueueSpec spec) {
    faults.beforeQueueCall(QueueCall.CREATE_QUEUE, spec.name());
    String url = delegate.createQueue(spec);
    events.activity("queue", "create queue " + spec.name());
    return url;
  }

  @Override
  public Optional<String> queueUrl(String name) {
    return delegate.queueUrl(name);
  }

  @Override
  public String queueArn(String queueUrl) {
    return delegate.queueArn(queueUrl);
  }

  @Override
  public void deleteQueue(String queueUrl) {
    faults.beforeQueueCall(QueueCall.DELETE_QUEUE, queueName(queueUrl));
    delegate.deleteQueue(queueUrl);
    hidden.values().removeIf(entry -> entry.queueUrl().equals(queueUrl));
    lastPolled.remove(queueUrl);
    events.activity("queue", "delete queue " + queueName(queueUrl));
  }

  @Override
  public String send(String queueUrl, OutgoingMessage message) {
    faults.beforeQueueCall(QueueCall.SEND, queueName(queueUrl));
    String id = delegate.send(queueUrl, message);
    events.activity("queue", "send " + describe(id, message.body()) + " to " + queueName(queueUrl));
    return id;
  }

  @Override
  public SendBatchResult sendBatch(String queueUrl, List<OutgoingMessage> messages) {
    faults.beforeQueueCall(QueueCall.SEND_BATCH, queueName(queueUrl));
    SendBatchResult result = delegate.sendBatch(queueUrl, messages);
    for (SendBatchResult.Sent sent : result.successful()) {
      String body = "";
      for (OutgoingMessage message : messages) {
        if (message.entryId().equals(sent.entryId())) {
          body = message.body();
        }
      }
      events.activity("queue", "send " + describe(sent.messageId(), body) + " to " + queueName(queueUrl));
    }
    for (SendBatchResult.Failed failed : result.failed()) {
      events.activity("queue", "send of entry " + failed.entryId() + " to " + queueName(queueUrl) + " refused: "
          + failed.message());
    }
    return result;
  }

  @Override
  public List<ReceivedMessage> receive(String queueUrl, ReceiveRequest request) {
    ReceivedMessage duplicate = faults.takeDuplicate(queueUrl);
    if (duplicate != null) {
      events.activity("queue", "receive " + describe(duplicate.messageId(), duplicate.body()) + " from "
          + queueName(queueUrl) + " (attempt " + duplicate.receiveCount() + ", duplicate delivery)");
      return List.of(duplicate);
    }
    faults.beforeQueueCall(QueueCall.RECEIVE, queueName(queueUrl));
    lastPolled.put(queueUrl, System.nanoTime());
    List<ReceivedMessage> received = delegate.receive(queueUrl, request);
    if (received.isEmpty()) {
      return received;
    }
    List<ReceivedMessage> copy = new ArrayList<>(received);
    java.time.Instant visibleAt = clock.instant().plus(request.visibilityTimeout());
    for (ReceivedMessage message : copy) {
      messageByReceipt.put(message.receiptHandle(), message.messageId());
      events.activityWithoutProgress("queue", "receive " + describe(message.messageId(), message.body()) + " from "
          + queueName(queueUrl) + " (attempt " + message.receiveCount() + ")");
      receivedBy.put(message.messageId(), new Receipt(Thread.currentThread(), events.threadProgress()));
      hidden.put(message.messageId(), new Hidden(queueUrl, visibleAt, -1));
    }
    faults.afterReceive(delegate, queueUrl, copy);
    return received;
  }

  @Override
  public void changeVisibility(String queueUrl, String receiptHandle, Duration timeout) {
    if (faults.crashed(receiptHandle)) {
      return; // the worker holding this delivery is dead: nothing it would do happens
    }
    faults.beforeQueueCall(QueueCall.CHANGE_VISIBILITY, queueName(queueUrl));
    delegate.changeVisibility(queueUrl, receiptHandle, timeout);
    String messageId = message(receiptHandle);
    Receipt received = receivedBy.remove(messageId);
    // Put back by the thread that received it, with nothing done in between: a look that changed nothing.
    boolean idlePoll =
        received != null
            && received.thread() == Thread.currentThread()
            && received.threadProgress() == events.threadProgress();
    String text = "hide message " + messageId + " of " + queueName(queueUrl) + " for " + VirtualTime.human(timeout);
    if (idlePoll) {
      events.activityWithoutProgress("queue", text);
    } else {
      events.activity("queue", text);
    }
    hidden.put(messageId, new Hidden(queueUrl, clock.instant().plus(timeout), idlePoll ? events.progress() : -1));
  }

  @Override
  public void delete(String queueUrl, String receiptHandle) {
    if (faults.crashed(receiptHandle)) {
      return;
    }
    faults.beforeQueueCall(QueueCall.DELETE, queueName(queueUrl));
    delegate.delete(queueUrl, receiptHandle);
    String messageId = message(receiptHandle);
    hidden.remove(messageId);
    receivedBy.remove(messageId);
    events.activity("queue", "delete message " + messageId + " from " + queueName(queueUrl));
  }

  @Override
  public List<String> deleteBatch(String queueUrl, List<String> receiptHandles) {
    faults.beforeQueueCall(QueueCall.DELETE_BATCH, queueName(queueUrl));
    List<String> failed = delegate.deleteBatch(queueUrl, receiptHandles);
    for (String handle : receiptHandles) {
      if (!failed.contains(handle)) {
        hidden.remove(message(handle));
      }
    }
    events.activity("queue", "delete " + (receiptHandles.size() - failed.size()) + " messages from "
        + queueName(queueUrl));
    return failed;
  }

  @Override
  public QueueCounts counts(String queueUrl) {
    return delegate.counts(queueUrl);
  }

  /**
   * Returns the queues some consumer has received from within the last {@code windowNanos} of wall time: the
   * queues whose visible messages count as work about to run.
   *
   * @param windowNanos the window
   * @return the queue URLs
   */
  public List<String> recentlyPolled(long windowNanos) {
    long now = System.nanoTime();
    List<String> urls = new ArrayList<>();
    lastPolled.forEach(
        (url, at) -> {
          if (now - at <= windowNanos) {
            urls.add(url);
          }
        });
    return urls;
  }

  /**
   * Returns the messages this decorator has seen hidden (received, or their visibility changed) and not deleted,
   * by message id.
   *
   * @return a snapshot
   */
  public Map<String, Hidden> hidden() {
    return Map.copyOf(hidden);
  }

  /**
   * Forgets a queue that no longer exists.
   *
   * @param queueUrl the queue
   */
  public void forget(String queueUrl) {
    lastPolled.remove(queueUrl);
  }

  private String message(String receiptHandle) {
    return messageByReceipt.getOrDefault(receiptHandle, "?");
  }

  private static String describe(String messageId, String body) {
    if (body.startsWith("[")) {
      return "batch " + messageId;
    }
    String preview = body.length() > 40 ? body.substring(0, 40) + "..." : body;
    return "message " + messageId + " " + preview;
  }

  @Override
  public String toString() {
    return "Instrumented[" + delegate + "]";
  }
}
