package io.github.cortexj.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.RedrivePolicy;
import io.github.cortexj.core.backend.SendBatchResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** What {@link SqsQueueBackend} asks of SQS, checked on a recording client (no server needed). */
class SqsQueueBackendTest {

  private static final String URL = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs.fifo";

  private final RecordingSqsClient sqs = new RecordingSqsClient();
  private final SqsQueueBackend backend = new SqsQueueBackend(sqs);

  @Test
  void createsFifoQueueAsCortexDoes() {
    backend.createQueue(
        QueueSpec.fifo("jobs.fifo", Duration.ofSeconds(60))
            .withRedrivePolicy(new RedrivePolicy("arn:aws:sqs:us-east-1:123456789012:dlq.fifo", 5)));
    CreateQueueRequest request = (CreateQueueRequest) sqs.requests.get(0);
    assertThat(request.queueName()).isEqualTo("jobs.fifo");
    assertThat(request.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                QueueAttributeName.VISIBILITY_TIMEOUT, "60",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:dlq.fifo\",\"maxReceiveCount\":\"5\"}"));
  }

  @Test
  void capsVisibilityAtTwelveHours() {
    backend.changeVisibility(URL, "handle", Duration.ofHours(12).plusSeconds(30 + 15 * 3000));
    ChangeMessageVisibilityRequest request = (ChangeMessageVisibilityRequest) sqs.requests.get(0);
    assertThat(request.visibilityTimeout()).isEqualTo(43_200);
  }

  @Test
  void passesVisibilityUnderTwelveHoursRoundedUp() {
    backend.changeVisibility(URL, "handle", Duration.ofMillis(45_001));
    assertThat(((ChangeMessageVisibilityRequest) sqs.requests.get(0)).visibilityTimeout()).isEqualTo(46);
  }

  @Test
  void mapsMessageNotInflightToReceiptHandleInvalid() {
    sqs.failWith =
        SqsException.builder()
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder().errorCode("AWS.SimpleQueueService.MessageNotInflight").errorMessage("x").build())
            .build();
    assertThatThrownBy(() -> backend.changeVisibility(URL, "handle", Duration.ofSeconds(30)))
        .isInstanceOf(BackendException.class)
        .hasMessage(
            "receipt handle is no longer valid for queue \"jobs.fifo\" (ChangeMessageVisibility:"
                + " AWS.SimpleQueueService.MessageNotInflight)")
        .extracting(e -> ((BackendException) e).kind())
        .isEqualTo("queue.receipt_handle_invalid");
  }

  @Test
  void reportsPartiallyFailedBatchEntryByEntry() {
    sqs.sendBatchResponse =
        SendMessageBatchResponse.builder()
            .successful(SendMessageBatchResultEntry.builder().id("a").messageId("m-a").build())
            .failed(
                BatchResultErrorEntry.builder()
                    .id("b")
                    .code("InternalError")
                    .message("try again")
                    .senderFault(false)
                    .build())
            .build();
    SendBatchResult result =
        backend.sendBatch(
            URL, List.of(OutgoingMessage.fifo("a", "1", Map.of()), OutgoingMessage.fifo("b", "2", Map.of())));
    assertThat(result.successful()).containsExactly(new SendBatchResult.Sent("a", "m-a"));
    assertThat(result.failed()).containsExactly(new SendBatchResult.Failed("b", "InternalError", "try again", false));
  }

  @Test
  void sendsFifoIdsAndStringAttributesInBatches() {
    backend.sendBatch(URL, List.of(OutgoingMessage.fifo("id1", "[1]", Map.of("job_id", "j"))));
    SendMessageBatchRequest request = (SendMessageBatchRequest) sqs.requests.get(0);
    assertThat(request.entries()).hasSize(1);
    assertThat(request.entries().get(0).messageDeduplicationId()).isEqualTo("id1");
    assertThat(request.entries().get(0).messageGroupId()).isEqualTo("id1");
    assertThat(request.entries().get(0).messageAttributes().get("job_id").dataType()).isEqualTo("String");
    assertThat(request.entries().get(0).messageAttributes().get("job_id").stringValue()).isEqualTo("j");
  }

  @Test
  void refusesOversizedBatchWithoutCallingSqs() {
    List<OutgoingMessage> batch = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      batch.add(OutgoingMessage.fifo("m" + i, "x", Map.of()));
    }
    assertThatThrownBy(() -> backend.sendBatch(URL, batch))
        .isInstanceOf(BackendException.class)
        .hasMessage(
            "batch for queue \"jobs.fifo\" refused: the batch has 11 entries, more than the 10 allowed"
                + " (AWS.SimpleQueueService.TooManyEntriesInBatchRequest)");
    assertThat(sqs.requests).isEmpty();
  }

  @Test
  void refusesBatchOverTheByteLimitNamingTheQueue() {
    List<OutgoingMessage> batch =
        List.of(
            OutgoingMessage.fifo("a", "x".repeat(200_000), Map.of()),
            OutgoingMessage.fifo("b", "x".repeat(56_001), Map.of()));
    assertThatThrownBy(() -> backend.sendBatch(URL, batch))
        .isInstanceOf(BackendException.class)
        .hasMessage(
            "batch for queue \"jobs.fifo\" refused: the bodies add up to 256001 bytes, more than the 256000 bytes"
                + " allowed (AWS.SimpleQueueService.BatchRequestTooLong)");
  }

  @Test
  void receivesWithAllAttributesReceiveCountAndWholeSeconds() {
    sqs.receiveResponse =
        ReceiveMessageResponse.builder()
            .messages(
                Message.builder()
                    .messageId("m1")
                    .receiptHandle("h1")
                    .body("[1]")
                    .attributes(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "3"))
                    .build())
            .build();
    var received = backend.receive(URL, new ReceiveRequest(10, Duration.ofMillis(9_500), Duration.ofSeconds(30)));
    ReceiveMessageRequest request = (ReceiveMessageRequest) sqs.requests.get(0);
    assertThat(request.maxNumberOfMessages()).isEqualTo(10);
    assertThat(request.waitTimeSeconds()).isEqualTo(10);
    assertThat(request.visibilityTimeout()).isEqualTo(30);
    assertThat(request.messageAttributeNames()).containsExactly("All");
    assertThat(request.messageSystemAttributeNames())
        .containsExactly(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).receiveCount()).isEqualTo(3);
  }

  @Test
  void abandonsAReceiveAttemptThatOutlastsItsWaitByTheMargin() {
    sqs.receiveResponse = ReceiveMessageResponse.builder().build();
    backend.receive(URL, new ReceiveRequest(1, Duration.ofMillis(200), Duration.ofSeconds(30)));
    ReceiveMessageRequest request = (ReceiveMessageRequest) sqs.requests.get(0);
    assertThat(request.overrideConfiguration().orElseThrow().apiCallAttemptTimeout())
        .contains(Duration.ofSeconds(1).plus(SqsQueueBackend.RECEIVE_ANSWER_MARGIN));
  }

  @Test
  void deleteBatchReturnsTheHandlesThatFailed() {
    sqs.deleteBatchResponse =
        DeleteMessageBatchResponse.builder()
            .failed(BatchResultErrorEntry.builder().id("1").code("ReceiptHandleIsInvalid").senderFault(true).build())
            .build();
    assertThat(backend.deleteBatch(URL, List.of("h0", "h1", "h2"))).containsExactly("h1");
    DeleteMessageBatchRequest request = (DeleteMessageBatchRequest) sqs.requests.get(0);
    assertThat(request.entries()).extracting(e -> e.id() + "=" + e.receiptHandle()).containsExactly("0=h0", "1=h1", "2=h2");
  }

  @Test
  void closeLeavesAClientPassedInOpen() {
    backend.close();
    assertThat(sqs.closed).isFalse();
  }

  /** Records requests and answers with canned responses; every other call is unsupported. */
  private static final class RecordingSqsClient implements SqsClient {
    final List<Object> requests = new ArrayList<>();
    AwsServiceException failWith;
    SendMessageBatchResponse sendBatchResponse = SendMessageBatchResponse.builder().build();
    ReceiveMessageResponse receiveResponse = ReceiveMessageResponse.builder().build();
    DeleteMessageBatchResponse deleteBatchResponse = DeleteMessageBatchResponse.builder().build();
    boolean closed;

    private <T> T answer(Object request, T response) {
      requests.add(request);
      if (failWith != null) {
        throw failWith;
      }
      return response;
    }

    @Override
    public CreateQueueResponse createQueue(CreateQueueRequest request) {
      return answer(request, CreateQueueResponse.builder().queueUrl(URL).build());
    }

    @Override
    public ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest request) {
      return answer(request, ChangeMessageVisibilityResponse.builder().build());
    }

    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
      return answer(request, sendBatchResponse);
    }

    @Override
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
      return answer(request, receiveResponse);
    }

    @Override
    public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
      return answer(request, deleteBatchResponse);
    }

    @Override
    public String serviceName() {
      return "sqs";
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
