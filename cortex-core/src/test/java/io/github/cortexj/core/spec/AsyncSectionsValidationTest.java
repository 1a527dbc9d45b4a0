package io.github.cortexj.core.spec;

import static io.github.cortexj.core.spec.SpecFixtures.asyncWith;
import static io.github.cortexj.core.spec.SpecFixtures.error;
import static io.github.cortexj.core.spec.SpecFixtures.iris;
import static io.github.cortexj.core.spec.SpecFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The autoscaling and update_strategy sections of an AsyncAPI. */
class AsyncSectionsValidationTest {

  @Test
  void defaultsMatchCortex() {
    assertThat(AutoscalingSpec.defaults())
        .isEqualTo(new AutoscalingSpec(1, 100, 1, 1.0, 1024, Duration.ofSeconds(60), Duration.ofMinutes(5),
            Duration.ofMinutes(1), 0.75, 1.5, 0.05, 0.05));
  }

  @Test
  void parsesEveryAutoscalingField() {
    AutoscalingSpec autoscaling =
        parse(asyncWith("autoscaling: {min_replicas: 2, max_replicas: 9, init_replicas: 3,"
            + " target_replica_concurrency: 4, max_replica_concurrency: 100, window: 2m30s,"
            + " downscale_stabilization_period: 10m, upscale_stabilization_period: 0s, max_downscale_factor: 0.5,"
            + " max_upscale_factor: 3, downscale_tolerance: 0, upscale_tolerance: 0.2}")).get(0).autoscaling();

    assertThat(autoscaling)
        .isEqualTo(new AutoscalingSpec(2, 9, 3, 4.0, 100, Duration.ofSeconds(150), Duration.ofMinutes(10),
            Duration.ZERO, 0.5, 3.0, 0.0, 0.2));
  }

  @Test
  void defaultsInitReplicasToMinReplicas() {
    assertThat(parse(asyncWith("autoscaling: {min_replicas: 4}")).get(0).autoscaling().initReplicas()).isEqualTo(4);
  }

  @Test
  void rejectsMinReplicasOfZero() {
    assertThat(error(asyncWith("autoscaling: {min_replicas: 0}")))
        .isEqualTo(iris("autoscaling.min_replicas: must be greater than 0 (got 0)"));
  }

  @Test
  void rejectsMinReplicasAboveMaxReplicas() {
    assertThat(error(asyncWith("autoscaling: {min_replicas: 5, max_replicas: 3}")))
        .isEqualTo(iris("autoscaling.min_replicas: cannot be greater than max_replicas (5 > 3)"));
  }

  @Test
  void rejectsInitReplicasOutsideMinAndMax() {
    assertThat(error(asyncWith("autoscaling: {min_replicas: 2, max_replicas: 3, init_replicas: 4}")))
        .isEqualTo(iris("autoscaling.init_replicas: must be between min_replicas and max_replicas (2..3, got 4)"));
  }

  @Test
  void rejectsMaxReplicaConcurrencyAbove30000() {
    assertThat(error(asyncWith("autoscaling: {max_replica_concurrency: 30001}")))
        .isEqualTo(iris("autoscaling.max_replica_concurrency: must be between 1 and 30000 (got 30001)"));
  }

  @Test
  void rejectsTargetReplicaConcurrencyOfZero() {
    assertThat(error(asyncWith("autoscaling: {target_replica_concurrency: 0}")))
        .isEqualTo(iris("autoscaling.target_replica_concurrency: must be greater than 0 (got 0)"));
  }

  @Test
  void rejectsTargetAboveMaxReplicaConcurrency() {
    assertThat(error(asyncWith("autoscaling: {target_replica_concurrency: 20.5, max_replica_concurrency: 20}")))
        .isEqualTo(iris("autoscaling.target_replica_concurrency: cannot be greater than max_replica_concurrency"
            + " (20.5 > 20)"));
  }

