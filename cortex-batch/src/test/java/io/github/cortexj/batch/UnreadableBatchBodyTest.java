package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A batch whose message body cannot be read fails without reaching the handler, and its body is kept whole. */
class UnreadableBatchBodyTest {

  private final List<Integer> handledBatchSizes = new CopyOnWriteArrayList<>();

  @Test
  void aTruncatedBodyFailsWithJacksonsErrorAndIsKeptAsOneTextItem() {
    try (BatchCluster cluster = clusterReplacingBodies(body -> "[{\"id\":1},")) {
      cluster.deploy((batch, context) -> handledBatchSizes.add(batch.size()));

      JobSpec spec = cluster.submit(JobSubmission.items(List.of(1)).build());

      assertThat(cluster.awaitEnd(spec.jobId()).status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
      FailedBatch failed = cluster.runtime.failedBatches(BatchCluster.API, spec.jobId()).get(0);
      assertThat(failed.errorType()).isEqualTo("com.fasterxml.jackson.core.JsonParseException");
      assertThat(failed.errorMessage()).startsWith("Unexpected end-of-input within/between Array entries");
      assertThat(failed.items()).hasSize(1);
      assertThat(failed.items().get(0).textValue()).isEqualTo("[{\"id\":1},");
      assertThat(handledBatchSizes).isEmpty();
    }
  }

  @Test
  void aBodyThatIsNotAnArrayFailsAsSuch() {
    try (BatchCluster cluster = clusterReplacingBodies(body -> "{\"id\":1}")) {
      cluster.deploy((batch, context) -> handledBatchSizes.add(batch.size()));

      JobSpec spec = cluster.submit(JobSubmission.items(List.of(1)).build());

      assertThat(cluster.awaitEnd(spec.jobId()).status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
      FailedBatch failed = cluster.runtime.failedBatches(BatchCluster.API, spec.jobId()).get(0);
      assertThat(failed.errorType()).isEqualTo("java.lang.IllegalArgumentException");
      assertThat(failed.errorMessage()).isEqualTo("the batch's message body is not a JSON array");
      assertThat(failed.items().get(0).textValue()).isEqualTo("{\"id\":1}");
      assertThat(handledBatchSizes).isEmpty();
    }
  }

  /** A cluster whose workers receive the job's batches with their bodies replaced (the completion is untouched). */
  private static BatchCluster clusterReplacingBodies(UnaryOperator<String> replace) {
    return new BatchCluster(store -> store, queues -> new ReplacingBodies(queues, replace));
  }

  private static final class ReplacingBodies extends ForwardingQueueBackend {
    private final UnaryOperator<String> replace;

    ReplacingBodies(QueueBackend delegate, UnaryOperator<String> replace) {
      super(delegate);
      this.replace = replace;
    }

    @Override
    public List<ReceivedMessage> receive(String queueUrl, ReceiveRequest request) {
      return delegate.receive(queueUrl, request).stream()
          .map(
              message ->
                  message.attributes().containsKey("job_complete")
                      ? message
                      : new ReceivedMessage(
                          message.messageId(),
                          message.receiptHandle(),
                          replace.apply(message.body()),
                          message.attributes(),
                          message.receiveCount()))
          .toList();
    }
  }
}
