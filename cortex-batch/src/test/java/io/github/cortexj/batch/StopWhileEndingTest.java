package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.job.JobSubmission;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A stop that arrives after {@code onJobComplete} has returned, while the job's end is being written, must not turn
 * the completed job into a stopped one: the job has completed, so the stop is refused as for any ended job.
 */
class StopWhileEndingTest {

  @Test
  void refusesAStopArrivingWhileACompletedJobsEndIsBeingWritten() throws Exception {
    CountDownLatch metricsWriteReached = new CountDownLatch(1);
    CountDownLatch releaseMetricsWrite = new CountDownLatch(1);
    AtomicInteger completions = new AtomicInteger();
    try (BatchCluster cluster =
        new BatchCluster(
            store ->
                new ForwardingObjectStore(store) {
                  @Override
                  public void put(String key, byte[] content, @Nullable String contentType) {
                    if (key.endsWith("/metrics.json")) {
                      metricsWriteReached.countDown();
                      try {
                        releaseMetricsWrite.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }
                    super.put(key, content, contentType);
                  }
                })) {
      cluster.deploy(
          new BatchHandler() {
            @Override
            public void handleBatch(List<JsonNode> batch, BatchContext context) {}

            @Override
            public void onJobComplete(JobSummary summary) {
              completions.incrementAndGet();
            }
          });
      JobSpec job = cluster.submit(JobSubmission.items(List.of(1, 2)).batchSize(1).build());
      assertThat(metricsWriteReached.await(30, TimeUnit.SECONDS)).isTrue();

      try {
        assertThatThrownBy(() -> cluster.runtime.stopJob(BatchCluster.API, job.jobId()))
            .isInstanceOf(CortexException.class)
            .hasFieldOrPropertyWithValue("kind", "job.job_is_not_in_progress")
            .hasMessage(
                "cannot stop BatchAPI job " + job.jobId() + " because it is not in progress (it is succeeded)");
      } finally {
        releaseMetricsWrite.countDown();
      }

      assertThat(cluster.awaitEnd(job.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(completions).hasValue(1);
    }
  }

  @Test
  void refusesAStopArrivingAfterOnJobCompleteReturnedWhileItsMessageIsBeingDeleted() throws Exception {
    AtomicBoolean completed = new AtomicBoolean();
    CountDownLatch deleteReached = new CountDownLatch(1);
    CountDownLatch releaseDelete = new CountDownLatch(1);
    try (BatchCluster cluster =
        new BatchCluster(
            UnaryOperator.identity(),
            queues ->
                new ForwardingQueueBackend(queues) {
                  @Override
                  public void delete(String queueUrl, String receiptHandle) {
                    if (completed.get()) {
                      deleteReached.countDown();
                      try {
                        releaseDelete.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }
                    super.delete(queueUrl, receiptHandle);
                  }
                })) {
      cluster.deploy(
          new BatchHandler() {
            @Override
            public void handleBatch(List<JsonNode> batch, BatchContext context) {}

            @Override
            public void onJobComplete(JobSummary summary) {
              completed.set(true);
            }
          });
      JobSpec job = cluster.submit(JobSubmission.items(List.of(1, 2)).batchSize(1).build());
      assertThat(deleteReached.await(30, TimeUnit.SECONDS)).isTrue();

      try {
        assertThatThrownBy(() -> cluster.runtime.stopJob(BatchCluster.API, job.jobId()))
            .hasFieldOrPropertyWithValue("kind", "job.job_is_not_in_progress");
      } finally {
        releaseDelete.countDown();
      }
      assertThat(cluster.awaitEnd(job.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
    }
  }
}
