package io.github.cortexj.core.env;

import io.github.cortexj.core.CortexException;
import org.jspecify.annotations.Nullable;

/**
 * The CLI config ({@code cli.yaml}) is invalid or cannot be read or written, or an operation on it names an
 * environment that does not exist ({@link EnvironmentNotFoundException}). The message names the file, the field
 * or the environment at fault; the {@linkplain #kind() kind} is one of the constants below, Cortex's where Cortex
 * has one.
 */
public class CliConfigException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The file is not valid YAML, or a field has the wrong type or an invalid value. */
  public static final String INVALID = "cliconfig.invalid_config";

  /** Two environments have the same name (Cortex's kind). */
  public static final String DUPLICATE_ENVIRONMENT_NAMES = "cliconfig.duplicate_environment_names";

  /** The file exists but cannot be read, or cannot be written. */
  public static final String IO_ERROR = "cliconfig.io_error";

  /**
   * Creates an exception.
   *
   * @param kind one of the kinds declared here
   * @param message what went wrong, naming the file, field or environment at fault
   */
  public CliConfigException(String kind, String message) {
    super(kind, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param kind one of the kinds declared here
   * @param message what went wrong, naming the file, field or environment at fault
   * @param cause the underlying failure, or {@code null}
   */
  public CliConfigException(String kind, String message, @Nullable Throwable cause) {
    super(kind, message, cause);
  }
}
