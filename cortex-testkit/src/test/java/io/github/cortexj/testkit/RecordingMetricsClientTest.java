package io.github.cortexj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingMetricsClientTest {

  private final RecordingMetricsClient metrics = new RecordingMetricsClient();

  @Test
  void queriesMatchTagsAsASubset() {
    metrics.increment("reviews_scored", 2, Map.of("label", "positive", "product", "kettle"));
    metrics.increment("reviews_scored", 3, Map.of("label", "negative", "product", "kettle"));
    metrics.increment("reviews_scored", 4, Map.of("label", "positive", "product", "toaster"));

    assertThat(metrics.sum("reviews_scored")).isEqualTo(9);
    assertThat(metrics.sum("reviews_scored", Map.of("label", "positive"))).isEqualTo(6);
    assertThat(metrics.sum("reviews_scored", Map.of("label", "positive", "product", "kettle"))).isEqualTo(2);
    assertThat(metrics.sum("reviews_scored", Map.of("label", "neutral"))).isZero();
    assertThat(metrics.count("reviews_scored")).isEqualTo(3);
  }

  @Test
  void lastGivesAGaugesCurrentValue() {
    metrics.gauge("queue_depth", 5);
    metrics.gauge("queue_depth", 2);

    assertThat(metrics.last("queue_depth")).contains(2.0);
    assertThat(metrics.last("missing")).isEmpty();
  }

  @Test
  void resetForgetsEverything() {
    metrics.histogram("latency", 0.25);

    metrics.reset();

    assertThat(metrics.all()).isEmpty();
    assertThat(metrics.toString()).isEqualTo("RecordingMetricsClient (nothing recorded)");
  }

  @Test
  void toStringListsEveryValueReadably() {
    metrics.increment("cortex_batch_succeeded", 1, Map.of("job_id", "69", "api_name", "reviews"));
    metrics.histogram("latency", 0.25);
    metrics.gauge("depth", 3);

    assertThat(metrics.toString()).isEqualTo("RecordingMetricsClient (3 values)\n"
        + "  counter cortex_batch_succeeded{api_name=reviews, job_id=69} 1\n"
        + "  histogram latency 0.25\n"
        + "  gauge depth 3");
    assertThat(metrics.names()).containsExactly("cortex_batch_succeeded", "depth", "latency");
  }

  @Test
  void sumIsTheTotalOfEveryIncrement() {
    qt().forAll(lists().of(integers().between(-1000, 1000)).ofSizeBetween(0, 50))
        .check(values -> {
          RecordingMetricsClient fresh = new RecordingMetricsClient();
          values.forEach(value -> fresh.increment("n", value, Map.of("k", "v")));
          return fresh.sum("n", Map.of("k", "v")) == values.stream().mapToInt(Integer::intValue).sum()
              && fresh.count("n") == values.size();
        });
  }
}
