package io.github.cortexj.core.project;

import io.github.cortexj.core.CortexException;
import org.jspecify.annotations.Nullable;

/**
 * A project cannot be loaded, read or zipped: the config file is missing, the root is refused, a file or the whole
 * project is over Cortex's size limit, a path escapes the root, or a file cannot be read. The message names the file
 * or path at fault; the {@linkplain #kind() kind} is one of the constants below.
 */
public class ProjectException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The config file (for example {@code cortex.yaml}) does not exist or is not a regular file. */
  public static final String CONFIG_NOT_FOUND = "project.config_not_found";

  /** The project root is the user's home directory or {@code /}, which Cortex refuses to deploy. */
  public static final String ROOT_REFUSED = "project.root_refused";

  /** A single included file is larger than the per-file limit (32 MiB by default). */
  public static final String FILE_TOO_LARGE = "project.file_too_large";

  /** The included files together are larger than the project limit (32 MiB by default). */
  public static final String TOO_LARGE = "project.too_large";

  /** A path is absolute, contains {@code ..} or NUL, or otherwise leads outside the project root. */
  public static final String PATH_ESCAPES_ROOT = "project.path_escapes_root";

  /** The project has no included file at the requested path. */
  public static final String FILE_NOT_FOUND = "project.file_not_found";

  /** A project file exists but cannot be read. */
  public static final String UNREADABLE = "project.unreadable";

  /** A zip entry would be extracted outside the target directory. */
  public static final String ZIP_SLIP = "project.zip_slip";

  /** The {@code .env} file uses a construct outside the supported subset or is malformed. */
  public static final String INVALID_ENV = "project.invalid_env";

  /**
   * Creates an exception.
   *
   * @param kind one of the kinds declared here
   * @param message what went wrong, naming the file or path at fault
   */
  public ProjectException(String kind, String message) {
    super(kind, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param kind one of the kinds declared here
   * @param message what went wrong, naming the file or path at fault
   * @param cause the underlying failure, or {@code null}
   */
  public ProjectException(String kind, String message, @Nullable Throwable cause) {
    super(kind, message, cause);
  }
}
