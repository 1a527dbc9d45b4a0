package io.github.cortexj.core;

/**
 * A status code or status marker name is not one Cortex defines, where an unknown value cannot simply read as
 * {@link JobStatus#UNKNOWN}: an async workload's status marker that is not one of {@code in_queue},
 * {@code in_progress}, {@code completed} or {@code failed}. Cortex's gateway answers such a workload with an
 * internal error. The message names the marker. Kind {@value #KIND}.
 */
public class InvalidStatusException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The kind of this error. */
  public static final String KIND = "async.invalid_status";

  /**
   * Creates an exception.
   *
   * @param message what is wrong, naming the marker or code at fault
   */
  public InvalidStatusException(String message) {
    super(KIND, message);
  }
}
