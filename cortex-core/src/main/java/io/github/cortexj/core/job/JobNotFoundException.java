package io.github.cortexj.core.job;

import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.spec.ApiKind;

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
    this(ApiKind.BATCH_API, apiName, jobId);
  }

  /**
   * Creates the exception for a job of an API of the given kind, so that the message names it as Cortex does
   * ({@code unable to find TaskAPI job ...}).
   *
   * @param apiKind the kind of the API: {@link ApiKind#BATCH_API} or {@link ApiKind#TASK_API}
   * @param apiName the API
   * @param jobId the job id that was not found
   */
  public JobNotFoundException(ApiKind apiKind, String apiName, String jobId) {
    super(
        KIND,
        "failed to get job state: unable to find " + apiKind.cortexName() + " job " + jobId + " (" + apiName
            + " api)");
  }
}
