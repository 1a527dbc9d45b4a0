package io.github.cortexj.core.spec;

import io.github.cortexj.core.CortexException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An API configuration (a cortex.yaml file or a spec built in code) that does not pass validation. It carries
 * every problem found, not only the first, so that one run shows the user everything to fix.
 *
 * <p>The message lists the {@linkplain #errors() errors} one per line, each naming the file, the API (index and
 * name) and the field path. The kind is always {@value #KIND}.
 */
public class ApiConfigException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The error kind of every invalid API configuration. */
  public static final String KIND = "spec.invalid";

  /** The problems, immutable; kept transient because the records are not serialisable. */
  @SuppressWarnings("serial")
  private final transient List<ApiConfigError> errors;

  /**
   * Creates the exception.
   *
   * @param errors the problems found, at least one
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public ApiConfigException(List<ApiConfigError> errors) {
    super(KIND, format(errors));
    this.errors = List.copyOf(errors);
  }

  private static String format(List<ApiConfigError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an ApiConfigException needs at least one error");
    }
    return errors.stream().map(ApiConfigError::toString).collect(Collectors.joining("\n"));
  }

  /**
   * Returns every problem found, in file order (API by API, then the checks across APIs).
   *
   * @return the errors, immutable and never empty
   */
  public List<ApiConfigError> errors() {
    return errors;
  }
}
