package io.github.cortexj.core.job;

import io.github.cortexj.core.CortexException;

/**
 * No async request with the given id exists for the API (it was never submitted, was cancelled, or its retention
 * period has passed): kind {@value #KIND}, with the message Cortex's gateway gives.
 */
public class AsyncRequestNotFoundException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The kind of this error. */
  public static final String KIND = "async.not_found";

  /**
   * Creates the exception.
   *
   * @param apiName the AsyncAPI
   * @param requestId the id that was not found
   */
  public AsyncRequestNotFoundException(String apiName, String requestId) {
    super(KIND, "error: id " + requestId + " not found");
  }
}
