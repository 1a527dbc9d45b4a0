package io.github.cortexj.core.metrics;

import java.util.List;
import java.util.Objects;

/**
 * The rule Cortex applies to the names of handlers' metrics: a name must not start with {@code cortex_} or
 * {@code istio_}, the prefixes of Cortex's own metrics. There is no other rule: as in Cortex, the metrics backend
 * (Prometheus's statsd exporter, or the Micrometer registry) deals with characters it does not accept.
 *
 * <p>Stateless and thread safe.
 */
public final class MetricNames {

  /** The prefixes that only Cortex's own metrics may use, in the order Cortex's message lists them. */
  public static final List<String> RESERVED_PREFIXES = List.of("cortex_", "istio_");

  private MetricNames() {}

  /**
   * Tells whether a name starts with a prefix reserved for Cortex's own metrics. The test is case-sensitive, as
   * Cortex's is.
   *
   * @param name a metric name
   * @return whether a handler may not use it
   */
  public static boolean isReserved(String name) {
    Objects.requireNonNull(name, "name");
    for (String prefix : RESERVED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks that a handler may publish a metric under this name.
   *
   * @param name a metric name
   * @return {@code name}, for chaining
   * @throws InvalidMetricNameException if the name starts with {@code cortex_} or {@code istio_}
   */
  public static String validate(String name) {
    if (isReserved(name)) {
      throw new InvalidMetricNameException(name);
    }
    return name;
  }
}
