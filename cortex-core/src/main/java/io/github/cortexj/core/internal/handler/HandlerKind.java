package io.github.cortexj.core.internal.handler;

/** The three kinds of handler the runtime builds, and what sets their constructors apart. */
public enum HandlerKind {
  /** A {@code BatchHandler} or {@code TypedBatchHandler}: may receive the {@code JobSpec}. */
  BATCH(
      "io.github.cortexj.core.BatchHandler or io.github.cortexj.core.TypedBatchHandler",
      true),
  /** An {@code AsyncHandler}. */
  ASYNC("io.github.cortexj.core.AsyncHandler", false),
  /** A {@code Task}. */
  TASK("io.github.cortexj.core.Task", false);

  private final String expectedInterfaces;
  private final boolean receivesJobSpec;

  HandlerKind(String expectedInterfaces, boolean receivesJobSpec) {
    this.expectedInterfaces = expectedInterfaces;
    this.receivesJobSpec = receivesJobSpec;
  }

  /**
   * Returns the interface(s) a class of this kind implements, for messages.
   *
   * @return the fully qualified names
   */
  public String expectedInterfaces() {
    return expectedInterfaces;
  }

  /**
   * Returns whether handlers of this kind may receive the job spec, as only Cortex's batch handlers do.
   *
   * @return {@code true} for batch handlers
   */
  public boolean receivesJobSpec() {
    return receivesJobSpec;
  }

  /**
   * Returns the list of supported constructor parameters, for messages.
   *
   * @return the list, in parentheses
   */
  public String supportedParameters() {
    return receivesJobSpec
        ? "(supported: the config as Map, JsonNode or a record/POJO, JobSpec, MetricsClient, ProjectFiles,"
            + " CortexClient)"
        : "(supported: the config as Map, JsonNode or a record/POJO, MetricsClient, ProjectFiles, CortexClient)";
  }
}
