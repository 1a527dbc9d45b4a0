package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchJobFailureTest {

  private final BatchCluster cluster = new BatchCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void retriesAFailedBatchWithTheAttemptNumberInTheContext() {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    cluster.deploy(
        (batch, context) -> {
          attempts.add(context.attempt());
          if (context.attempt() < 3) {
            throw new IllegalStateException("flaky");
          }
        });

    JobSpec spec = cluster.submit(JobSubmission.items(List.of(1)).retry(3, Duration.ofSeconds(5)).build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.batchMetrics().succeeded()).isEqualTo(1);
    assertThat(status.batchMetrics().failed()).isZero();
    assertThat(status.batchMetrics().failedAttempts()).isEqualTo(2);
  }

  @Test
  void waitsForTheBackoffOnTheClockBeforeTheNextAttempt() {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    cluster.deploy(
        (batch, context) -> {
          attempts.add(context.attempt());
          throw new IllegalStateException("always");
        });

    JobSpec spec = cluster.submit(JobSubmission.items(List.of(1)).retry(2, Duration.ofSeconds(60)).build());
    Eventually.until(
        "the first attempt fails",
        () -> cluster.runtime.getJob(BatchCluster.API, spec.jobId()).batchMetrics().failedAttempts() == 1);
    cluster.clock.advance(Duration.ofSeconds(59));
    assertThat(cluster.queues.receive(queueUrl(spec), io.github.cortexj.core.backend.ReceiveRequest.one(
        Duration.ZERO, Duration.ZERO))).isEmpty();
    assertThat(attempts).containsExactly(1);

    BatchJobStatus status = cluster.awaitEnd(spec.jobId());
    assertThat(attempts).containsExactly(1, 2);
    assertThat(status.status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
    assertThat(status.batchMetrics().failed()).isEqualTo(1);
    assertThat(status.batchMetrics().failedAttempts()).isEqualTo(2);
  }

  private String queueUrl(JobSpec spec) {
    Eventually.until("the queue exists", () -> !cluster.runtime.getJob(BatchCluster.API, spec.jobId())
        .jobSpec().sqsUrl().isEmpty());
    return cluster.runtime.getJob(BatchCluster.API, spec.jobId()).jobSpec().sqsUrl();
  }

  @Test
  void withoutARetryPolicyOrDeadLetterQueueAFailedBatchIsNeverRetried() {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    cluster.deploy(
        (batch, context) -> {
          attempts.add(context.attempt());
          throw new IllegalStateException("once");
        });

    JobSpec spec = cluster.submit(JobSubmission.items(List.of(1)).build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(attempts).containsExactly(1);
    assertThat(status.status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
  }

  @Test
  void withADeadLetterQueueRetriesUpToMaxReceiveCountThenMovesTheBatchThere() {
    String dlqUrl = cluster.queues.createQueue(QueueSpec.fifo("reviews-dlq.fifo", Duration.ofSeconds(30)));
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    cluster.deploy(
        (batch, context) -> {
          attempts.add(context.attempt());
          throw new IllegalStateException("poison");
        });

    JobSpec spec =
        cluster.submit(
            JobSubmission.items(List.of("poison"))
                .deadLetterQueue(InMemoryQueueBackend.ARN_PREFIX + "reviews-dlq.fifo", 3)
                .build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(status.status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
    assertThat(cluster.runtime.failedBatches(BatchCluster.API, spec.jobId()))
        .singleElement()
        .satisfies(batch -> assertThat(batch.attempts()).isEqualTo(3));
    Eventually.until("the batch reaches the dead-letter queue", () -> cluster.queues.counts(dlqUrl).total() == 1);
  }

  @Test
  void aBatchTimeoutInterruptsTheHandlerAndFailsTheBatch() {
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    cluster.deploy(
        (batch, context) -> {
          started.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.set(true);
            throw e;
          }
        });

    JobSpec spec = cluster.submit(JobSubmission.items(List.of(1)).batchTimeout(Duration.ofSeconds(10)).build());
    Eventually.until("the batch starts", () -> started.getCount() == 0);
    cluster.clock.advance(Duration.ofSeconds(10));
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(interrupted).isTrue();
    assertThat(status.status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
    FailedBatch failed = cluster.runtime.failedBatches(BatchCluster.API, spec.jobId()).get(0);
    assertThat(failed.errorType()).isEqualTo("java.util.concurrent.TimeoutException");
  }

  @Test
  void theJobTimeoutInterruptsBatchesAndEndsTheJobTimedOut() throws InterruptedException {
    CountDownLatch interrupted = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    cluster.deploy(
        (batch, context) -> {
          started.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
          }
        });

    JobSpec spec =
        cluster.submit(JobSubmission.items(List.of(1, 2, 3)).workers(1).timeout(Duration.ofSeconds(60)).build());
    Eventually.until("the batch starts", () -> started.getCount() == 0);
    cluster.clock.advance(Duration.ofSeconds(59));
    assertThat(cluster.runtime.getJob(BatchCluster.API, spec.jobId()).status()).isEqualTo(JobStatus.RUNNING);
    cluster.clock.advance(Duration.ofSeconds(1));
    cluster.awaitStatus(spec.jobId(), JobStatus.TIMED_OUT);

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    BatchJobStatus status = cluster.runtime.getJob(BatchCluster.API, spec.jobId());
    // The end time is the winning marker's last-modified time, which the store keeps in whole seconds, as S3.
    assertThat(status.endTime()).isEqualTo(cluster.clock.instant().truncatedTo(ChronoUnit.SECONDS));
    assertThat(status.batchMetrics().succeeded()).isZero();
  }

  @Test
  void stopJobInterruptsBatchesAndNoNewBatchStarts() throws InterruptedException {
    List<JsonNode> seen = new CopyOnWriteArrayList<>();
    CountDownLatch interrupted = new CountDownLatch(1);
    cluster.deploy(
        (batch, context) -> {
          seen.addAll(batch);
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
          }
        });

    JobSpec spec = cluster.submit(JobSubmission.items(List.of(1, 2, 3)).workers(1).build());
    Eventually.until("a batch starts", () -> !seen.isEmpty());
    cluster.runtime.stopJob(BatchCluster.API, spec.jobId());

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    cluster.clock.advance(Duration.ofMinutes(5));
    BatchJobStatus status = cluster.runtime.getJob(BatchCluster.API, spec.jobId());
    assertThat(status.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(seen).hasSize(1);
    assertThatThrownBy(() -> cluster.runtime.stopJob(BatchCluster.API, spec.jobId()))
        .extracting("kind")
        .isEqualTo("job.job_is_not_in_progress");
  }

  @Test
  void onJobCompleteThrowingEndsTheJobAsWorkerErrorWithTheErrorStored() {
    cluster.deploy(
        new io.github.cortexj.core.BatchHandler() {
          @Override
          public void handleBatch(List<JsonNode> batch, io.github.cortexj.core.BatchContext context) {}

          @Override
          public void onJobComplete(io.github.cortexj.core.JobSummary summary) {
            throw new IllegalStateException("webhook down");
          }
        });

    JobSpec spec = cluster.submit(JobSubmission.items(List.of(1)).build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(status.status()).isEqualTo(JobStatus.WORKER_ERROR);
    String error =
        cluster.store.get("cortex/jobs/BatchAPI/reviews/" + spec.jobId() + "/error.json").orElseThrow().text();
    assertThat(error).isEqualTo("{\"error_type\":\"java.lang.IllegalStateException\",\"message\":\"webhook down\"}");
  }

  @Test
  void aHandlerThatCannotBeBuiltEndsTheJobAsWorkerError() {
    cluster.deploy(
        io.github.cortexj.core.Handlers.batch(
            init -> {
              throw new IllegalStateException("no model");
            }),
        java.util.Map.of());

    JobSpec spec = cluster.submit(JobSubmission.items(List.of(1)).build());

    assertThat(cluster.awaitEnd(spec.jobId()).status()).isEqualTo(JobStatus.WORKER_ERROR);
  }

  @Test
  void retryFailedBatchesRunsExactlyTheFailedBatchesAgain() {
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    AtomicBoolean fail = new AtomicBoolean(true);
    cluster.deploy(
        (batch, context) -> {
          List<Integer> values = batch.stream().map(JsonNode::intValue).toList();
          if (fail.get() && values.contains(3)) {
            throw new IllegalStateException("3");
          }
          if (!fail.get()) {
            batches.add(values);
          }
        });
    JobSpec first = cluster.submit(JobSubmission.items(List.of(1, 2, 3, 4, 5)).batchSize(2).build());
    cluster.awaitEnd(first.jobId());
    fail.set(false);

    JobSpec retry = cluster.runtime.retryFailedBatches(BatchCluster.API, first.jobId());
    BatchJobStatus status = cluster.awaitEnd(retry.jobId());

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(batches).containsExactly(List.of(3, 4));
  }

  /** An item type for the typed handler test. */
  public record Review(int stars, String text) {}

  @Test
  void anItemThatDoesNotBindFailsOnlyItsBatchAndIsKept() {
    List<Review> handled = new CopyOnWriteArrayList<>();
    cluster.deploy(
        io.github.cortexj.core.Handlers.typedBatch(Review.class, init -> (batch, context) -> handled.addAll(batch)),
        java.util.Map.of());

    JobSpec spec =
        cluster.submit(
            JobSubmission.items(
                    List.of(
                        java.util.Map.of("stars", 5, "text", "great"),
                        java.util.Map.of("stars", "many", "text", "??"),
                        java.util.Map.of("stars", 1, "text", "bad")))
                .batchSize(1)
                .build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(status.status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
    assertThat(handled).extracting(Review::stars).containsExactlyInAnyOrder(5, 1);
    FailedBatch failed = cluster.runtime.failedBatches(BatchCluster.API, spec.jobId()).get(0);
    assertThat(failed.items()).singleElement().satisfies(item -> assertThat(item.get("stars").asText())
        .isEqualTo("many"));
    assertThat(failed.errorType()).isEqualTo(io.github.cortexj.core.InvalidBatchItemException.class.getName());
  }

  @Test
  void aJobWhoseEveryWorkerDiesOfABackendFailureEndsWithWorkerErrorInsteadOfRunningForever() {
    try (BatchCluster down = new BatchCluster(UnaryOperator.identity(), queues -> new ForwardingQueueBackend(queues) {
          @Override
          public List<io.github.cortexj.core.backend.ReceivedMessage> receive(
              String queueUrl, io.github.cortexj.core.backend.ReceiveRequest request) {
            if (!queueUrl.isEmpty()) {
              throw new io.github.cortexj.core.backend.BackendException(
                  "backend.unavailable", "receive from " + queueUrl + ": connection refused");
            }
            return super.receive(queueUrl, request);
          }
        })) {
      down.deploy((batch, context) -> {});

      JobSpec spec = down.submit(JobSubmission.items(List.of(1, 2, 3)).batchSize(1).workers(2).build());
      BatchJobStatus status = down.awaitEnd(spec.jobId());

      assertThat(status.status()).isEqualTo(JobStatus.WORKER_ERROR);
      assertThat(status.workerCounts().failed()).isEqualTo(2);
      String error =
          down.store.get("cortex/jobs/BatchAPI/reviews/" + spec.jobId() + "/error.json").orElseThrow().text();
      assertThat(error).startsWith("{\"error_type\":\"io.github.cortexj.core.backend.BackendException\"");
    }
  }

  @Test
  void aJobTheExecutorRefusesEndsWithUnexpectedErrorInsteadOfStayingPending() {
    cluster.deploy((batch, context) -> {});
    cluster.executor.shutdown();

    JobSpec spec = cluster.submit(JobSubmission.items(List.of(1)).build());

    assertThat(cluster.runtime.getJob(BatchCluster.API, spec.jobId()).status()).isEqualTo(JobStatus.UNEXPECTED_ERROR);
    assertThat(cluster.store.get("cortex/jobs/BatchAPI/reviews/" + spec.jobId() + "/error.json").orElseThrow().text())
        .startsWith("{\"error_type\":\"java.util.concurrent.RejectedExecutionException\"");
  }
}
