package io.github.cortexj.batch;

import io.github.cortexj.batch.internal.BatchJobs;
import io.github.cortexj.batch.internal.JobKeys;
import io.github.cortexj.batch.internal.JobStore;
import io.github.cortexj.batch.internal.RuntimeSettings;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.job.ApiNotDeployedException;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.DryRunResult;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.runtime.QueueOptions;
import io.github.cortexj.core.runtime.QueueRuntimeBuilder;
import io.github.cortexj.core.runtime.RuntimeOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the batch jobs of the BatchAPIs registered with it, against a {@link QueueBackend} and an
 * {@link ObjectStore} only, so the same runtime serves an embedded cluster (in-memory backends) and a
 * distributed one. A submitted job is validated (Cortex's order and messages), stored in Cortex's layout, split
 * into batches by an enqueuer on the executor, and handled by {@code workers} worker loops on the executor;
 * {@code onJobComplete} runs exactly once after every batch has ended. Job status is read from the store.
 *
 * <pre>{@code
 * try (BatchRuntime runtime = BatchRuntime.builder()
 *     .queueBackend(new InMemoryQueueBackend(clock)).objectStore(new InMemoryObjectStore("cortex", clock))
 *     .clock(clock).executor(executor).build()) {
 *   runtime.register(new BatchApiDeployment("reviews", "1", Map.of(), Handlers.batch(ReviewHandler.class),
 *       ProjectFiles.none()));
 *   JobSpec job = runtime.submitJob("reviews", JobSubmission.items(items).batchSize(50).workers(2).build());
 * }
 * }</pre>
 *
 * <p>Thread safe. Closing it stops the jobs still in progress and waits for their workers; it does not shut down
 * the executor, which belongs to the caller.
 */
public final class BatchRuntime implements AutoCloseable {

  private final BatchJobs jobs;
  private final Map<String, BatchApiDeployment> apis = new ConcurrentHashMap<>();

  private BatchRuntime(BatchJobs jobs) {
    this.jobs = jobs;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers (or replaces) a BatchAPI, so that jobs can be submitted to it. Jobs already running keep the
   * deployment they started with.
   *
   * @param api the deployment
   */
  public void register(BatchApiDeployment api) {
    apis.put(api.name(), api);
  }

  /**
   * Unregisters a BatchAPI and stops its jobs in progress, as deleting an API does in Cortex.
   *
   * @param apiName the API name
   * @throws ApiNotDeployedException when no such API is registered
   */
  public void unregister(String apiName) {
    api(apiName);
    jobs.stopAll(apiName);
    apis.remove(apiName);
  }

  /**
   * Returns a registered API.
   *
   * @param apiName the API name
   * @return the deployment, or empty
   */
  public Optional<BatchApiDeployment> registered(String apiName) {
    return Optional.ofNullable(apis.get(apiName));
  }

  /**
   * Validates and starts a job.
   *
   * @param apiName the API
   * @param submission the submission
   * @return the job's spec, as Cortex answers a submission (no queue URL, no batch count yet)
   * @throws ApiNotDeployedException when the API is not registered
   * @throws io.github.cortexj.core.job.JobSubmissionException when the submission is invalid
   */
  public JobSpec submitJob(String apiName, JobSubmission submission) {
    return jobs.submit(api(apiName), Objects.requireNonNull(submission, "submission"));
  }

  /**
   * Validates a submission and lists the objects it would read, without starting a job.
   *
   * @param apiName the API
   * @param submission the submission
   * @return the dry-run result
   */
  public DryRunResult dryRun(String apiName, JobSubmission submission) {
    api(apiName);
    return jobs.dryRun(Objects.requireNonNull(submission, "submission"));
  }

  /**
   * Reads a job's status from the store.
   *
   * @param apiName the API
   * @param jobId the job id
   * @return the status
   * @throws io.github.cortexj.core.job.JobNotFoundException when the API has no such job
   */
  public BatchJobStatus getJob(String apiName, String jobId) {
    api(apiName);
    return jobs.status(apiName, jobId);
  }

  /**
   * Lists the jobs of an API, newest first.
   *
   * @param apiName the API
   * @return their statuses
   */
  public List<BatchJobStatus> listJobs(String apiName) {
    api(apiName);
    return jobs.list(apiName);
  }

  /**
   * Stops a job in progress.
   *
   * @param apiName the API
   * @param jobId the job id
   * @throws io.github.cortexj.core.CortexException of kind {@code job.job_is_not_in_progress} when it has ended
   */
  public void stopJob(String apiName, String jobId) {
    api(apiName);
    jobs.stop(apiName, jobId);
  }

  /**
   * Lists the batches of a job that failed for good, with their items and errors.
   *
   * @param apiName the API
   * @param jobId the job id
   * @return the failed batches
   */
  public List<FailedBatch> failedBatches(String apiName, String jobId) {
    api(apiName);
    return jobs.failedBatches(apiName, jobId);
  }

  /**
   * Starts a new job made of exactly the failed batches of a job.
   *
   * @param apiName the API
   * @param jobId the job whose failed batches to retry
   * @return the new job's spec
   */
  public JobSpec retryFailedBatches(String apiName, String jobId) {
    return jobs.retryFailedBatches(api(apiName), jobId);
  }

  /**
   * Waits until a job run by this runtime has ended.
   *
   * @param apiName the API
   * @param jobId the job id
   * @param wait the longest wall time to wait
   * @return {@code true} when the job has ended
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitJob(String apiName, String jobId, Duration wait) throws InterruptedException {
    return jobs.awaitEnd(apiName, jobId, wait);
  }

  /**
   * Returns the earliest clock instant at which this runtime will act on its own: a job's or a batch's timeout.
   * A test that moves a manual clock skips straight to it (visibility timeouts are the queue backend's to tell).
   *
   * @return the earliest pending deadline, or empty when none is pending
   */
  public Optional<Instant> nextTimerDeadline() {
    return Optional.ofNullable(jobs.nextDeadline());
  }

  /**
   * Renews visibilities and enforces timeouts against the clock's current time now, on the caller's thread, as the
   * runtime's ticker does every tick period; a test that has just moved a manual clock calls it so that the
   * runtime acts on the new time before the clock moves again.
   */
  public void runTimers() {
    jobs.runTimers();
  }

  private BatchApiDeployment api(String apiName) {
    BatchApiDeployment api = apis.get(Objects.requireNonNull(apiName, "apiName"));
    if (api == null) {
      throw new ApiNotDeployedException(apiName);
    }
    return api;
  }

  /** Stops the jobs still in progress (status {@code stopped}) and waits up to 10 seconds for their workers. */
  @Override
  public void close() {
    jobs.close();
  }

  /**
   * Builds a {@link BatchRuntime}: the options of every queue-driven runtime ({@link QueueRuntimeBuilder}; the
   * executor runs each job's enqueuer and workers, one thread each while the job runs) and the batch ones below.
   * Required: {@link #queueBackend}, {@link #objectStore} and {@link #executor}. Not thread safe.
   */
  public static final class Builder extends QueueRuntimeBuilder<Builder> {
    private Duration completionRecheckDelay = Duration.ofSeconds(1);

    private Builder() {
      super("BatchRuntime");
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets how long (clock time) the completion message waits before it is looked at again while batches are
     * still running (default 1 s).
     *
     * @param delay the delay, not negative
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder completionRecheckDelay(Duration delay) {
      if (Objects.requireNonNull(delay, "delay").isNegative()) {
        throw new IllegalArgumentException("completionRecheckDelay must not be negative (got " + delay + ")");
      }
      this.completionRecheckDelay = delay;
      return this;
    }

    /**
     * Builds the runtime and starts its ticker.
     *
     * @return the runtime
     * @throws IllegalStateException when a required option is missing
     */
    public BatchRuntime build() {
      RuntimeOptions options = options();
      QueueOptions queues = queueOptions();
      RuntimeSettings settings =
          new RuntimeSettings(
              queues.queues(),
              options.store(),
              new JobStore(options.store(), new JobKeys(options.keyPrefix()), options.mapper()),
              options.clock(),
              options.executor(),
              options.metrics(),
              queues.clusterName(),
              options.mapper(),
              options.client(),
              queues.pollWait(),
              queues.visibilityTimeout(),
              queues.renewalPeriod(),
              completionRecheckDelay);
      return new BatchRuntime(new BatchJobs(settings, options.tickPeriod()));
    }
  }

}
