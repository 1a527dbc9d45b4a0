package io.github.cortexj.testkit;

import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.WorkloadError;

/**
 * AssertJ assertions on a {@link TaskJobStatus}: status and error.
 *
 * <pre>{@code
 * assertThat(cluster.awaitTask("nightly-report", job.jobId())).succeeded();
 * }</pre>
 *
 * <p>Not thread safe.
 */
public final class TaskJobStatusAssert extends CortexAssert<TaskJobStatusAssert, TaskJobStatus> {

  TaskJobStatusAssert(TaskJobStatus actual) {
    super(actual, TaskJobStatusAssert.class);
  }

  /**
   * Verifies the task's status.
   *
   * @param expected the status
   * @return this
   */
  public TaskJobStatusAssert hasStatus(JobStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      WorkloadError error = actual.error();
      failWith("expected task " + actual.jobId() + " to be " + expected.code() + " but it was "
          + actual.status().code() + (error == null ? "" : " (error " + error.type() + ": " + error.message() + ")"));
    }
    return this;
  }

  /**
   * Verifies that the task succeeded.
   *
   * @return this
   */
  public TaskJobStatusAssert succeeded() {
    return hasStatus(JobStatus.SUCCEEDED);
  }

  /**
   * Verifies the error stored for a failed task.
   *
   * @param type the error's type, an exception class name
   * @param message the error's message
   * @return this
   */
  public TaskJobStatusAssert hasError(String type, String message) {
    isNotNull();
    WorkloadError error = actual.error();
    if (error == null || !error.type().equals(type) || !error.message().equals(message)) {
      failWith("expected task " + actual.jobId() + " to have failed with " + type + ": " + message + " but "
          + (error == null ? "it has no error" : "it failed with " + error.type() + ": " + error.message())
          + " (status " + actual.status().code() + ")");
    }
    return this;
  }
}
