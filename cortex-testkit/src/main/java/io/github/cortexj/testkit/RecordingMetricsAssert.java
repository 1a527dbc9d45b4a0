package io.github.cortexj.testkit;

import java.util.Map;

/**
 * AssertJ assertions on a {@link RecordingMetricsClient}; failure messages list everything recorded.
 *
 * <pre>{@code
 * assertThat(cluster.metrics()).hasSum("cortex_batch_succeeded", Map.of("api_name", "reviews"), 3)
 *     .hasNotRecorded("cortex_batch_failed");
 * }</pre>
 *
 * <p>Not thread safe.
 */
public final class RecordingMetricsAssert extends CortexAssert<RecordingMetricsAssert, RecordingMetricsClient> {

  RecordingMetricsAssert(RecordingMetricsClient actual) {
    super(actual, RecordingMetricsAssert.class);
  }

  /**
   * Verifies that something was recorded under a name.
   *
   * @param name the metric name
   * @return this
   */
  public RecordingMetricsAssert hasRecorded(String name) {
    isNotNull();
    if (actual.values(name).isEmpty()) {
      failWith("expected a value recorded as " + name + " but there was none; " + actual);
    }
    return this;
  }

  /**
   * Verifies that nothing was recorded under a name.
   *
   * @param name the metric name
   * @return this
   */
  public RecordingMetricsAssert hasNotRecorded(String name) {
    isNotNull();
    if (!actual.values(name).isEmpty()) {
      failWith("expected nothing recorded as " + name + " but found " + actual.values(name));
    }
    return this;
  }

  /**
   * Verifies the sum of the values recorded under a name with at least the given tags: a counter's total.
   *
   * @param name the metric name
   * @param tags the tags to match
   * @param expected the expected sum
   * @return this
   */
  public RecordingMetricsAssert hasSum(String name, Map<String, String> tags, double expected) {
    isNotNull();
    double sum = actual.sum(name, tags);
    if (Double.compare(sum, expected) != 0) {
      failWith("expected " + name + (tags.isEmpty() ? "" : tags.toString()) + " to sum to " + expected
          + " but it summed to " + sum + "; " + actual);
    }
    return this;
  }

  /**
   * Verifies the sum of the values recorded under a name.
   *
   * @param name the metric name
   * @param expected the expected sum
   * @return this
   */
  public RecordingMetricsAssert hasSum(String name, double expected) {
    return hasSum(name, Map.of(), expected);
  }

  /**
   * Verifies the last value recorded under a name with at least the given tags: a gauge's current value.
   *
   * @param name the metric name
   * @param tags the tags to match
   * @param expected the expected value
   * @return this
   */
  public RecordingMetricsAssert hasLastValue(String name, Map<String, String> tags, double expected) {
    isNotNull();
    Double last = actual.last(name, tags).orElse(null);
    if (last == null || Double.compare(last, expected) != 0) {
      failWith("expected the last " + name + (tags.isEmpty() ? "" : tags.toString()) + " to be " + expected
          + " but it was " + (last == null ? "never recorded" : last) + "; " + actual);
    }
    return this;
  }
}
