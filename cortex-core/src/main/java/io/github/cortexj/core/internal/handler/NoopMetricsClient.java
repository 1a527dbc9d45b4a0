package io.github.cortexj.core.internal.handler;

import io.github.cortexj.core.metrics.MetricsClient;
import java.util.Map;

/** A {@link MetricsClient} that drops everything: the default of contexts built without one. Thread safe. */
public enum NoopMetricsClient implements MetricsClient {
  /** The only instance. */
  INSTANCE;

  @Override
  public void gauge(String name, double value, Map<String, String> tags) {}

  @Override
  public void increment(String name, double value, Map<String, String> tags) {}

  @Override
  public void histogram(String name, double value, Map<String, String> tags) {}

  @Override
  public String toString() {
    return "NoopMetricsClient";
  }
}
