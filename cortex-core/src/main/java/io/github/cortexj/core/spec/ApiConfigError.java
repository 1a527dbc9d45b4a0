package io.github.cortexj.core.spec;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem found in an API configuration: where it is (file, API, field path) and what is wrong.
 *
 * <p>{@link #toString()} gives the line users see, for example
 * {@code cortex.yaml: api "iris" (index 0): handler.processes_per_replica: must be 1 for BatchAPI (got 4)}.
 *
 * @param file the file name as given to the parser, or {@code null} for specs built in code
 * @param apiIndex the position of the API in the file's list, or {@code -1} when the problem concerns the whole
 *     file or the spec was built in code
 * @param apiName the API's name as written (even if invalid), or {@code null} when it is unknown
 * @param fieldPath the path of the field at fault inside the API, for example {@code handler.config.model} or
 *     {@code compute.node_groups[1]}; empty when the problem concerns the whole API or file
 * @param reason what kind of problem it is, for callers that react to some of them
 * @param message what is wrong, without the location
 */
public record ApiConfigError(
    @Nullable String file,
    int apiIndex,
    @Nullable String apiName,
    String fieldPath,
    Reason reason,
    String message) {

  /** The kinds of problem the parser reports. */
  public enum Reason {
    /** The file cannot be read. */
    UNREADABLE,
    /** The YAML is malformed; the message carries the line and column. */
    SYNTAX,
    /** A map has the same key twice; the message carries the line and column. */
    DUPLICATE_KEY,
    /** The file is not a non-empty list of API maps. */
    NOT_A_LIST,
    /** A required field is absent or null. */
    MISSING,
    /** A field has the wrong YAML type (for example a string where an integer is required). */
    WRONG_TYPE,
    /** A field has the right type but a value the rules reject. */
    INVALID_VALUE,
    /** A key that this kind, or cortex-java, does not accept. */
    UNSUPPORTED_KEY,
    /** A Cortex kind cortex-java does not run ({@code RealtimeAPI}, {@code TrafficSplitter}). */
    UNSUPPORTED_KIND,
    /** A handler type other than {@code java} ({@code python}, {@code tensorflow}, ...). */
    UNSUPPORTED_HANDLER_TYPE,
    /** A string starting with {@code @}, which Cortex reserves for resource references. */
    RESOURCE_REFERENCE,
    /** An {@code env} key starting with {@code CORTEX_}. */
    RESERVED_ENV,
    /** Two APIs with the same name. */
    DUPLICATE_NAME,
    /** Two APIs with the same endpoint. */
    DUPLICATE_ENDPOINT
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a non-nullable component is {@code null}
   */
  public ApiConfigError {
    Objects.requireNonNull(fieldPath, "fieldPath");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns the error as one line: {@code <file>: api "<name>" (index <i>): <path>: <message>}, leaving out the
   * parts that do not apply.
   */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder();
    if (file != null) {
      line.append(file).append(": ");
    }
    if (apiName != null || apiIndex >= 0) {
      line.append("api");
      if (apiName != null) {
        line.append(" \"").append(apiName).append('"');
      }
      if (apiIndex >= 0) {
        line.append(" (index ").append(apiIndex).append(')');
      }
      line.append(": ");
    }
    if (!fieldPath.isEmpty()) {
      line.append(fieldPath).append(": ");
    }
    return line.append(message).toString();
  }
}
