package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.JobSubmission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreIsTheSourceOfTruthTest {

  private final ManualClock clock = new ManualClock();
  private final InMemoryQueueBackend memoryQueues = new InMemoryQueueBackend(clock);
  private final FlakySendQueueBackend queues = new FlakySendQueueBackend(memoryQueues);
  private final InMemoryObjectStore store = new InMemoryObjectStore("cortex-bucket", clock);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<BatchRuntime> runtimes = new ArrayList<>();

  private BatchRuntime runtime() {
    BatchRuntime runtime =
        BatchRuntime.builder()
            .queueBackend(queues)
            .objectStore(store)
            .clock(clock)
            .executor(executor)
            .pollWait(Duration.ofMillis(10))
            .tickPeriod(Duration.ofMillis(5))
            .build();
    runtimes.add(runtime);
    return runtime;
  }

  @AfterEach
  void close() {
    runtimes.forEach(BatchRuntime::close);
    executor.shutdownNow();
  }

  @Test
  void partiallyFailedSendsAreRetriedSoNoBatchIsLost() {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    BatchRuntime runtime = runtime();
    runtime.register(
        new BatchApiDeployment(
            "reviews",
            "1",
            Map.of(),
            Handlers.batch(init -> (batch, context) -> batch.forEach(item -> seen.add(item.intValue()))),
            ProjectFiles.none()));

    JobSpec spec =
        runtime.submitJob(
            "reviews", JobSubmission.items(IntStream.range(0, 95).boxed().toList()).batchSize(1).workers(3).build());
    Eventually.until(
        "the job ends",
        () -> {
          clock.advance(Duration.ofSeconds(1));
          return runtime.getJob("reviews", spec.jobId()).status().isTerminal();
        });

    assertThat(queues.reportedFailures.get()).isGreaterThan(0);
    assertThat(runtime.getJob("reviews", spec.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
    List<Integer> sorted = new ArrayList<>(seen);
    Collections.sort(sorted);
    assertThat(sorted).isEqualTo(IntStream.range(0, 95).boxed().toList());
  }

  @Test
  void anotherRuntimeOverTheSameStoreReadsTheSameStatus() {
    BatchRuntime runner = runtime();
    runner.register(
        new BatchApiDeployment(
            "reviews", "1", Map.of(), Handlers.batch(init -> (batch, context) -> {}), ProjectFiles.none()));
    JobSpec spec = runner.submitJob("reviews", JobSubmission.items(List.of(1, 2, 3)).build());
    Eventually.until(
        "the job ends",
        () -> {
          clock.advance(Duration.ofSeconds(1));
          return runner.getJob("reviews", spec.jobId()).status().isTerminal();
        });

    BatchRuntime reader = runtime();
    reader.register(
        new BatchApiDeployment(
            "reviews", "1", Map.of(), Handlers.batch(init -> (batch, context) -> {}), ProjectFiles.none()));
    BatchJobStatus seenByRunner = runner.getJob("reviews", spec.jobId());
    BatchJobStatus seenByReader = reader.getJob("reviews", spec.jobId());

    assertThat(seenByReader.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(seenByReader.batchMetrics()).isEqualTo(seenByRunner.batchMetrics());
    assertThat(seenByReader.jobSpec()).isEqualTo(seenByRunner.jobSpec());
    assertThat(seenByReader.workerCounts()).isNull();
    assertThat(reader.listJobs("reviews")).extracting(BatchJobStatus::jobId).containsExactly(spec.jobId());
  }

  @Test
  void listsJobsNewestFirst() {
    BatchRuntime runtime = runtime();
    runtime.register(
        new BatchApiDeployment(
            "reviews", "1", Map.of(), Handlers.batch(init -> (batch, context) -> {}), ProjectFiles.none()));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(runtime.submitJob("reviews", JobSubmission.items(List.<JsonNode>of(
          com.fasterxml.jackson.databind.node.IntNode.valueOf(i))).build()).jobId());
      clock.advance(Duration.ofMillis(1));
    }
    Collections.reverse(ids);
    assertThat(runtime.listJobs("reviews")).extracting(BatchJobStatus::jobId).containsExactlyElementsOf(ids);
  }

  @Test
  void aTerminalMarkerOutranksAStoppedMarkerWrittenAfterIt() {
    BatchRuntime runtime = runtime();
    runtime.register(
        new BatchApiDeployment(
            "reviews", "1", Map.of(), Handlers.batch(init -> (batch, context) -> {}), ProjectFiles.none()));
    JobSpec spec = runtime.submitJob("reviews", JobSubmission.items(List.of(1)).build());
    Eventually.until(
        "the job ends",
        () -> {
          clock.advance(Duration.ofSeconds(1));
          return runtime.getJob("reviews", spec.jobId()).status().isTerminal();
        });

    store.put("cortex/jobs/BatchAPI/reviews/" + spec.jobId() + "/stopped", new byte[0], null);

    assertThat(runtime.getJob("reviews", spec.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void stoppingAJobFromAnotherRuntimeStopsItsWorkersToo() throws InterruptedException {
    BatchRuntime runner = runtime();
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
    runner.register(
        new BatchApiDeployment(
            "reviews",
            "1",
            Map.of(),
            Handlers.batch(
                init ->
                    (batch, context) -> {
                      started.countDown();
                      try {
                        new java.util.concurrent.CountDownLatch(1).await();
                      } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                      }
                    }),
            ProjectFiles.none()));
    JobSpec spec = runner.submitJob("reviews", JobSubmission.items(List.of(1)).build());
    Eventually.until("the batch starts", () -> started.getCount() == 0);

    BatchRuntime other = runtime();
    other.register(
        new BatchApiDeployment(
            "reviews", "1", Map.of(), Handlers.batch(init -> (batch, context) -> {}), ProjectFiles.none()));
    other.stopJob("reviews", spec.jobId());

    assertThat(runner.getJob("reviews", spec.jobId()).status()).isEqualTo(JobStatus.STOPPED);
    assertThat(interrupted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void stoppingAJobWhileItEnqueuesHandlesNoBatchAndLeavesNoWorkerRunning() throws InterruptedException {
    BatchRuntime runtime = runtime();
    AtomicInteger handled = new AtomicInteger();
    runtime.register(
        new BatchApiDeployment(
            "reviews",
            "1",
            Map.of(),
            Handlers.batch(init -> (batch, context) -> handled.incrementAndGet()),
            ProjectFiles.none()));
    java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
    queues.sendGate = gate;

    JobSpec spec = runtime.submitJob("reviews", JobSubmission.items(List.of(1, 2, 3)).build());
    assertThat(queues.sendWaiting.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(runtime.getJob("reviews", spec.jobId()).status()).isEqualTo(JobStatus.ENQUEUING);
    runtime.stopJob("reviews", spec.jobId());
    gate.countDown();

    assertThat(runtime.awaitJob("reviews", spec.jobId(), Duration.ofSeconds(10))).isTrue();
    BatchJobStatus status = runtime.getJob("reviews", spec.jobId());
    assertThat(status.status()).isEqualTo(JobStatus.STOPPED);
    // Workers start while the job enqueues; the stop ends them before any batch reaches the queue.
    Eventually.until("the worker leaves", () -> runtime.getJob("reviews", spec.jobId()).workerCounts().running() == 0);
    assertThat(handled).hasValue(0);
  }
}
