package io.github.cortexj.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrometerMetricsClientTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerMetricsClient metrics = new MicrometerMetricsClient(registry);

  @Test
  void aGaugeReportsTheLatestValueSet() {
    metrics.gauge("queue_depth", 3, Map.of("q", "a"));
    metrics.gauge("queue_depth", 7.5, Map.of("q", "a"));

    assertThat(registry.get("queue_depth").tag("q", "a").gauge().value()).isEqualTo(7.5);
  }

  @Test
  void gaugesWithDifferentTagsAreSeparate() {
    metrics.gauge("queue_depth", 1, Map.of("q", "a"));
    metrics.gauge("queue_depth", 2, Map.of("q", "b"));

    assertThat(registry.get("queue_depth").tag("q", "a").gauge().value()).isEqualTo(1);
    assertThat(registry.get("queue_depth").tag("q", "b").gauge().value()).isEqualTo(2);
  }

  @Test
  void tagOrderDoesNotMakeANewGauge() {
    Map<String, String> ab = new java.util.LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new java.util.LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");

    metrics.gauge("g", 1, ab);
    metrics.gauge("g", 2, ba);

    assertThat(registry.get("g").gauges()).singleElement().satisfies(g -> assertThat(g.value()).isEqualTo(2));
  }

  @Test
  void incrementsAddUpInACounter() {
    metrics.increment("items", 2, Map.of("api", "x"));
    metrics.increment("items", Map.of("api", "x"));

    assertThat(registry.get("items").tag("api", "x").counter().count()).isEqualTo(3);
  }

  @Test
  void incrementWithoutAValueAddsOne() {
    metrics.increment("items");

    assertThat(registry.get("items").counter().count()).isEqualTo(1);
  }

  @Test
  void histogramValuesGoToADistributionSummary() {
    metrics.histogram("latency", 0.5, Map.of("api", "x"));
    metrics.histogram("latency", 1.5, Map.of("api", "x"));

    DistributionSummary summary = registry.get("latency").tag("api", "x").summary();
    assertThat(summary.count()).isEqualTo(2);
    assertThat(summary.totalAmount()).isEqualTo(2.0);
    assertThat(summary.max()).isEqualTo(1.5);
  }

  @Test
  void aRegistryThatThrowsNeverFailsTheCaller() {
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                throw new IllegalStateException("backend is down");
              }
            });

    assertThatCode(
            () -> {
              metrics.gauge("g", 1, Map.of());
              metrics.increment("c");
              metrics.histogram("h", 1);
            })
        .doesNotThrowAnyException();
  }

  @Test
  void aNameUsedForAnotherMeterTypeIsSwallowed() {
    metrics.increment("shared");

    assertThatCode(() -> metrics.histogram("shared", 1)).doesNotThrowAnyException();
    assertThat(registry.get("shared").counter().count()).isEqualTo(1);
  }

  @Test
  void rejectsANullTagValueNamingTheTag() {
    Map<String, String> tags = new HashMap<>();
    tags.put("api", null);

    assertThatThrownBy(() -> metrics.gauge("g", 1, tags))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of tag api");
  }

  @Test
  void exposesItsRegistry() {
    assertThat(metrics.registry()).isSameAs(registry);
  }
}
