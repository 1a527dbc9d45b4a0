package io.github.cortexj.batch;

import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.backend.SendBatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A queue backend whose batch sends report every other entry as failed (as SQS may, with HTTP 200), the first
 * time each entry is sent. Thread safe.
 */
final class FlakySendQueueBackend extends ForwardingQueueBackend {

  private final java.util.Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
  final AtomicInteger reportedFailures = new AtomicInteger();
  /** Receives in progress, by queue URL. */
  private final java.util.Map<String, AtomicInteger> receiving = new java.util.concurrent.ConcurrentHashMap<>();
  /** Queues deleted while a receive on them was in progress. */
  final java.util.Set<String> deletedWhilePolled = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Queues deleted. */
  final java.util.Set<String> deleted = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** When set, every batch send first waits for this latch (to hold an enqueuer mid-way). */
  volatile java.util.concurrent.@org.jspecify.annotations.Nullable CountDownLatch sendGate;
  final java.util.concurrent.CountDownLatch sendWaiting = new java.util.concurrent.CountDownLatch(1);

  FlakySendQueueBackend(QueueBackend delegate) {
    super(delegate);
  }

  @Override
  public SendBatchResult sendBatch(String queueUrl, List<OutgoingMessage> messages) {
    java.util.concurrent.CountDownLatch gate = sendGate;
    if (gate != null) {
      sendWaiting.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<OutgoingMessage> passed = new ArrayList<>();
    List<SendBatchResult.Failed> failed = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      OutgoingMessage message = messages.get(i);
      if (i % 2 == 1 && failedOnce.add(message.entryId())) {
        failed.add(new SendBatchResult.Failed(message.entryId(), "InternalError", "try again", false));
        reportedFailures.incrementAndGet();
      } else {
        passed.add(message);
      }
    }
    SendBatchResult sent = passed.isEmpty() ? new SendBatchResult(List.of(), List.of())
        : delegate.sendBatch(queueUrl, passed);
    List<SendBatchResult.Failed> allFailed = new ArrayList<>(sent.failed());
    allFailed.addAll(failed);
    return new SendBatchResult(sent.successful(), allFailed);
  }

  @Override
  public void deleteQueue(String queueUrl) {
    AtomicInteger inProgress = receiving.get(queueUrl);
    if (inProgress != null && inProgress.get() > 0) {
      deletedWhilePolled.add(queueUrl);
    }
    deleted.add(queueUrl);
    delegate.deleteQueue(queueUrl);
  }

  @Override
  public List<ReceivedMessage> receive(String queueUrl, ReceiveRequest request) {
    AtomicInteger inProgress = receiving.computeIfAbsent(queueUrl, url -> new AtomicInteger());
    inProgress.incrementAndGet();
    try {
      return delegate.receive(queueUrl, request);
    } finally {
      inProgress.decrementAndGet();
    }
  }

}
