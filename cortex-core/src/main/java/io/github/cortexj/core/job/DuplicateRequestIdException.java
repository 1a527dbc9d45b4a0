package io.github.cortexj.core.job;

import io.github.cortexj.core.CortexException;

/**
 * An async request was submitted with an id that the API already holds: kind {@value #KIND}. Cortex silently
 * overwrites the earlier request (§18.8 of the reference); cortex-java refuses.
 */
public class DuplicateRequestIdException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The kind of this error. */
  public static final String KIND = "async.duplicate_id";

  /**
   * Creates the exception.
   *
   * @param apiName the AsyncAPI
   * @param requestId the id already in use
   */
  public DuplicateRequestIdException(String apiName, String requestId) {
    super(KIND, "error: id " + requestId + " already exists for api " + apiName);
  }
}
