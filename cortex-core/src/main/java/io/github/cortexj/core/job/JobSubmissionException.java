package io.github.cortexj.core.job;

import io.github.cortexj.core.CortexException;

/**
 * A job submission was refused: its input, workers, timeout, dead-letter queue or object paths are invalid, or
 * it names no object. The {@linkplain #kind() kind} is Cortex's ({@code job.specify_exactly_one_key},
 * {@code job.conflicting_fields}, {@code batchapi.item_size_exceeds_limit}, {@code aws.invalid_s3_path},
 * {@code batchapi.no_s3_files_found}, ...) and the message is Cortex's, naming the field at fault.
 */
public class JobSubmissionException extends CortexException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param kind Cortex's error kind
   * @param message what is wrong, naming the field
   */
  public JobSubmissionException(String kind, String message) {
    super(kind, message);
  }
}
