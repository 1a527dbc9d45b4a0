package io.github.cortexj.task.internal;

import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.WorkloadError;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a task run exactly once, whatever ends it (the task returning or throwing, a stop, the timeout): stores the
 * error when there is one, writes the status marker, deletes the in-progress marker and interrupts the task's
 * thread. The status is pushed to the store the moment the task ends, not found later by polling.
 *
 * <p>Thread safe.
 */
final class TaskEnding {

  private static final Logger LOG = LoggerFactory.getLogger(TaskEnding.class);

  private final TaskStore store;
  private final Consumer<TaskRun> afterEnd;

  /**
   * Creates the ending.
   *
   * @param store where ends are recorded
   * @param afterEnd called with each run once its end is recorded
   */
  TaskEnding(TaskStore store, Consumer<TaskRun> afterEnd) {
    this.store = store;
    this.afterEnd = afterEnd;
  }

  /**
   * Ends the run with a terminal status, unless it has already ended.
   *
   * @param run the run
   * @param status the terminal status
   * @param error why it failed, or {@code null}
   * @return {@code true} when this call ended the run
   */
  boolean end(TaskRun run, JobStatus status, @Nullable WorkloadError error) {
    if (!run.end(status)) {
      return false;
    }
    TaskJobSpec spec = run.spec();
    try {
      if (error != null) {
        store.writeError(spec.apiName(), spec.jobId(), error);
      }
      store.writeMarker(spec.apiName(), spec.jobId(), status);
      store.deleteInProgress(spec.apiName(), spec.jobId());
      LOG.info("task {} of {} ended: {}", spec.jobId(), spec.apiName(), status.code());
    } finally {
      run.endRecorded();
      afterEnd.accept(run);
    }
    return true;
  }
}
