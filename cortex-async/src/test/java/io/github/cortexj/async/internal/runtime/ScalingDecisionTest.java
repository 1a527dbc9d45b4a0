package io.github.cortexj.async.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cortexj.core.spec.AutoscalingSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cortex's autoscaling formula (§3.7): recommendations, stabilisation, and the autoscaler's history. */
class ScalingDecisionTest {

  private static final Instant T0 = Instant.parse("2021-06-01T12:00:00Z");

  @ParameterizedTest(name = "{0} replicas, {1} in flight, target {2} -> {3}")
  @CsvSource({
    // current, in flight, target, expected
    "1, 0, 1, 1", // never below one replica
    "4, 4, 1, 4", // on target
    "4, 5, 1, 5", // ceil(5 / 1)
    "4, 4.1, 1, 4", // 4.1 < 4 * 1.05: within the upscale tolerance
    "4, 4.3, 1, 5", // 4.3 > 4 * 1.05: beyond it
    "4, 3.9, 1, 4", // 3.9 > 4 * 0.95: within the downscale tolerance
    "4, 3.7, 1, 4", // ceil(3.7) = 4 anyway
    "4, 100, 1, 6", // at most ceil(4 * 1.5) = 6 at once
    "1, 100, 1, 2", // one more is always allowed
    "8, 0, 1, 6", // at least ceil(8 * 0.75) = 6 at once
    "2, 0, 1, 1", // one fewer is always allowed
    "4, 10, 5, 3", // ceil(10 / 5) = 2, but at least ceil(4 * 0.75) = 3
    "10, 25, 2.5, 10", // exactly on target with a fractional target
  })
  void recommendsAsCortex(int current, double inFlight, double target, int expected) {
    AutoscalingSpec spec = AutoscalingSpec.builder().maxReplicas(100).targetReplicaConcurrency(target).build();

    assertThat(ScalingDecision.recommend(spec, current, inFlight)).isEqualTo(expected);
  }

  @Test
  void neverRecommendsFewerThanMinReplicas() {
    AutoscalingSpec spec = AutoscalingSpec.builder().minReplicas(3).maxReplicas(10).build();

    assertThat(ScalingDecision.recommend(spec, 3, 0)).isEqualTo(3);
  }

  @Test
  void neverRecommendsMoreThanMaxReplicas() {
    AutoscalingSpec spec = AutoscalingSpec.builder().maxReplicas(5).build();

    assertThat(ScalingDecision.recommend(spec, 5, 1000)).isEqualTo(5);
  }

  @Test
  void holdsADownscaleDuringTheFirstDownscaleStabilizationPeriod() {
    AutoscalingSpec spec = AutoscalingSpec.defaults();

    assertThat(ScalingDecision.stabilize(spec, 4, 2, Duration.ofMinutes(4), 2, 2)).isEqualTo(4);
  }

  @Test
  void downscalesNoLowerThanTheHighestRecommendationOfThePeriod() {
    AutoscalingSpec spec = AutoscalingSpec.defaults();

    assertThat(ScalingDecision.stabilize(spec, 6, 2, Duration.ofMinutes(10), 4, 2)).isEqualTo(4);
  }

  @Test
  void neverScalesUpWhileDownscaling() {
    AutoscalingSpec spec = AutoscalingSpec.defaults();

    assertThat(ScalingDecision.stabilize(spec, 6, 2, Duration.ofMinutes(10), 9, 2)).isEqualTo(6);
  }

  @Test
  void holdsAnUpscaleDuringTheFirstUpscaleStabilizationPeriod() {
    AutoscalingSpec spec = AutoscalingSpec.defaults();

    assertThat(ScalingDecision.stabilize(spec, 2, 3, Duration.ofSeconds(59), 3, 3)).isEqualTo(2);
  }

  @Test
  void upscalesNoHigherThanTheLowestRecommendationOfThePeriod() {
    AutoscalingSpec spec = AutoscalingSpec.defaults();

    assertThat(ScalingDecision.stabilize(spec, 2, 3, Duration.ofMinutes(2), 3, 2)).isEqualTo(2);
    assertThat(ScalingDecision.stabilize(spec, 2, 5, Duration.ofMinutes(2), 5, 4)).isEqualTo(4);
  }

