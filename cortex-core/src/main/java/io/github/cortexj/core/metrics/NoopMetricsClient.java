package io.github.cortexj.core.metrics;

import java.util.Map;

/** The client that publishes nothing: the default when no metrics backend is configured. Stateless. */
enum NoopMetricsClient implements MetricsClient {
  INSTANCE;

  @Override
  public void gauge(String name, double value, Map<String, String> tags) {}

  @Override
  public void increment(String name, double value, Map<String, String> tags) {}

  @Override
  public void histogram(String name, double value, Map<String, String> tags) {}

  @Override
  public String toString() {
    return "MetricsClient.noop()";
  }
}
