package io.github.cortexj.testkit;

import io.github.cortexj.core.metrics.MetricsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link MetricsClient} that keeps every value it is given, so a test can ask what was recorded by name and
 * tags: the metrics client of every {@link CortexTestCluster} and handler harness, as Micrometer's
 * {@code SimpleMeterRegistry} is for meters.
 *
 * <pre>{@code
 * RecordingMetricsClient metrics = cluster.metrics();
 * assertThat(metrics.sum("cortex_batch_succeeded", Map.of("api_name", "reviews"))).isEqualTo(60);
 * assertThat(metrics.lastGauge("queue_depth")).contains(0.0);
 * }</pre>
 *
 * <p>Tags match as a subset: a query with {@code {api_name=reviews}} matches values recorded with
 * {@code {api_name=reviews, job_id=...}}. Thread safe.
 */
public final class RecordingMetricsClient implements MetricsClient {

  /** The kind of a recorded value: which {@link MetricsClient} method recorded it. */
  public enum Kind {
    /** {@link MetricsClient#gauge(String, double, Map)}. */
    GAUGE,
    /** {@link MetricsClient#increment(String, double, Map)}. */
    COUNTER,
    /** {@link MetricsClient#histogram(String, double, Map)}. */
    HISTOGRAM
  }

  /**
   * One recorded value.
   *
   * @param kind how it was recorded
   * @param name the metric name
   * @param value the value (for a counter, the increment)
   * @param tags the tags, sorted by name
   */
  public record Recorded(Kind kind, String name, double value, Map<String, String> tags) {
    /** Validates and copies the fields. */
    public Recorded {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /**
     * Returns whether this value has every tag of {@code wanted} with the same value.
     *
     * @param wanted the tags to match
     * @return {@code true} when they all match
     */
    public boolean hasTags(Map<String, String> wanted) {
      return tags.entrySet().containsAll(wanted.entrySet());
    }

    @Override
    public String toString() {
      String kindName = kind.name().toLowerCase(java.util.Locale.ROOT);
      return kindName + " " + name + (tags.isEmpty() ? "" : tags.toString()) + " " + format(value);
    }
  }

  private final List<Recorded> recorded = new ArrayList<>();

  /** Creates an empty client. */
  public RecordingMetricsClient() {}

  @Override
  public void gauge(String name, double value, Map<String, String> tags) {
    add(Kind.GAUGE, name, value, tags);
  }

  @Override
  public void increment(String name, double value, Map<String, String> tags) {
    add(Kind.COUNTER, name, value, tags);
  }

  @Override
  public void histogram(String name, double value, Map<String, String> tags) {
    add(Kind.HISTOGRAM, name, value, tags);
  }

  private synchronized void add(Kind kind, String name, double value, Map<String, String> tags) {
    recorded.add(new Recorded(kind, Objects.requireNonNull(name, "name"), value, Objects.requireNonNull(tags, "tags")));
  }

  /**
   * Returns every recorded value, oldest first.
   *
   * @return a copy of the values
   */
  public synchronized List<Recorded> all() {
    return List.copyOf(recorded);
  }

  /**
   * Returns the values recorded under a name, whatever their kind and tags, oldest first.
   *
   * @param name the metric name
   * @return the values
   */
  public List<Recorded> values(String name) {
    return values(name, Map.of());
  }

  /**
   * Returns the values recorded under a name with at least the given tags, oldest first.
   *
   * @param name the metric name
   * @param tags the tags to match (a subset)
   * @return the values
   */
  public synchronized List<Recorded> values(String name, Map<String, String> tags) {
    List<Recorded> matching = new ArrayList<>();
    for (Recorded value : recorded) {
      if (value.name().equals(name) && value.hasTags(tags)) {
        matching.add(value);
      }
    }
    return matching;
  }

  /**
   * Returns the sum of the values recorded under a name: a counter's total.
   *
   * @param name the metric name
   * @return the sum, 0 when nothing was recorded
   */
  public double sum(String name) {
    return sum(name, Map.of());
  }

  /**
   * Returns the sum of the values recorded under a name with at least the given tags.
   *
   * @param name the metric name
   * @param tags the tags to match
   * @return the sum, 0 when nothing matched
   */
  public double sum(String name, Map<String, String> tags) {
    double total = 0;
    for (Recorded value : values(name, tags)) {
      total += value.value();
    }
    return total;
  }

  /**
   * Returns how many values were recorded under a name: how often a counter was incremented or a histogram
   * observed.
   *
   * @param name the metric name
   * @return the count
   */
  public int count(String name) {
    return values(name).size();
  }

  /**
   * Returns the last value recorded under a name with at least the given tags: a gauge's current value.
   *
   * @param name the metric name
   * @param tags the tags to match
   * @return the last value, or empty
   */
  public Optional<Double> last(String name, Map<String, String> tags) {
    List<Recorded> matching = values(name, tags);
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1).value());
  }

  /**
   * Returns the last value recorded under a name.
   *
   * @param name the metric name
   * @return the last value, or empty
   */
  public Optional<Double> last(String name) {
    return last(name, Map.of());
  }

  /**
   * Returns the distinct metric names recorded so far, sorted.
   *
   * @return the names
   */
  public synchronized List<String> names() {
    return recorded.stream().map(Recorded::name).distinct().sorted().toList();
  }

  /** Forgets everything recorded so far. */
  public synchronized void reset() {
    recorded.clear();
  }

  /**
   * Lists every recorded value, one per line, oldest first: {@code counter cortex_batch_succeeded{api_name=reviews} 1}.
   *
   * @return the listing
   */
  @Override
  public synchronized String toString() {
    if (recorded.isEmpty()) {
      return "RecordingMetricsClient (nothing recorded)";
    }
    StringBuilder text = new StringBuilder("RecordingMetricsClient (" + recorded.size() + " values)");
    for (Recorded value : recorded) {
      text.append("\n  ").append(value);
    }
    return text.toString();
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
