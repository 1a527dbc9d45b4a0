package io.github.cortexj.core.job;

import io.github.cortexj.core.CortexException;

/**
 * The API named in a call is not deployed on the cluster: kind {@value #KIND}, message {@code <name> is not
 * deployed}, as Cortex.
 */
public class ApiNotDeployedException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The kind of this error. */
  public static final String KIND = "resources.api_not_deployed";

  /**
   * Creates the exception.
   *
   * @param apiName the API that is not deployed
   */
  public ApiNotDeployedException(String apiName) {
    super(KIND, apiName + " is not deployed");
  }
}
