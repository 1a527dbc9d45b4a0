package io.github.cortexj.core.spec;

import java.util.Optional;

/** The log levels a handler or task may be configured with ({@code log_level}), as Cortex names them. */
public enum LogLevel {
  /** Everything, including debugging output. */
  DEBUG,
  /** Informational messages and above; the default. */
  INFO,
  /** Warnings and errors. */
  WARNING,
  /** Errors only. */
  ERROR;

  /**
   * Returns the name used in cortex.yaml and the spec JSON, for example {@code warning}.
   *
   * @return the lower-case name
   */
  public String cortexName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Finds the level with the given cortex.yaml name (lower case, as Cortex requires).
   *
   * @param name a name such as {@code debug}
   * @return the level, or empty when there is none of that name
   */
  public static Optional<LogLevel> fromCortexName(String name) {
    for (LogLevel level : values()) {
      if (level.cortexName().equals(name)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
