package io.github.cortexj.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.job.ApiNotDeployedException;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.metrics.MetricsClient;
import io.github.cortexj.task.internal.TaskJobs;
import io.github.cortexj.task.internal.TaskKeys;
import io.github.cortexj.task.internal.TaskSettings;
import io.github.cortexj.task.internal.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs the task jobs of the TaskAPIs registered with it, against an {@link ObjectStore} only, so the same runtime
 * serves an embedded cluster and a distributed one. A submitted task is validated (Cortex's messages), its spec
 * and {@code running} marker are stored in Cortex's layout, and it runs once on the executor: the task is built,
 * given the API's {@code definition.config} deep-merged with the job's (the job wins), and called. Its end is
 * written as a marker the moment it happens ({@code succeeded}, {@code worker_error} with the error stored,
 * {@code timed_out}, {@code stopped}); status is read from the store with Task's marker precedence.
 *
 * <pre>{@code
 * try (TaskRuntime tasks = TaskRuntime.builder()
 *     .objectStore(new InMemoryObjectStore("cortex", clock)).clock(clock).executor(executor).build()) {
 *   tasks.register(new TaskApiDeployment("retrain", "1--a", "a", "h", Map.of("epochs", 3),
 *       Handlers.task(RetrainTask.class), ProjectFiles.none()));
 *   TaskJobSpec job = tasks.submit("retrain", TaskSubmission.builder().timeout(3600).build());
 *   tasks.awaitJob("retrain", job.jobId(), Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>Timeouts are measured on the injected clock, compared with it every {@linkplain Builder#tickPeriod tick};
 * a task that times out or is stopped has its thread interrupted. A task that ignores interrupts keeps its thread
 * until it returns, but its status is final the moment it is stopped or times out.
 *
 * <p>Thread safe. Closing it stops the tasks still running (status {@code stopped}) and waits up to 10 seconds
 * for their threads; it does not shut down the executor, which belongs to the caller.
 */
public final class TaskRuntime implements AutoCloseable {

  private final TaskJobs jobs;
  private final Map<String, TaskApiDeployment> apis = new ConcurrentHashMap<>();

  private TaskRuntime(TaskJobs jobs) {
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
   * Registers (or replaces) a TaskAPI, so that tasks can be submitted to it. Tasks already running keep the
   * deployment they started with.
   *
   * @param api the deployment
   */
  public void register(TaskApiDeployment api) {
    apis.put(api.name(), api);
  }

  /**
   * Unregisters a TaskAPI and stops its tasks in progress, as deleting an API does in Cortex.
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
  public Optional<TaskApiDeployment> registered(String apiName) {
    return Optional.ofNullable(apis.get(apiName));
  }

  /**
   * Validates and starts a task: {@code workers} must be 1 and {@code timeout}, when present, at least 1.
   *
   * @param apiName the TaskAPI
   * @param submission the submission
   * @return the task's spec, as Cortex answers a submission
   * @throws ApiNotDeployedException when the API is not registered
   * @throws io.github.cortexj.core.job.JobSubmissionException when the submission is invalid
   */
  public TaskJobSpec submit(String apiName, TaskSubmission submission) {
    return jobs.submit(api(apiName), Objects.requireNonNull(submission, "submission"));
  }

  /**
   * Reads a task's status from the store.
   *
   * @param apiName the TaskAPI
   * @param jobId the job id
   * @return the status
   * @throws io.github.cortexj.core.job.JobNotFoundException when the API has no such task
   */
  public TaskJobStatus getJob(String apiName, String jobId) {
    api(apiName);
    return jobs.status(apiName, Objects.requireNonNull(jobId, "jobId"));
  }

  /**
   * Lists the tasks of an API, newest first.
   *
   * @param apiName the TaskAPI
   * @return their statuses
   */
  public List<TaskJobStatus> listJobs(String apiName) {
    api(apiName);
    return jobs.list(apiName);
  }

  /**
   * Stops a task in progress: its thread is interrupted and its status becomes {@code stopped}.
   *
   * @param apiName the TaskAPI
   * @param jobId the job id
   * @throws io.github.cortexj.core.job.JobNotFoundException when the API has no such task
   * @throws io.github.cortexj.core.CortexException of kind {@code job.job_is_not_in_progress} when it has ended
   */
  public void stopJob(String apiName, String jobId) {
    api(apiName);
    jobs.stop(apiName, Objects.requireNonNull(jobId, "jobId"));
  }

  /**
   * Waits until a task run by this runtime has ended and its status is stored.
   *
   * @param apiName the TaskAPI
   * @param jobId the job id
   * @param wait the longest wall time to wait
   * @return {@code true} when the task has ended (or is not run by this runtime)
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitJob(String apiName, String jobId, Duration wait) throws InterruptedException {
    return jobs.awaitEnd(apiName, jobId, wait);
  }

  private TaskApiDeployment api(String apiName) {
    TaskApiDeployment api = apis.get(Objects.requireNonNull(apiName, "apiName"));
    if (api == null) {
      throw new ApiNotDeployedException(apiName);
    }
    return api;
  }

  /** Stops the tasks still in progress (status {@code stopped}) and waits up to 10 seconds for their threads. */
  @Override
  public void close() {
    jobs.close();
  }

  /**
   * Builds a {@link TaskRuntime}. Required: {@link #objectStore} and {@link #executor}. Not thread safe.
   */
  public static final class Builder {
    private @Nullable ObjectStore store;
    private Clock clock = Clock.systemUTC();
    private @Nullable ExecutorService executor;
    private MetricsClient metrics = MetricsClient.noop();
    private String keyPrefix = "cortex";
    private ObjectMapper mapper = new ObjectMapper();
    private @Nullable Supplier<CortexClient> client;
    private Duration tickPeriod = Duration.ofMillis(50);

    private Builder() {}

    /**
     * Sets the object store task specs, markers and errors are kept in (required).
     *
     * @param store the store
     * @return this builder
     */
    public Builder objectStore(ObjectStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the clock job ids, start times and timeouts are measured on (default: the system UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the executor tasks run on (required); each task holds one thread while it runs.
     *
     * @param executor the executor, owned by the caller
     * @return this builder
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets the cluster's metrics client; tasks publish through {@link MetricsClient#forHandlers(MetricsClient)}
     * (default: drops everything).
     *
     * @param metrics the client
     * @return this builder
     */
    public Builder metrics(MetricsClient metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Sets the key prefix every task key is written under (default {@code cortex}); empty for none.
     *
     * @param keyPrefix the prefix, without a trailing {@code /}
     * @return this builder
     */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /**
     * Sets the mapper JSON is read and written with, and that tasks bind their config with (default: a plain one).
     *
     * @param mapper the mapper
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Sets the client handed to tasks, supplied when a task starts (default: one that reaches no cluster).
     *
     * @param client supplies the client of the cluster the tasks run in
     * @return this builder
     */
    public Builder client(Supplier<CortexClient> client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets how often (wall time) timeouts are compared with the clock (default 50 ms).
     *
     * @param tickPeriod the period
     * @return this builder
     */
    public Builder tickPeriod(Duration tickPeriod) {
      this.tickPeriod = Objects.requireNonNull(tickPeriod, "tickPeriod");
      return this;
    }

    /**
     * Builds the runtime and starts its ticker.
     *
     * @return the runtime
     * @throws IllegalStateException when a required option is missing
     */
    public TaskRuntime build() {
      ObjectStore s = require(store, "objectStore");
      ExecutorService e = require(executor, "executor");
      TaskSettings settings =
          new TaskSettings(new TaskStore(s, new TaskKeys(keyPrefix), mapper), clock, e, metrics, mapper, client);
      return new TaskRuntime(new TaskJobs(settings, tickPeriod));
    }

    private static <T> T require(@Nullable T value, String option) {
      if (value == null) {
        throw new IllegalStateException("TaskRuntime: " + option + " is required");
      }
      return value;
    }
  }
}
