package io.github.cortexj.task;

import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.job.ApiNotDeployedException;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.runtime.RuntimeBuilder;
import io.github.cortexj.core.runtime.RuntimeOptions;
import io.github.cortexj.task.internal.TaskJobs;
import io.github.cortexj.task.internal.TaskKeys;
import io.github.cortexj.task.internal.TaskSettings;
import io.github.cortexj.task.internal.TaskStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
   * Builds a {@link TaskRuntime}: the options every runtime takes ({@link RuntimeBuilder}); the object store keeps
   * task specs, markers and errors. Required: {@link #objectStore} and {@link #executor}. Not thread safe.
   */
  public static final class Builder extends RuntimeBuilder<Builder> {

    private Builder() {
      super("TaskRuntime");
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Builds the runtime and starts its ticker.
     *
     * @return the runtime
     * @throws IllegalStateException when a required option is missing
     */
    public TaskRuntime build() {
      RuntimeOptions options = options();
      TaskSettings settings =
          new TaskSettings(
              new TaskStore(options.store(), new TaskKeys(options.keyPrefix()), options.mapper()),
              options.clock(),
              options.executor(),
              options.metrics(),
              options.mapper(),
              options.client());
      return new TaskRuntime(new TaskJobs(settings, options.tickPeriod()));
    }
  }
}
