package io.github.cortexj.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.batch.internal.BatchJobs;
import io.github.cortexj.batch.internal.JobKeys;
import io.github.cortexj.batch.internal.JobStore;
import io.github.cortexj.batch.internal.RuntimeSettings;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.job.ApiNotDeployedException;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.DryRunResult;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

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
   * Builds a {@link BatchRuntime}. Required: {@link #queueBackend}, {@link #objectStore} and {@link #executor}.
   * Not thread safe.
   */
  public static final class Builder {
    private @Nullable QueueBackend queues;
    private @Nullable ObjectStore store;
    private Clock clock = Clock.systemUTC();
    private @Nullable ExecutorService executor;
    private MetricsClient metrics = MetricsClient.noop();
    private String clusterName = "cortex";
    private String keyPrefix = "cortex";
    private ObjectMapper mapper = new ObjectMapper();
    private @Nullable Supplier<CortexClient> client;
    private Duration pollWait = Duration.ofMillis(200);
    private Duration visibilityTimeout = Duration.ofSeconds(30);
    private Duration renewalPeriod = Duration.ofSeconds(15);
    private Duration completionRecheckDelay = Duration.ofSeconds(1);
    private Duration tickPeriod = Duration.ofMillis(50);

    private Builder() {}

    /**
     * Sets the queue backend (required).
     *
     * @param queues the backend
     * @return this builder
     */
    public Builder queueBackend(QueueBackend queues) {
      this.queues = Objects.requireNonNull(queues, "queues");
      return this;
    }

    /**
     * Sets the object store (required); {@code s3://} paths of submissions must name its bucket.
     *
     * @param store the store
     * @return this builder
     */
    public Builder objectStore(ObjectStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the clock timeouts, visibilities and job ids are measured on (default: the system UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the executor enqueuers and workers run on (required); each job needs one thread per worker while it
     * runs.
     *
     * @param executor the executor, owned by the caller
     * @return this builder
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets the cluster's metrics client, which receives the built-in metrics as is and handlers' metrics through
     * {@link MetricsClient#forHandlers(MetricsClient)} (default: drops everything).
     *
     * @param metrics the client
     * @return this builder
     */
    public Builder metrics(MetricsClient metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Sets the cluster name, which queue names are derived from (default {@code cortex}).
     *
     * @param clusterName the name
     * @return this builder
     */
    public Builder clusterName(String clusterName) {
      this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
      return this;
    }

    /**
     * Sets the key prefix every job key is written under (default {@code cortex}); empty for none.
     *
     * @param keyPrefix the prefix, without a trailing {@code /}
     * @return this builder
     */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /**
     * Sets the mapper JSON is read and written with, and that handlers bind with (default: a plain one).
     *
     * @param mapper the mapper
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Sets the client handed to handlers, supplied when first needed (default: one that reaches no cluster).
     *
     * @param client supplies the client
     * @return this builder
     */
    public Builder client(Supplier<CortexClient> client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets how long (wall time) a worker's receive waits for a batch (default 200 ms).
     *
     * @param pollWait between 0 and 20 seconds, what a queue receive accepts
     * @return this builder
     * @throws IllegalArgumentException when out of range (a worker's every receive would fail)
     */
    public Builder pollWait(Duration pollWait) {
      if (Objects.requireNonNull(pollWait, "pollWait").isNegative() || pollWait.compareTo(Duration.ofSeconds(20)) > 0) {
        throw new IllegalArgumentException("pollWait must be between 0 and 20 seconds (got " + pollWait + ")");
      }
      this.pollWait = pollWait;
      return this;
    }

    /**
     * Sets the visibility of a received batch and how much clock time passes between renewals (defaults 30 s and
     * 15 s, as Cortex).
     *
     * @param visibilityTimeout the initial visibility, positive
     * @param renewalPeriod the time between renewals, positive and shorter than the visibility
     * @return this builder
     * @throws IllegalArgumentException when a renewal would come after the visibility has lapsed
     */
    public Builder visibility(Duration visibilityTimeout, Duration renewalPeriod) {
      Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
      Objects.requireNonNull(renewalPeriod, "renewalPeriod");
      if (renewalPeriod.isNegative() || renewalPeriod.isZero() || renewalPeriod.compareTo(visibilityTimeout) >= 0) {
        throw new IllegalArgumentException("renewalPeriod must be positive and shorter than visibilityTimeout (got "
            + renewalPeriod + " and " + visibilityTimeout + ")");
      }
      this.visibilityTimeout = visibilityTimeout;
      this.renewalPeriod = renewalPeriod;
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
     * Sets how often (wall time) visibilities and timeouts are compared with the clock (default 50 ms).
     *
     * @param tickPeriod the period, at least a millisecond
     * @return this builder
     * @throws IllegalArgumentException when shorter than a millisecond
     */
    public Builder tickPeriod(Duration tickPeriod) {
      if (Objects.requireNonNull(tickPeriod, "tickPeriod").toMillis() < 1) {
        throw new IllegalArgumentException("tickPeriod must be at least 1 ms (got " + tickPeriod + ")");
      }
      this.tickPeriod = tickPeriod;
      return this;
    }

    /**
     * Builds the runtime and starts its ticker.
     *
     * @return the runtime
     * @throws IllegalStateException when a required option is missing
     */
    public BatchRuntime build() {
      QueueBackend q = require(queues, "queueBackend");
      ObjectStore s = require(store, "objectStore");
      ExecutorService e = require(executor, "executor");
      Supplier<CortexClient> c = client;
      RuntimeSettings settings =
          new RuntimeSettings(
              q,
              s,
              new JobStore(s, new JobKeys(keyPrefix), mapper),
              clock,
              e,
              metrics,
              clusterName,
              mapper,
              c,
              pollWait,
              visibilityTimeout,
              renewalPeriod,
              completionRecheckDelay);
      return new BatchRuntime(new BatchJobs(settings, tickPeriod));
    }

    private static <T> T require(@Nullable T value, String option) {
      if (value == null) {
        throw new IllegalStateException("BatchRuntime: " + option + " is required");
      }
      return value;
    }
  }

}
