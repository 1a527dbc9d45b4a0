package io.github.cortexj.testkit;

import io.github.cortexj.core.backend.BackendException;

/**
 * The failure {@link Faults} makes a backend call throw: a {@link BackendException} of kind {@value #KIND}, so the
 * runtime meets it exactly where a real SQS or S3 failure would surface.
 *
 * <p>Immutable.
 */
public final class InjectedFaultException extends BackendException {

  private static final long serialVersionUID = 1L;

  /** The kind of every injected fault. */
  public static final String KIND = "testkit.injected_fault";

  /**
   * Creates the exception.
   *
   * @param message which call failed and why
   */
  public InjectedFaultException(String message) {
    super(KIND, message);
  }
}
