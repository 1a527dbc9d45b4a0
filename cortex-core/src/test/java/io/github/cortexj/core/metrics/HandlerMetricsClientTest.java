package io.github.cortexj.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.metrics.RecordingClient.Call;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerMetricsClientTest {

  private final RecordingClient cluster = new RecordingClient();
  private final MetricsClient metrics = MetricsClient.forHandlers(cluster);

  @Test
  void passesValidCallsToTheClusterClient() {
    metrics.gauge("queue_depth", 3.5, Map.of("q", "a"));
    metrics.increment("items", 2, Map.of());
    metrics.histogram("latency", 0.25, Map.of("api", "x"));

    assertThat(cluster.calls)
        .containsExactly(
            new Call("gauge", "queue_depth", 3.5, Map.of("q", "a")),
            new Call("increment", "items", 2, Map.of()),
            new Call("histogram", "latency", 0.25, Map.of("api", "x")));
  }

  @Test
  void incrementsByOneWhenNoValueIsGiven() {
    metrics.increment("items");
    metrics.increment("items", Map.of("k", "v"));

    assertThat(cluster.calls)
        .containsExactly(new Call("increment", "items", 1, Map.of()), new Call("increment", "items", 1, Map.of("k", "v")));
  }

  @Test
  void rejectsReservedNamesOnEveryMethodWithoutPublishing() {
    assertThatThrownBy(() -> metrics.gauge("cortex_x", 1)).isInstanceOf(InvalidMetricNameException.class);
    assertThatThrownBy(() -> metrics.increment("istio_x")).isInstanceOf(InvalidMetricNameException.class);
    assertThatThrownBy(() -> metrics.histogram("cortex_time_per_batch", 1))
        .isInstanceOf(InvalidMetricNameException.class);

    assertThat(cluster.calls).isEmpty();
  }

  @Test
  void swallowsFailuresOfTheClusterClient() {
    MetricsClient failing =
        MetricsClient.forHandlers(
            new RecordingClient() {
              @Override
              public void increment(String name, double value, Map<String, String> tags) {
                throw new IllegalStateException("statsd is down");
              }
            });

    assertThatCode(() -> failing.increment("items")).doesNotThrowAnyException();
  }

  @Test
  void rejectsANullTagValueNamingTheTag() {
    Map<String, String> tags = new HashMap<>();
    tags.put("api", null);

    assertThatThrownBy(() -> metrics.increment("items", tags))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of tag api");
    assertThat(cluster.calls).isEmpty();
  }

  @Test
  void wrapsOnlyOnce() {
    assertThat(MetricsClient.forHandlers(metrics)).isSameAs(metrics);
  }

  @Test
  void theNoopClientPublishesNothingAndIsShared() {
    assertThatCode(() -> MetricsClient.noop().histogram("latency", 1, Map.of("k", "v"))).doesNotThrowAnyException();
    assertThat(MetricsClient.noop()).isSameAs(MetricsClient.noop()).hasToString("MetricsClient.noop()");
  }

  @Test
  void theDefaultHandlerClientStillRejectsReservedNames() {
    assertThatThrownBy(() -> MetricsClient.forHandlers(MetricsClient.noop()).increment("cortex_batch_failed"))
        .isInstanceOf(InvalidMetricNameException.class);
  }
}
