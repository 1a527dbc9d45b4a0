package io.github.cortexj.core.job;

import io.github.cortexj.core.CortexException;

/**
 * No job with the given id exists for the API: kind {@value #KIND}, with Cortex's message.
 */
public class JobNotFoundException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The kind of this error. */
  public static final String KIND = "job.not_found";

  /**
   * Creates the exception for a job of a BatchAPI.
   *
   * @param apiName the API
   * @param jobId the job id that was not found
   */
  public JobNotFoundException(String apiName, String jobId) {
    super(KIND, "failed to get job state: unable to find BatchAPI job " + jobId + " (" + apiName + " api)");
  }
}
