package io.github.cortexj.aws;

import io.github.cortexj.aws.internal.AwsClientFactory;
import io.github.cortexj.aws.internal.BatchLimits;
import io.github.cortexj.aws.internal.RedrivePolicyJson;
import io.github.cortexj.aws.internal.SdkErrorTranslator;
import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.QueueCounts;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.backend.RedrivePolicy;
import io.github.cortexj.core.backend.SendBatchResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * A {@link QueueBackend} on Amazon SQS (or a server that speaks its protocol, such as ElasticMQ), through the AWS
 * SDK for Java v2.
 *
 * <p>It creates FIFO queues as Cortex's controller does ({@code FifoQueue}, {@code VisibilityTimeout}, a
 * {@code RedrivePolicy} whose {@code maxReceiveCount} is a string, no content-based deduplication), checks batch
 * limits before sending so that oversized batches fail with a typed error, reports partially failed batches entry
 * by entry, and caps visibility changes at SQS's 12-hour maximum instead of failing. Durations are rounded up to
 * whole seconds, SQS's unit. SDK errors become {@link BackendException}s naming the queue; throttling, 5xx and I/O
 * failures have already been retried by the SDK's standard retry mode.
 *
 * <p>Thread safe: one instance serves any number of threads.
 */
public final class SqsQueueBackend implements QueueBackend, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SqsQueueBackend.class);

  /**
   * How long a receive's answer may take beyond its long-poll wait before the attempt is abandoned (and retried by
   * the SDK): a safety net against a server that never answers. It is generous on purpose: a receive abandoned after
   * the server handed out messages hides them for their visibility timeout and spends one of their receives, so a
   * slow answer (a loaded machine, a slow network) must not be cut short. SQS answers a long poll within its wait
   * time; the runtime no longer deletes a queue while its own workers still poll it.
   */
  static final Duration RECEIVE_ANSWER_MARGIN = Duration.ofSeconds(20);

  private final SqsClient sqs;
  private final boolean ownsClient;
  private final RedrivePolicyJson redrivePolicyJson = new RedrivePolicyJson();
  private final ConcurrentMap<String, String> arnsByUrl = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final @Nullable URI endpoint;

  /**
   * Wraps a client the caller already has. Closing this backend does not close it.
   *
   * @param sqs the client
   */
  public SqsQueueBackend(SqsClient sqs) {
    this(sqs, false);
  }

  private SqsQueueBackend(SqsClient sqs, boolean ownsClient) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.ownsClient = ownsClient;
    this.endpoint = AwsClientFactory.endpointOverride(sqs);
  }

  /**
   * Creates a backend with its own SQS client built from the options (region, endpoint, credentials, retries,
   * HTTP client). Closing the backend closes that client.
   *
   * @param options the options; the bucket and key prefix are not used
   * @return the backend
   */
  public static SqsQueueBackend create(AwsBackendOptions options) {
    return new SqsQueueBackend(AwsClientFactory.sqsClient(options), true);
  }

  @Override
  public String createQueue(QueueSpec spec) {
    ensureOpen("CreateQueue", spec.name());
    Map<QueueAttributeName, String> attributes = new HashMap<>();
    attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(wholeSeconds(spec.visibilityTimeout())));
    if (spec.fifo()) {
      attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
      attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false");
    }
    RedrivePolicy redrive = spec.redrivePolicy();
    if (redrive != null) {
      attributes.put(QueueAttributeName.REDRIVE_POLICY, redrivePolicyJson.toJson(redrive));
    }
    try {
      return sqs.createQueue(b -> b.queueName(spec.name()).attributes(attributes)).queueUrl();
    } catch (SdkException e) {
      String code = SdkErrorTranslator.errorCode(e);
      if (code.contains("QueueNameExists") || code.contains("QueueAlreadyExists")) {
        throw new BackendException(
            "queue.already_exists",
            "queue \"" + spec.name() + "\" already exists with different attributes (CreateQueue)",
            e);
      }
      throw SdkErrorTranslator.queueError("CreateQueue", spec.name(), e, endpoint);
    }
  }

  @Override
  public Optional<String> queueUrl(String name) {
    ensureOpen("GetQueueUrl", name);
    try {
      return Optional.of(sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
    } catch (QueueDoesNotExistException e) {
      return Optional.empty();
    } catch (SdkException e) {
      BackendException translated = SdkErrorTranslator.queueError("GetQueueUrl", name, e, endpoint);
      if (translated.kind().equals("queue.not_found")) {
        return Optional.empty();
      }
      throw translated;
    }
  }

  @Override
  public String queueArn(String queueUrl) {
    ensureOpen("GetQueueAttributes", queueUrl);
    String cached = arnsByUrl.get(queueUrl);
    if (cached != null) {
      return cached;
    }
    GetQueueAttributesResponse response;
    try {
      response = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN));
    } catch (SdkException e) {
      throw SdkErrorTranslator.queueError("GetQueueAttributes", queueUrl, e, endpoint);
    }
    String arn = response.attributes().get(QueueAttributeName.QUEUE_ARN);
    if (arn == null) {
      throw new BackendException(
          "queue.request_failed",
          "GetQueueAttributes on queue \"" + SdkErrorTranslator.queueName(queueUrl) + "\" returned no QueueArn");
    }
    arnsByUrl.put(queueUrl, arn);
    return arn;
  }

  @Override
  public void deleteQueue(String queueUrl) {
    ensureOpen("DeleteQueue", queueUrl);
    arnsByUrl.remove(queueUrl);
    try {
      sqs.deleteQueue(b -> b.queueUrl(queueUrl));
    } catch (QueueDoesNotExistException e) {
      // Already gone: deleting is idempotent.
    } catch (SdkException e) {
      BackendException translated = SdkErrorTranslator.queueError("DeleteQueue", queueUrl, e, endpoint);
      if (!translated.kind().equals("queue.not_found")) {
        throw translated;
      }
    }
  }

  @Override
  public String send(String queueUrl, OutgoingMessage message) {
    ensureOpen("SendMessage", queueUrl);
    BatchLimits.checkMessage(SdkErrorTranslator.queueName(queueUrl), message);
    SendMessageRequest.Builder request =
        SendMessageRequest.builder()
            .queueUrl(queueUrl)
            .messageBody(message.body())
            .messageAttributes(toAttributeValues(message.attributes()));
    if (message.deduplicationId() != null) {
      request.messageDeduplicationId(message.deduplicationId());
    }
    if (message.groupId() != null) {
      request.messageGroupId(message.groupId());
    }
    try {
      return sqs.sendMessage(request.build()).messageId();
    } catch (SdkException e) {
      throw SdkErrorTranslator.queueError("SendMessage", queueUrl, e, endpoint);
    }
  }

  @Override
  public SendBatchResult sendBatch(String queueUrl, List<OutgoingMessage> messages) {
    ensureOpen("SendMessageBatch", queueUrl);
    BatchLimits.checkSendBatch(SdkErrorTranslator.queueName(queueUrl), messages);
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
    for (OutgoingMessage message : messages) {
      SendMessageBatchRequestEntry.Builder entry =
          SendMessageBatchRequestEntry.builder()
              .id(message.entryId())
              .messageBody(message.body())
              .messageAttributes(toAttributeValues(message.attributes()));
      if (message.deduplicationId() != null) {
        entry.messageDeduplicationId(message.deduplicationId());
      }
      if (message.groupId() != null) {
        entry.messageGroupId(message.groupId());
      }
      entries.add(entry.build());
    }
    SendMessageBatchResponse response;
    try {
      response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
    } catch (SdkException e) {
      throw SdkErrorTranslator.queueError("SendMessageBatch", queueUrl, e, endpoint);
    }
    List<SendBatchResult.Sent> sent = new ArrayList<>(response.successful().size());
    for (SendMessageBatchResultEntry entry : response.successful()) {
      sent.add(new SendBatchResult.Sent(entry.id(), entry.messageId()));
    }
    List<SendBatchResult.Failed> failed = new ArrayList<>(response.failed().size());
    for (BatchResultErrorEntry entry : response.failed()) {
      failed.add(
          new SendBatchResult.Failed(
              entry.id(),
              Objects.requireNonNullElse(entry.code(), "Unknown"),
              Objects.requireNonNullElse(entry.message(), ""),
              Boolean.TRUE.equals(entry.senderFault())));
    }
    if (!failed.isEmpty()) {
      log.debug("{} of {} entries failed in a batch to queue {}", failed.size(), messages.size(), queueUrl);
    }
    return new SendBatchResult(sent, failed);
  }

  @Override
  public List<ReceivedMessage> receive(String queueUrl, ReceiveRequest request) {
    ensureOpen("ReceiveMessage", queueUrl);
    List<Message> messages;
    try {
      messages =
          sqs.receiveMessage(
                  b ->
                      b.queueUrl(queueUrl)
                          .maxNumberOfMessages(request.maxMessages())
                          .waitTimeSeconds((int) wholeSeconds(request.waitTime()))
                          .visibilityTimeout((int) wholeSeconds(request.visibilityTimeout()))
                          .messageAttributeNames("All")
                          .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                          .overrideConfiguration(o -> o.apiCallAttemptTimeout(
                              Duration.ofSeconds(wholeSeconds(request.waitTime())).plus(RECEIVE_ANSWER_MARGIN))))
              .messages();
    } catch (SdkException e) {
      throw SdkErrorTranslator.queueError("ReceiveMessage", queueUrl, e, endpoint);
    }
    List<ReceivedMessage> received = new ArrayList<>(messages.size());
    for (Message message : messages) {
      Map<String, String> attributes = new HashMap<>();
      message
          .messageAttributes()
          .forEach(
              (name, value) -> {
                if (value.stringValue() != null) {
                  attributes.put(name, value.stringValue());
                }
              });
      String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
      received.add(
          new ReceivedMessage(
              message.messageId(),
              message.receiptHandle(),
              Objects.requireNonNullElse(message.body(), ""),
              attributes,
              count == null ? 1 : Integer.parseInt(count)));
    }
    return received;
  }

  @Override
  public void changeVisibility(String queueUrl, String receiptHandle, Duration timeout) {
    ensureOpen("ChangeMessageVisibility", queueUrl);
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("visibility timeout cannot be negative: " + timeout);
    }
    Duration applied = timeout;
    if (timeout.compareTo(MAX_VISIBILITY_TIMEOUT) > 0) {
      // Cortex's renewer asks for 30 + 15k seconds without bound and SQS refuses anything over 12 hours.
      log.debug(
          "capping visibility timeout {} to SQS's maximum {} on queue {}", timeout, MAX_VISIBILITY_TIMEOUT, queueUrl);
      applied = MAX_VISIBILITY_TIMEOUT;
    }
    int seconds = (int) wholeSeconds(applied);
    try {
      sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(seconds));
    } catch (SdkException e) {
      String code = SdkErrorTranslator.errorCode(e);
      if (code.contains("ReceiptHandleIsInvalid") || code.contains("MessageNotInflight")) {
        throw new BackendException(
            "queue.receipt_handle_invalid",
            "receipt handle is no longer valid for queue \"" + SdkErrorTranslator.queueName(queueUrl)
                + "\" (ChangeMessageVisibility: " + code + ")",
            e);
      }
      if (code.contains("InvalidParameterValue")) {
        // SQS counts its 12 hours from the first receive, so even a capped value can be refused.
        throw new BackendException(
            "queue.invalid_visibility",
            "queue \"" + SdkErrorTranslator.queueName(queueUrl) + "\" refused a visibility timeout of " + seconds
                + " s; a message stays hidden at most 12 hours after it was received",
            e);
      }
      throw SdkErrorTranslator.queueError("ChangeMessageVisibility", queueUrl, e, endpoint);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A handle SQS calls invalid ({@code ReceiptHandleIsInvalid}) is taken to be one whose message is gone, so the
   * call does nothing, as the contract says.
   */
  @Override
  public void delete(String queueUrl, String receiptHandle) {
    ensureOpen("DeleteMessage", queueUrl);
    try {
      sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle));
    } catch (SdkException e) {
      if (SdkErrorTranslator.errorCode(e).contains("ReceiptHandleIsInvalid")) {
        // SQS accepts a second delete with the same handle; ElasticMQ calls the handle of a deleted message
        // invalid. Either way the message is gone, which is all a delete promises.
        log.debug("delete on queue {} with a handle whose message is gone: {}", queueUrl, e.getMessage());
        return;
      }
      throw SdkErrorTranslator.queueError("DeleteMessage", queueUrl, e, endpoint);
    }
  }

  @Override
  public List<String> deleteBatch(String queueUrl, List<String> receiptHandles) {
    ensureOpen("DeleteMessageBatch", queueUrl);
    BatchLimits.checkEntryCount(SdkErrorTranslator.queueName(queueUrl), receiptHandles.size());
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(receiptHandles.size());
    for (int i = 0; i < receiptHandles.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(receiptHandles.get(i)).build());
    }
    DeleteMessageBatchResponse response;
    try {
      response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
    } catch (SdkException e) {
      throw SdkErrorTranslator.queueError("DeleteMessageBatch", queueUrl, e, endpoint);
    }
    List<String> failed = new ArrayList<>(response.failed().size());
    for (BatchResultErrorEntry entry : response.failed()) {
      failed.add(receiptHandles.get(Integer.parseInt(entry.id())));
    }
    return failed;
  }

  @Override
  public QueueCounts counts(String queueUrl) {
    ensureOpen("GetQueueAttributes", queueUrl);
    Map<QueueAttributeName, String> attributes;
    try {
      attributes =
          sqs.getQueueAttributes(
                  b ->
                      b.queueUrl(queueUrl)
                          .attributeNames(
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
              .attributes();
    } catch (SdkException e) {
      throw SdkErrorTranslator.queueError("GetQueueAttributes", queueUrl, e, endpoint);
    }
    return new QueueCounts(
        parseCount(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
        parseCount(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
  }

  /**
   * Closes the SQS client if this backend created it; a client passed to the constructor stays open. Every later
   * call fails with {@code queue.closed}; closing again does nothing.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsClient) {
      sqs.close();
    }
  }

  /** A closed SDK client fails with a bare {@code IllegalStateException}; this says which backend and call. */
  private void ensureOpen(String operation, String queueUrlOrName) {
    if (closed.get()) {
      throw new BackendException(
          "queue.closed",
          "SqsQueueBackend is closed: cannot " + operation + " on queue \""
              + SdkErrorTranslator.queueName(queueUrlOrName) + "\" (close the client that uses a backend before"
              + " the backend)");
    }
  }

  private static long parseCount(@Nullable String value) {
    return value == null ? 0 : Long.parseLong(value);
  }

  /** SQS takes whole seconds; rounding up never makes a message visible earlier than asked. */
  static long wholeSeconds(Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }

  private static Map<String, MessageAttributeValue> toAttributeValues(Map<String, String> attributes) {
    Map<String, MessageAttributeValue> values = new HashMap<>();
    attributes.forEach(
        (name, value) ->
            values.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    return values;
  }
}
