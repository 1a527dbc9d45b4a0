package io.github.cortexj.benchmarks.aws;

import io.github.cortexj.aws.SqsQueueBackend;
import io.github.cortexj.core.backend.MessageBatcher;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Batch-job message throughput through {@link SqsQueueBackend} (sending with {@link MessageBatcher}) against a raw
 * AWS SDK loop that makes the same irreducible calls, in the same run, on an in-process ElasticMQ bound to
 * 127.0.0.1.
 *
 * <p>One round pushes N messages of B bytes through a fresh FIFO queue: {@code SendMessageBatch} of 10 (each with
 * Cortex's {@code api_name} and {@code job_id} attributes and its own deduplication and group id), then
 * {@code ReceiveMessage} of up to 10 (all message attributes and the receive count, as the worker needs) and
 * {@code DeleteMessageBatch} of what arrived, until every message is gone. Rounds alternate raw and backend after a
 * warm-up round of each; the report gives the median messages per second of each and their ratio. Both variants
 * share one SDK client, so only what the backend adds is measured.
 *
 * <p>Arguments: {@code [messages] [bodyBytes] [rounds]}, default {@code 3000 200 5}. ElasticMQ's FIFO receive
 * grows with the number of message groups in the queue, and Cortex gives every message its own group, so a round's
 * time grows faster than linearly with the number of messages: 20,000 takes minutes a round. Not thread safe; a
 * command-line tool.
 */
public final class SqsThroughputBenchmark {

  private final SqsClient sqs;
  private final SqsQueueBackend backend;
  private final int messages;
  private final String body;

  private SqsThroughputBenchmark(SqsClient sqs, int messages, int bodyBytes) {
    this.sqs = sqs;
    this.backend = new SqsQueueBackend(sqs);
    this.messages = messages;
    this.body = "x".repeat(bodyBytes);
  }

  /**
   * Runs the benchmark and prints the results.
   *
   * @param args {@code [messages] [bodyBytes] [rounds]}, default {@code 3000 200 5}
   */
  public static void main(String[] args) {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
    int bodyBytes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    int port = server.waitUntilStarted().localAddress().getPort();
    try (SqsClient sqs =
        SqsClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:" + port))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
            .build()) {
      SqsThroughputBenchmark benchmark = new SqsThroughputBenchmark(sqs, messages, bodyBytes);
      benchmark.raw();
      benchmark.backend();
      double[] raw = new double[rounds];
      double[] viaBackend = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        // Alternate which variant goes first, so that neither always runs on a warmer JIT or a busier server.
        if (round % 2 == 0) {
          raw[round] = benchmark.raw();
          viaBackend[round] = benchmark.backend();
        } else {
          viaBackend[round] = benchmark.backend();
          raw[round] = benchmark.raw();
        }
        System.out.printf(
            Locale.ROOT, "round %d: raw SDK %.0f msg/s, SqsQueueBackend %.0f msg/s%n",
            round + 1, raw[round], viaBackend[round]);
      }
      double rawMedian = median(raw);
      double backendMedian = median(viaBackend);
      System.out.printf(
          Locale.ROOT,
          "%d messages of %d bytes, %d rounds: raw SDK median %.0f msg/s, SqsQueueBackend median %.0f msg/s,"
              + " ratio %.2f%n",
          messages, bodyBytes, rounds, rawMedian, backendMedian, backendMedian / rawMedian);
    } finally {
      server.stopAndWait();
    }
  }

  /** One round through the raw SDK; returns messages per second. */
  private double raw() {
    String url = sqs.createQueue(b -> b.queueName(queueName()).attributes(fifoAttributes())).queueUrl();
    long start = System.nanoTime();
    for (int sent = 0; sent < messages; sent += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>(10);
      for (int i = sent; i < Math.min(sent + 10, messages); i++) {
        String id = UUID.randomUUID().toString().replace("-", "");
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id(id)
                .messageDeduplicationId(id)
                .messageGroupId(id)
                .messageBody(body)
                .messageAttributes(
                    Map.of(
                        "api_name", stringAttribute("iris"),
                        "job_id", stringAttribute("69b1c2d3e4f5a6b7")))
                .build());
      }
      SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
      if (!response.failed().isEmpty()) {
        throw new IllegalStateException("raw send failed: " + response.failed());
      }
    }
    int received = 0;
    while (received < messages) {
      List<Message> batch =
          sqs.receiveMessage(
                  b ->
                      b.queueUrl(url)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(1)
                          .visibilityTimeout(30)
                          .messageAttributeNames("All")
                          .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
              .messages();
      if (batch.isEmpty()) {
        continue;
      }
      List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        deletes.add(
            DeleteMessageBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .receiptHandle(batch.get(i).receiptHandle())
                .build());
      }
      sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(deletes));
      received += batch.size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sqs.deleteQueue(b -> b.queueUrl(url));
    return messages / seconds;
  }

  /** One round through SqsQueueBackend and MessageBatcher; returns messages per second. */
  private double backend() {
    String url = backend.createQueue(QueueSpec.fifo(queueName(), Duration.ofSeconds(60)));
    MessageBatcher batcher = MessageBatcher.of(backend);
    long start = System.nanoTime();
    List<OutgoingMessage> outgoing = new ArrayList<>(messages);
    for (int i = 0; i < messages; i++) {
      outgoing.add(
          OutgoingMessage.fifo(
              UUID.randomUUID().toString().replace("-", ""),
              body,
              Map.of("api_name", "iris", "job_id", "69b1c2d3e4f5a6b7")));
    }
    batcher.sendAll(url, outgoing);
    int received = 0;
    ReceiveRequest request = new ReceiveRequest(10, Duration.ofSeconds(1), Duration.ofSeconds(30));
    while (received < messages) {
      List<ReceivedMessage> batch = backend.receive(url, request);
      if (batch.isEmpty()) {
        continue;
      }
      List<String> handles = new ArrayList<>(batch.size());
      for (ReceivedMessage message : batch) {
        handles.add(message.receiptHandle());
      }
      List<String> failed = backend.deleteBatch(url, handles);
      if (!failed.isEmpty()) {
        throw new IllegalStateException("backend delete failed for " + failed.size() + " handles");
      }
      received += batch.size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    backend.deleteQueue(url);
    return messages / seconds;
  }

  private static String queueName() {
    return "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ".fifo";
  }

  private static Map<QueueAttributeName, String> fifoAttributes() {
    return Map.of(
        QueueAttributeName.FIFO_QUEUE, "true",
        QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
        QueueAttributeName.VISIBILITY_TIMEOUT, "60");
  }

  private static MessageAttributeValue stringAttribute(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
