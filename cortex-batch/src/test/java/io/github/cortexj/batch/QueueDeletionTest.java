package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.job.JobSubmission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job's queues are deleted only after the workers of this process have left them, and those leave promptly. */
class QueueDeletionTest {

  /** Far longer than any test here waits: a worker that is not woken by the end would hold the test up. */
  private static final Duration POLL_WAIT = Duration.ofSeconds(20);

  private final ManualClock clock = new ManualClock();
  private final FlakySendQueueBackend queues = new FlakySendQueueBackend(new InMemoryQueueBackend(clock));
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private BatchRuntime runtime = runtime(POLL_WAIT);

  private BatchRuntime runtime(Duration pollWait) {
    return BatchRuntime.builder()
        .queueBackend(queues)
        .objectStore(new InMemoryObjectStore("cortex-bucket", clock))
        .clock(clock)
        .executor(executor)
        .pollWait(pollWait)
        .completionRecheckDelay(Duration.ZERO)
        .tickPeriod(Duration.ofMillis(5))
        .build();
  }

  @AfterEach
  void close() {
    runtime.close();
    executor.shutdownNow();
  }

  private void deploy(io.github.cortexj.core.BatchHandler handler) {
    runtime.register(
        new BatchApiDeployment("reviews", "1", Map.of(), Handlers.batch(init -> handler), ProjectFiles.none()));
  }

  @Test
  void aCompletedJobsQueuesAreDeletedOnlyAfterItsIdleWorkersLeaveThem() throws InterruptedException {
    runtime.close();
    // A job whose last batch ends before enqueuing does waits up to one poll for its completion message.
    runtime = runtime(Duration.ofSeconds(2));
    deploy((batch, context) -> {});

    for (int round = 0; round < 3; round++) {
      JobSpec spec =
          runtime.submitJob(
              "reviews",
              JobSubmission.items(IntStream.range(0, 40).boxed().toList()).batchSize(5).workers(4).build());
      assertThat(runtime.awaitJob("reviews", spec.jobId(), Duration.ofSeconds(10))).isTrue();
      assertThat(runtime.getJob("reviews", spec.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
      long endedAt = System.nanoTime();
      Eventually.until("both queues are deleted", () -> queues.deleted.size() == 2);
      assertThat(Duration.ofNanos(System.nanoTime() - endedAt)).isLessThan(Duration.ofSeconds(10));
      queues.deleted.clear();
    }
    assertThat(queues.deletedWhilePolled).isEmpty();
  }

  @Test
  void aStoppedJobsWaitingWorkersAreWokenAndLeaveBeforeTheQueuesAreDeleted() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    deploy(
        (batch, context) -> {
          started.countDown();
          new CountDownLatch(1).await(); // until interrupted by the stop
        });
    JobSpec spec = runtime.submitJob("reviews", JobSubmission.items(List.of(1)).workers(3).build());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    long stoppedAt = System.nanoTime();
    runtime.stopJob("reviews", spec.jobId());
    Eventually.until("both queues are deleted", () -> queues.deleted.size() == 2);

    assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(POLL_WAIT);
    assertThat(queues.deletedWhilePolled).isEmpty();
    assertThat(runtime.getJob("reviews", spec.jobId()).workerCounts().running()).isZero();
  }
}
