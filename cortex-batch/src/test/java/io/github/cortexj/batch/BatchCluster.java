package io.github.cortexj.batch;

import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.JobSubmission;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A batch runtime over in-memory backends and a manual clock, for behaviour tests. */
final class BatchCluster implements AutoCloseable {

  static final String API = "reviews";

  final ManualClock clock = new ManualClock();
  final InMemoryQueueBackend queues = new InMemoryQueueBackend(clock);
  final InMemoryObjectStore store = new InMemoryObjectStore("cortex-bucket", clock);
  final RecordingMetrics metrics = new RecordingMetrics();
  final ExecutorService executor = Executors.newCachedThreadPool();
  final BatchRuntime runtime;

  BatchCluster() {
    this(UnaryOperator.identity());
  }

  /** A cluster whose runtime sees the in-memory store through {@code storeView} (to inject storage failures). */
  BatchCluster(UnaryOperator<ObjectStore> storeView) {
    this(storeView, UnaryOperator.identity());
  }

  /** A cluster whose runtime sees the in-memory backends through views (to inject failures or delays). */
  BatchCluster(UnaryOperator<ObjectStore> storeView, UnaryOperator<QueueBackend> queueView) {
    runtime =
      BatchRuntime.builder()
          .queueBackend(queueView.apply(queues))
          .objectStore(storeView.apply(store))
          .clock(clock)
          .executor(executor)
          .metrics(metrics)
          .clusterName("test")
          .pollWait(Duration.ofMillis(10))
          .completionRecheckDelay(Duration.ofSeconds(1))
          .tickPeriod(Duration.ofMillis(5))
          .build();
  }

  BatchCluster deploy(BatchHandler handler) {
    return deploy(Handlers.batch(init -> handler), Map.of());
  }

  BatchCluster deploy(HandlerFactory<? extends BatchHandler> factory, Map<String, Object> config) {
    runtime.register(new BatchApiDeployment(API, "api-1", config, factory, ProjectFiles.none()));
    return this;
  }

  JobSpec submit(JobSubmission submission) {
    return runtime.submitJob(API, submission);
  }

  /**
   * Waits until the job has a terminal status, advancing the clock by a second at a time, and each time only once
   * the runtime's ticker has seen the new time (so that the clock never outruns visibility renewals).
   */
  BatchJobStatus awaitEnd(String jobId) {
    Eventually.until(
        "job " + jobId + " ends",
        () -> {
          if (runtime.getJob(API, jobId).status().isTerminal()) {
            return true;
          }
          clock.advance(Duration.ofSeconds(1));
          long reads = clock.tickerReads();
          Eventually.until("a tick", () -> clock.tickerReads() >= reads + 2);
          return false;
        });
    return runtime.getJob(API, jobId);
  }

  /** Waits (without advancing the clock) until the job has the status. */
  void awaitStatus(String jobId, JobStatus status) {
    Eventually.until("job " + jobId + " is " + status, () -> runtime.getJob(API, jobId).status() == status);
  }

  @Override
  public void close() {
    runtime.close();
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
