package io.github.cortexj.task.internal;

import io.github.cortexj.core.job.JobSubmissionException;
import io.github.cortexj.core.job.TaskSubmission;

/**
 * Checks a task submission with Cortex's rules and messages (§9.2 of the reference): {@code workers} must be
 * exactly 1. Unlike Cortex, which lets 0 or a negative {@code timeout} through (so the task times out at once,
 * §18.13), a timeout must be at least 1 second.
 *
 * <p>Stateless and thread safe.
 */
public final class TaskSubmissionValidator {

  /** The kind of every refusal: a field of the submission has an invalid value. */
  public static final String INVALID_FIELD = "job.invalid_field";

  private TaskSubmissionValidator() {}

  /**
   * Checks a submission.
   *
   * @param submission the submission
   * @throws JobSubmissionException naming the field at fault
   */
  public static void validate(TaskSubmission submission) {
    if (submission.workers() != 1) {
      throw new JobSubmissionException(
          INVALID_FIELD, "workers: invalid value (got " + submission.workers() + ", must be 1)");
    }
    Integer timeout = submission.timeout();
    if (timeout != null && timeout < 1) {
      throw new JobSubmissionException(
          INVALID_FIELD, "timeout: must be greater than or equal to 1 (got " + timeout + ")");
    }
  }
}
