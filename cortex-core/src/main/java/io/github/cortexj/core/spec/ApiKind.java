package io.github.cortexj.core.spec;

import java.util.Optional;

/**
 * The kinds of API cortex-java runs, with the exact names cortex.yaml and Cortex's spec JSON use.
 *
 * <p>Cortex's other kinds, {@code RealtimeAPI} and {@code TrafficSplitter}, are recognised by the parser and
 * rejected with {@link ApiConfigError.Reason#UNSUPPORTED_KIND}.
 */
public enum ApiKind {
  /** Batch jobs split into batches and processed by a pool of workers. */
  BATCH_API("BatchAPI"),
  /** Asynchronous requests queued, processed one at a time and answered through a result store. */
  ASYNC_API("AsyncAPI"),
  /** A task run once per submission. */
  TASK_API("TaskAPI");

  private final String cortexName;

  ApiKind(String cortexName) {
    this.cortexName = cortexName;
  }

  /**
   * Returns the name of the kind as written in cortex.yaml, for example {@code BatchAPI}.
   *
   * @return the case-sensitive name
   */
  public String cortexName() {
    return cortexName;
  }

  /**
   * Finds the kind with the given cortex.yaml name; the match is case-sensitive, as in Cortex.
   *
   * @param name a name such as {@code AsyncAPI}
   * @return the kind, or empty when cortex-java has no kind of that name
   */
  public static Optional<ApiKind> fromCortexName(String name) {
    for (ApiKind kind : values()) {
      if (kind.cortexName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return cortexName;
  }
}
