package io.github.cortexj.testkit;

/**
 * Thrown by a {@link CortexTestCluster} {@code await} that did not see its condition within the cluster's
 * {@link TestClusterOptions#awaitTimeout()} of wall time; its message names what was awaited and carries the
 * cluster's {@link CortexTestCluster#timeline() timeline}. An {@link AssertionError}, so the test fails rather
 * than errors.
 */
public final class AwaitTimeoutError extends AssertionError {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what was awaited, for how long, and the timeline
   */
  public AwaitTimeoutError(String message) {
    super(message);
  }
}
