package io.github.cortexj.core.metrics;

import io.github.cortexj.core.CortexException;

/**
 * A handler tried to publish a metric whose name starts with a prefix Cortex keeps for its own metrics
 * ({@code cortex_} or {@code istio_}). Its {@linkplain #kind() kind} is {@value #KIND}.
 */
public class InvalidMetricNameException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The kind of this error. */
  public static final String KIND = "metrics.invalid_name";

  private final String name;

  /**
   * Creates an exception for a rejected name, with Cortex's message.
   *
   * @param name the metric name at fault
   */
  public InvalidMetricNameException(String name) {
    super(
        KIND,
        "Metric name ("
            + name
            + ") is invalid because it starts with a cortex exclusive prefix (cortex_ or istio_)");
    this.name = name;
  }

  /**
   * Returns the metric name that was rejected.
   *
   * @return the name, never {@code null}
   */
  public String name() {
    return name;
  }
}