  @Test
  void rejectsWindowBelow10Seconds() {
    assertThat(error(asyncWith("autoscaling: {window: 5s}")))
        .isEqualTo(iris("autoscaling.window: must be at least 10s (got 5s)"));
  }

  @Test
  void rejectsWindowThatIsNotAMultipleOf10Seconds() {
    assertThat(error(asyncWith("autoscaling: {window: 15s}")))
        .isEqualTo(iris("autoscaling.window: must be a multiple of 10s (got 15s)"));
  }

  @Test
  void rejectsDurationThatIsNotAGoDuration() {
    assertThat(error(asyncWith("autoscaling: {window: 1 minute}")))
        .isEqualTo(iris("autoscaling.window: must be a duration such as 60s or 5m (got \"1 minute\")"));
  }

  @Test
  void rejectsDurationGivenAsANumber() {
    assertThat(error(asyncWith("autoscaling: {window: 60}")))
        .isEqualTo(iris("autoscaling.window: must be a duration such as 60s or 5m (got integer)"));
  }

  @Test
  void rejectsNegativeStabilizationPeriod() {
    assertThat(error(asyncWith("autoscaling: {upscale_stabilization_period: -1m}")))
        .isEqualTo(iris("autoscaling.upscale_stabilization_period: must not be negative (got -1m)"));
  }

  @ParameterizedTest
  @CsvSource({"max_downscale_factor,1", "downscale_tolerance,1.0", "max_downscale_factor,-0.1"})
  void rejectsFractionOutsideZeroToOne(String field, String value) {
    assertThat(error(asyncWith("autoscaling: {" + field + ": " + value + "}")))
        .isEqualTo(iris("autoscaling." + field + ": must be at least 0 and less than 1 (got " + value + ")"));
  }

  @Test
  void rejectsMaxUpscaleFactorOfOne() {
    assertThat(error(asyncWith("autoscaling: {max_upscale_factor: 1}")))
        .isEqualTo(iris("autoscaling.max_upscale_factor: must be greater than 1 (got 1)"));
  }

  @Test
  void rejectsNegativeUpscaleTolerance() {
    assertThat(error(asyncWith("autoscaling: {upscale_tolerance: -0.5}")))
        .isEqualTo(iris("autoscaling.upscale_tolerance: must be at least 0 (got -0.5)"));
  }

  @Test
  void rejectsNumberFieldGivenAsString() {
    assertThat(error(asyncWith("autoscaling: {max_upscale_factor: '2'}")))
        .isEqualTo(iris("autoscaling.max_upscale_factor: must be a number (got string)"));
  }

  @Test
  void rejectsUnknownAutoscalingKey() {
    assertThat(error(asyncWith("autoscaling: {target: 3}")))
        .isEqualTo(iris("autoscaling.target: key \"target\" is not supported"));
  }

  @Test
  void acceptsUpdateStrategyIntegersAndPercentages() {
    assertThat(parse(asyncWith("update_strategy: {max_surge: 2, max_unavailable: '0%'}")).get(0).updateStrategy())
        .isEqualTo(new UpdateStrategySpec("2", "0%"));
  }

  @Test
  void rejectsUpdateStrategyPercentageAbove100() {
    assertThat(error(asyncWith("update_strategy: {max_surge: 101%}")))
        .isEqualTo(iris("update_strategy.max_surge: must be a whole number or a percentage from 0% to 100%"
            + " (got \"101%\")"));
  }

  @Test
  void rejectsNegativeUpdateStrategyValue() {
    assertThat(error(asyncWith("update_strategy: {max_unavailable: -1}")))
        .isEqualTo(iris("update_strategy.max_unavailable: must be a whole number or a percentage from 0% to 100%"
            + " (got -1)"));
  }

  @Test
  void rejectsUpdateStrategyWithBothValuesZero() {
    assertThat(error(asyncWith("update_strategy: {max_surge: 0, max_unavailable: 0%}")))
        .isEqualTo(iris("update_strategy: max_surge and max_unavailable cannot both be zero"));
  }
}