  @Test
  void keepsARecommendationEqualToTheCurrentCount() {
    assertThat(ScalingDecision.stabilize(AutoscalingSpec.defaults(), 3, 3, Duration.ZERO, null, null)).isEqualTo(3);
  }

  @Test
  void staysWithinMinAndMaxAndTheFactorBounds() {
    qt().forAll(
            integers().between(1, 50),
            integers().between(0, 50),
            integers().between(0, 249),
            lists().of(integers().between(0, 5000)).ofSizeBetween(1, 40))
        .checkAssert(
            (min, extra, offsetAndShape, queueLengths) -> {
              int max = min + extra;
              int current = min + (offsetAndShape / 5) % (extra + 1);
              int shape = offsetAndShape % 5;
              AutoscalingSpec spec =
                  AutoscalingSpec.builder()
                      .minReplicas(min)
                      .maxReplicas(max)
                      .targetReplicaConcurrency(1 + shape * 0.7)
                      .maxDownscaleFactor(0.2 * shape)
                      .maxUpscaleFactor(1.1 + shape)
                      .downscaleTolerance(0.1 * shape)
                      .upscaleTolerance(0.3 * shape)
                      .upscaleStabilizationPeriod(Duration.ofSeconds(10L * shape))
                      .downscaleStabilizationPeriod(Duration.ofSeconds(20L * shape))
                      .build();
              ReplicaAutoscaler autoscaler = new ReplicaAutoscaler(spec, T0);
              int replicas = current;
              Instant now = T0;
              for (int queueLength : queueLengths) {
                now = now.plusSeconds(10);
                int next = autoscaler.decide(now, queueLength, replicas);
                assertWithinBounds(spec, replicas, next);
                replicas = next;
              }
            });
  }

  private static void assertWithinBounds(AutoscalingSpec spec, int current, int next) {
    long floor = Math.min(current - 1L, (long) Math.ceil(current * spec.maxDownscaleFactor()));
    long ceiling = Math.max(current + 1L, (long) Math.ceil(current * spec.maxUpscaleFactor()));
    assertThat(next).isBetween(spec.minReplicas(), spec.maxReplicas());
    assertThat((long) next).isBetween(floor, ceiling);
  }

  @Test
  void averagesTheQueueLengthOverTheWindow() {
    AutoscalingSpec spec =
        AutoscalingSpec.builder()
            .maxReplicas(100)
            .window(Duration.ofSeconds(30))
            .upscaleStabilizationPeriod(Duration.ZERO)
            .maxUpscaleFactor(100)
            .build();
    ReplicaAutoscaler autoscaler = new ReplicaAutoscaler(spec, T0);

    autoscaler.decide(T0, 0, 1);
    autoscaler.decide(T0.plusSeconds(10), 0, 1);
    autoscaler.decide(T0.plusSeconds(20), 0, 1);
    int replicas = autoscaler.decide(T0.plusSeconds(30), 40, 1); // samples at 0..30 s: (0 + 0 + 0 + 40) / 4

    assertThat(replicas).isEqualTo(10);
    assertThat(autoscaler.decide(T0.plusSeconds(40), 40, 10)).isEqualTo(20); // 10..40 s: (0 + 0 + 40 + 40) / 4
  }

  @Test
  void samplesEveryTenSecondsOfClockTime() {
    ReplicaAutoscaler autoscaler = new ReplicaAutoscaler(AutoscalingSpec.defaults(), T0);
    List<Boolean> beforeFirst = List.of(autoscaler.isDue(T0), autoscaler.isDue(T0.plusSeconds(10)));
    autoscaler.decide(T0.plusSeconds(10), 0, 1);

    assertThat(beforeFirst).containsExactly(false, true);
    assertThat(List.of(autoscaler.isDue(T0.plusSeconds(19)), autoscaler.isDue(T0.plusSeconds(20))))
        .containsExactly(false, true);
  }
}
