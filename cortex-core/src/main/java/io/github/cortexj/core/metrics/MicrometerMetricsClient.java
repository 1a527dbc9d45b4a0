package io.github.cortexj.core.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes metrics to a Micrometer {@link MeterRegistry}, so that users pick the backend: Prometheus, JMX,
 * DogStatsD or any other registry.
 *
 * <p>To send metrics the way Cortex does (DogStatsD lines over UDP to a Prometheus statsd exporter on port 9125),
 * use {@code micrometer-registry-statsd}:
 *
 * <pre>{@code
 * StatsdConfig config = new StatsdConfig() {
 *   public String get(String key) { return null; }
 *   public StatsdFlavor flavor() { return StatsdFlavor.DATADOG; }
 *   public String host() { return System.getenv("HOST_IP"); }
 * };
 * MetricsClient metrics = new MicrometerMetricsClient(new StatsdMeterRegistry(config, Clock.SYSTEM));
 * }</pre>
 *
 * <ul>
 *   <li>{@link #gauge} registers one gauge per name and tags, which then reports the latest value set. This class
 *       holds the gauge's value strongly, so it is never collected while the client lives.
 *   <li>{@link #increment} adds to a {@code Counter}. Micrometer counters only count up: what a negative amount
 *       does is up to the registry (the statsd registry sends it as is).
 *   <li>{@link #histogram} records into a {@code DistributionSummary}, which DogStatsD sends as a histogram
 *       ({@code |h}). Micrometer ignores negative values here.
 * </ul>
 *
 * <p>Tags become Micrometer tags; {@code null} names, tag maps, tag names or values are programming errors and
 * throw {@link NullPointerException}. Otherwise metrics are fire-and-forget: anything the registry throws (a meter of the same
 * name but another type, a closed registry, a broken backend) is logged as a warning, once per metric name, and
 * not raised. Names are not checked here: handlers receive this client wrapped by
 * {@link MetricsClient#forHandlers(MetricsClient)}.
 *
 * <p>micrometer-core is an optional dependency of cortex-core: it must be on the class path to use this class,
 * and nothing else in cortex-core loads it.
 *
 * <p>Thread safe.
 */
public final class MicrometerMetricsClient implements MetricsClient {

  private static final Logger LOG = LoggerFactory.getLogger(MicrometerMetricsClient.class);

  private final MeterRegistry registry;
  private final ConcurrentMap<GaugeKey, AtomicLong> gaugeValues = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Boolean> warnedNames = new ConcurrentHashMap<>();

  /** Identifies a gauge; Micrometer's {@link Tags} are sorted and comparable by value. */
  private record GaugeKey(String name, Tags tags) {}

  /**
   * Creates a client that publishes to a registry.
   *
   * @param registry the registry; this client does not close it
   */
  public MicrometerMetricsClient(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Returns the registry this client publishes to.
   *
   * @return the registry
   */
  public MeterRegistry registry() {
    return registry;
  }

  @Override
  public void gauge(String name, double value, Map<String, String> tags) {
    GaugeKey key = new GaugeKey(Objects.requireNonNull(name, "name"), tags(tags));
    try {
      long bits = Double.doubleToRawLongBits(value);
      gaugeValues.computeIfAbsent(key, k -> registerGauge(k, bits)).set(bits);
    } catch (RuntimeException e) {
      warn("gauge", name, e);
    }
  }

  @Override
  public void increment(String name, double value, Map<String, String> tags) {
    Objects.requireNonNull(name, "name");
    Tags micrometerTags = tags(tags);
    try {
      registry.counter(name, micrometerTags).increment(value);
    } catch (RuntimeException e) {
      warn("counter", name, e);
    }
  }

  @Override
  public void histogram(String name, double value, Map<String, String> tags) {
    Objects.requireNonNull(name, "name");
    Tags micrometerTags = tags(tags);
    try {
      DistributionSummary.builder(name).tags(micrometerTags).register(registry).record(value);
    } catch (RuntimeException e) {
      warn("histogram", name, e);
    }
  }

  private AtomicLong registerGauge(GaugeKey key, long initialBits) {
    AtomicLong holder = new AtomicLong(initialBits);
    Gauge.builder(key.name(), holder, h -> Double.longBitsToDouble(h.get()))
        .tags(key.tags())
        .strongReference(true)
        .register(registry);
    return holder;
  }

  private static Tags tags(Map<String, String> tags) {
    Objects.requireNonNull(tags, "tags");
    List<Tag> list = new ArrayList<>(tags.size());
    tags.forEach(
        (key, value) ->
            list.add(
                Tag.of(
                    Objects.requireNonNull(key, "tag name"),
                    Objects.requireNonNull(value, () -> "value of tag " + key))));
    return Tags.of(list);
  }

  private void warn(String type, String name, RuntimeException e) {
    if (warnedNames.putIfAbsent(name, Boolean.TRUE) == null) {
      LOG.warn("failed to publish {} {}; further failures of this metric are logged at debug level", type, name, e);
    } else {
      LOG.debug("failed to publish {} {}", type, name, e);
    }
  }

  @Override
  public String toString() {
    return "MicrometerMetricsClient[" + registry.getClass().getSimpleName() + "]";
  }
}
