package io.github.cortexj.core.metrics;

import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client handlers receive, wrapped around the cluster's client: it rejects Cortex's reserved names and the
 * {@code null}s that the delegate should never see, and swallows (logging a warning) anything the delegate throws,
 * so that publishing a metric cannot fail a batch or a request. Thread safe if the delegate is.
 */
final class HandlerMetricsClient implements MetricsClient {

  private static final Logger LOG = LoggerFactory.getLogger(HandlerMetricsClient.class);

  private final MetricsClient delegate;

  HandlerMetricsClient(MetricsClient delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void gauge(String name, double value, Map<String, String> tags) {
    check(name, tags);
    try {
      delegate.gauge(name, value, tags);
    } catch (RuntimeException e) {
      LOG.warn("failed to publish gauge {}", name, e);
    }
  }

  @Override
  public void increment(String name, double value, Map<String, String> tags) {
    check(name, tags);
    try {
      delegate.increment(name, value, tags);
    } catch (RuntimeException e) {
      LOG.warn("failed to publish counter {}", name, e);
    }
  }

  @Override
  public void histogram(String name, double value, Map<String, String> tags) {
    check(name, tags);
    try {
      delegate.histogram(name, value, tags);
    } catch (RuntimeException e) {
      LOG.warn("failed to publish histogram {}", name, e);
    }
  }

  private static void check(String name, Map<String, String> tags) {
    MetricNames.validate(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(tags, "tags");
    tags.forEach(
        (key, value) -> {
          Objects.requireNonNull(key, "tag name");
          Objects.requireNonNull(value, () -> "value of tag " + key);
        });
  }

  @Override
  public String toString() {
    return "MetricsClient.forHandlers(" + delegate + ")";
  }
}
