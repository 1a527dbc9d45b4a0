package io.github.cortexj.task.internal;

import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.JobIds;
import io.github.cortexj.core.job.JobNotFoundException;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.job.WorkerCounts;
import io.github.cortexj.core.job.WorkloadError;
import io.github.cortexj.core.runtime.Ticker;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.task.TaskApiDeployment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits, runs, stops and reads the task jobs of one cluster: validation, the store layout, one
 * {@link TaskRunner} per job on the executor, and a ticker that enforces timeouts on the runtime's clock and
 * notices stops made by other processes sharing the store.
 *
 * <p>Thread safe.
 */
public final class TaskJobs implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TaskJobs.class);

  /** How often (wall time) a running task's store is asked whether another process stopped it. */
  private static final long REMOTE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** The {@link WorkloadError#type()} stored for a task that ran past its timeout. */
  public static final String TIMED_OUT_ERROR = "timed_out";

  /** Cortex's kind for stopping a task that has ended. */
  public static final String NOT_IN_PROGRESS = "job.job_is_not_in_progress";

  private final TaskSettings settings;
  private final TaskStore store;
  private final JobIds ids;
  private final TaskEnding ending;
  private final Map<String, TaskRun> runs = new ConcurrentHashMap<>();
  private final Ticker ticker;
  private volatile boolean closed;

  /**
   * Creates the task runner and starts its ticker.
   *
   * @param settings the shared settings
   * @param tickPeriod how often (wall time) timeouts are compared with the clock
   */
  public TaskJobs(TaskSettings settings, Duration tickPeriod) {
    this.settings = settings;
    this.store = settings.store();
    this.ids = new JobIds(settings.clock());
    this.ending = new TaskEnding(store, this::release);
    this.ticker = Ticker.start("cortex-task-ticker", tickPeriod, this::tick);
  }

  /**
   * Validates a submission, stores the task's spec with its {@code running} and in-progress markers, and starts
   * the task on the executor. As in Cortex, a task the executor refuses still gets its spec back, with the status
   * {@code unexpected_error}.
   *
   * @param api the API the task runs on
   * @param submission the submission
   * @return the task's spec
   */
  public TaskJobSpec submit(TaskApiDeployment api, TaskSubmission submission) {
    TaskSubmissionValidator.validate(submission);
    if (closed) {
      throw new IllegalStateException("the task runtime is closed");
    }
    Instant now = settings.clock().instant();
    Integer timeout = submission.timeout();
    TaskJobSpec spec =
        new TaskJobSpec(
            ids.next(),
            api.name(),
            TaskJobSpec.TASK_KIND,
            submission.workers(),
            submission.config(),
            timeout,
            api.apiId(),
            api.specId(),
            api.handlerId(),
            now);
    store.writeSpec(spec);
    store.writeMarker(api.name(), spec.jobId(), JobStatus.RUNNING);
    store.writeInProgress(api.name(), spec.jobId());
    TaskRun run = new TaskRun(api, spec, timeout == null ? null : now.plusSeconds(timeout));
    runs.put(key(api.name(), spec.jobId()), run);
    try {
      run.future(settings.executor().submit(new TaskRunner(settings, run, ending, () -> release(run))));
    } catch (RejectedExecutionException e) {
      LOG.error("could not start task {} of {}", spec.jobId(), api.name(), e);
      ending.end(run, JobStatus.UNEXPECTED_ERROR, WorkloadError.of(e));
      release(run); // no runner will
    }
    return spec;
  }

  /**
   * Stops a task in progress: its thread is interrupted and its status becomes {@code stopped}. A task run by
   * another process sharing the store gets its {@code stopped} marker, which that process notices within about a
   * second.
   *
   * @param api the API name
   * @param jobId the job id
   * @throws JobNotFoundException when the API has no such job
   * @throws CortexException of kind {@code job.job_is_not_in_progress} when the task has ended
   */
  public void stop(String api, String jobId) {
    spec(api, jobId);
    JobStatus status = store.status(api, jobId).status();
    if (!status.isInProgress()) {
      throw notInProgress(jobId, status);
    }
    TaskRun run = runs.get(key(api, jobId));
    if (run == null) {
      store.writeMarker(api, jobId, JobStatus.STOPPED);
      store.deleteInProgress(api, jobId);
    } else if (!ending.end(run, JobStatus.STOPPED, null)) {
      throw notInProgress(jobId, store.status(api, jobId).status()); // it ended meanwhile
    }
  }

  private static CortexException notInProgress(String jobId, JobStatus status) {
    return new CortexException(
        NOT_IN_PROGRESS,
        "cannot stop TaskAPI job " + jobId + " because it is not in progress (it is " + status.code() + ")");
  }

  /**
   * Stops every task of an API that is in progress, as deleting the API does.
   *
   * @param api the API name
   */
  public void stopAll(String api) {
    for (String jobId : store.jobIds(api)) {
      if (store.status(api, jobId).status().isInProgress()) {
        try {
          stop(api, jobId);
        } catch (CortexException e) {
          LOG.debug("task {} of {} ended while being stopped: {}", jobId, api, e.getMessage());
        }
      }
    }
  }

  /**
   * Reads a task's status from the store.
   *
   * @param api the API name
   * @param jobId the job id
   * @return the status
   * @throws JobNotFoundException when the API has no such job
   */
  public TaskJobStatus status(String api, String jobId) {
    TaskJobSpec spec = spec(api, jobId);
    TaskStore.StatusMarker marker = store.status(api, jobId);
    JobStatus status = marker.status();
    WorkerCounts counts = null;
    if (status.isInProgress()) {
      TaskRun run = runs.get(key(api, jobId));
      counts = new WorkerCounts(run == null || run.isStarted() ? 1 : 0, 0, 0);
    }
    WorkloadError error =
        status == JobStatus.WORKER_ERROR || status == JobStatus.TIMED_OUT || status == JobStatus.UNEXPECTED_ERROR
            ? store.readError(api, jobId).orElse(null)
            : null;
    return new TaskJobStatus(spec, status.isTerminal() ? marker.writtenAt() : null, status, counts, error);
  }

  /**
   * Lists the tasks of an API, newest first.
   *
   * @param api the API name
   * @return their statuses
   */
  public List<TaskJobStatus> list(String api) {
    List<String> jobIds = new ArrayList<>(store.jobIds(api));
    jobIds.sort(JobIds.NEWEST_FIRST);
    List<TaskJobStatus> statuses = new ArrayList<>();
    for (String jobId : jobIds) {
      statuses.add(status(api, jobId));
    }
    return statuses;
  }

  /**
   * Waits until a task run by this process has ended and its status is stored.
   *
   * @param api the API name
   * @param jobId the job id
   * @param wait the longest wall time to wait
   * @return {@code true} when the task ended within the wait (or is not run here)
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitEnd(String api, String jobId, Duration wait) throws InterruptedException {
    TaskRun run = runs.get(key(api, jobId));
    return run == null || run.awaitEnd(wait);
  }

  private TaskJobSpec spec(String api, String jobId) {
    if (!JobIds.isWellFormed(jobId)) {
      throw new JobNotFoundException(ApiKind.TASK_API, api, jobId);
    }
    return store.readSpec(api, jobId).orElseThrow(() -> new JobNotFoundException(ApiKind.TASK_API, api, jobId));
  }

  private void tick() {
    try {
      Instant now = settings.clock().instant();
      for (TaskRun run : runs.values()) {
        if (run.isEnded()) {
          continue;
        }
        Instant deadline = run.deadline();
        TaskJobSpec spec = run.spec();
        if (deadline != null && now.isAfter(deadline)) {
          LOG.warn("task {} of {} timed out", spec.jobId(), spec.apiName());
          ending.end(
              run,
              JobStatus.TIMED_OUT,
              new WorkloadError(
                  TIMED_OUT_ERROR, "the task did not end within its timeout of " + spec.timeout() + " seconds"));
        } else if (run.remoteCheckDue(System.nanoTime(), REMOTE_CHECK_NANOS)
            && store.hasMarker(spec.apiName(), spec.jobId(), JobStatus.STOPPED)) {
          ending.end(run, JobStatus.STOPPED, null); // stopped by another process sharing the store
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("task ticker failed: {}", e.getMessage(), e);
    }
  }

  private void release(TaskRun run) {
    if (run.release()) {
      runs.remove(key(run.spec().apiName(), run.spec().jobId()));
    }
  }

  private static String key(String api, String jobId) {
    return api + "/" + jobId;
  }

  /**
   * Stops the ticker and the tasks still in progress (their status becomes {@code stopped}), and waits up to
   * {@code wait} for their threads to leave.
   *
   * @param wait the longest wall time to wait
   */
  public void close(Duration wait) {
    closed = true;
    ticker.close(wait);
    List<TaskRun> open = new ArrayList<>(runs.values());
    for (TaskRun run : open) {
      try {
        ending.end(run, JobStatus.STOPPED, null);
      } catch (RuntimeException e) {
        // Stopped all the same: a store that fails for one task (closed first, down at shutdown) must not leave
        // the others running.
        LOG.warn("task {} of {} was stopped, but its status could not be recorded: {}", run.spec().jobId(),
            run.spec().apiName(), e.getMessage());
      }
    }
    long deadline = System.nanoTime() + wait.toNanos();
    for (TaskRun run : open) {
      run.awaitRunner(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
  }

  /** Stops the tasks in progress and waits up to 10 seconds for their threads. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  @Override
  public String toString() {
    return "TaskJobs[" + runs.size() + " running]";
  }
}
