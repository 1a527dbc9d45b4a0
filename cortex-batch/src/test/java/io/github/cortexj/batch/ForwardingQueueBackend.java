package io.github.cortexj.batch;

import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.QueueCounts;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.backend.SendBatchResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A queue backend that passes every call to another; tests override the calls they change. */
abstract class ForwardingQueueBackend implements QueueBackend {

  protected final QueueBackend delegate;

  ForwardingQueueBackend(QueueBackend delegate) {
    this.delegate = delegate;
  }

  @Override
  public String createQueue(QueueSpec spec) {
    return delegate.createQueue(spec);
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
    delegate.deleteQueue(queueUrl);
  }

  @Override
  public String send(String queueUrl, OutgoingMessage message) {
    return delegate.send(queueUrl, message);
  }

  @Override
  public SendBatchResult sendBatch(String queueUrl, List<OutgoingMessage> messages) {
    return delegate.sendBatch(queueUrl, messages);
  }

  @Override
  public List<ReceivedMessage> receive(String queueUrl, ReceiveRequest request) {
    return delegate.receive(queueUrl, request);
  }

  @Override
  public void changeVisibility(String queueUrl, String receiptHandle, Duration timeout) {
    delegate.changeVisibility(queueUrl, receiptHandle, timeout);
  }

  @Override
  public void delete(String queueUrl, String receiptHandle) {
    delegate.delete(queueUrl, receiptHandle);
  }

  @Override
  public List<String> deleteBatch(String queueUrl, List<String> receiptHandles) {
    return delegate.deleteBatch(queueUrl, receiptHandles);
  }

  @Override
  public QueueCounts counts(String queueUrl) {
    return delegate.counts(queueUrl);
  }
}
