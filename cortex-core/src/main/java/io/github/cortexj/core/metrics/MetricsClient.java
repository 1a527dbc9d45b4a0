package io.github.cortexj.core.metrics;

import java.util.Map;

/**
 * Publishes a handler's own metrics: the Java counterpart of Cortex's {@code metrics_client} (gauge, increment,
 * histogram, each with string tags).
 *
 * <p>The client handed to handlers is {@link #forHandlers(MetricsClient) forHandlers(clusterClient)}: it rejects
 * names that start with {@code cortex_} or {@code istio_}, which Cortex reserves for its own metrics, with an
 * {@link InvalidMetricNameException}. The runtime publishes its own metrics ({@code cortex_batch_succeeded} and
 * the like) through the undecorated client. Publishing never throws for transport reasons: metrics are
 * fire-and-forget, as in Cortex.
 *
 * <p>Implementations: {@link #noop()} (the default), {@link MicrometerMetricsClient} (any Micrometer registry; with
 * {@code micrometer-registry-statsd} in DogStatsD flavour the metrics travel as Cortex's do), and the testkit's
 * recording client.
 *
 * <p>Implementations are thread safe.
 */
public interface MetricsClient {

  /**
   * Returns the client that publishes nothing, the default when no metrics backend is configured.
   *
   * @return a shared stateless client
   */
  static MetricsClient noop() {
    return NoopMetricsClient.INSTANCE;
  }

  /**
   * Wraps a client for use by handlers: each call first checks the name with {@link MetricNames#validate(String)}
   * and rejects {@code null} names, tag maps, tag names and tag values; then it delegates, and anything the
   * delegate throws is logged as a warning and swallowed.
   *
   * @param delegate the cluster's client
   * @return the client to give handlers; {@code delegate} itself if it is already wrapped
   */
  static MetricsClient forHandlers(MetricsClient delegate) {
    if (delegate instanceof HandlerMetricsClient) {
      return delegate;
    }
    return new HandlerMetricsClient(delegate);
  }

  /**
   * Sets a gauge.
   *
   * @param name the metric name
   * @param value the value
   * @param tags string tags, possibly empty
   */
  void gauge(String name, double value, Map<String, String> tags);

  /**
   * Adds to a counter.
   *
   * @param name the metric name
   * @param value the amount to add
   * @param tags string tags, possibly empty
   */
  void increment(String name, double value, Map<String, String> tags);

  /**
   * Records a histogram value.
   *
   * @param name the metric name
   * @param value the value
   * @param tags string tags, possibly empty
   */
  void histogram(String name, double value, Map<String, String> tags);

  /**
   * Sets a gauge without tags.
   *
   * @param name the metric name
   * @param value the value
   */
  default void gauge(String name, double value) {
    gauge(name, value, Map.of());
  }

  /**
   * Adds 1 to a counter. (Cortex documents this default but its wrapper makes {@code value} required; here it
   * works.)
   *
   * @param name the metric name
   */
  default void increment(String name) {
    increment(name, 1, Map.of());
  }

  /**
   * Adds 1 to a counter, with tags.
   *
   * @param name the metric name
   * @param tags string tags
   */
  default void increment(String name, Map<String, String> tags) {
    increment(name, 1, tags);
  }

  /**
   * Adds to a counter without tags.
   *
   * @param name the metric name
   * @param value the amount to add
   */
  default void increment(String name, double value) {
    increment(name, value, Map.of());
  }

  /**
   * Records a histogram value without tags.
   *
   * @param name the metric name
   * @param value the value
   */
  default void histogram(String name, double value) {
    histogram(name, value, Map.of());
  }
}
