package io.github.cortexj.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class MetricNamesTest {

  @Test
  void rejectsMetricNameWithCortexPrefix() {
    assertThatThrownBy(() -> MetricNames.validate("cortex_batch_succeeded"))
        .isInstanceOfSatisfying(
            InvalidMetricNameException.class,
            e -> {
              assertThat(e.kind()).isEqualTo("metrics.invalid_name");
              assertThat(e.name()).isEqualTo("cortex_batch_succeeded");
            })
        .hasMessage(
            "Metric name (cortex_batch_succeeded) is invalid because it starts with a cortex exclusive prefix"
                + " (cortex_ or istio_)");
  }

  @Test
  void rejectsMetricNameWithIstioPrefix() {
    assertThatThrownBy(() -> MetricNames.validate("istio_requests_total"))
        .isInstanceOf(InvalidMetricNameException.class)
        .hasMessage(
            "Metric name (istio_requests_total) is invalid because it starts with a cortex exclusive prefix"
                + " (cortex_ or istio_)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"accuracy", "my_cortex_metric", "cortex", "istio", "Cortex_x", "cortex-x", "", "_cortex_"})
  void acceptsNamesWithoutAReservedPrefix(String name) {
    assertThat(MetricNames.validate(name)).isEqualTo(name);
    assertThat(MetricNames.isReserved(name)).isFalse();
  }

  @Test
  void aNameIsReservedExactlyWhenItStartsWithAReservedPrefix() {
    Gen<String> names =
        lists()
            .of(Generate.pick(List.of("cortex", "istio", "_", "c", "i", "x", "C")))
            .ofSizeBetween(0, 5)
            .map(parts -> String.join("", parts));
    qt().forAll(names)
        .checkAssert(
            name -> {
              boolean reserved = name.startsWith("cortex_") || name.startsWith("istio_");
              assertThat(MetricNames.isReserved(name)).isEqualTo(reserved);
              if (reserved) {
                assertThatThrownBy(() -> MetricNames.validate(name)).isInstanceOf(InvalidMetricNameException.class);
              } else {
                assertThat(MetricNames.validate(name)).isEqualTo(name);
              }
            });
  }
}
