package io.github.cortexj.async.internal.runtime;

import io.github.cortexj.core.spec.AutoscalingSpec;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Cortex's replica autoscaling formula (v0.35 {@code pkg/autoscaler}), as pure functions so that every rule can be
 * tested on its own. {@link #recommend} turns the average number of requests in flight into a replica count
 * (target concurrency, tolerances, the largest step up or down, {@code min_replicas}/{@code max_replicas});
 * {@link #stabilize} then holds that recommendation back with the stabilisation periods.
 *
 * <p>Stateless and thread safe.
 */
public final class ScalingDecision {

  private ScalingDecision() {}

  /**
   * Recommends a replica count, before stabilisation, exactly as Cortex: {@code ceil(inFlight / target)}, kept at
   * the current count when within the downscale or upscale tolerance, moved by at most the larger of one replica
   * and the factor bound ({@code ceil(current * max_downscale_factor)}, {@code ceil(current * max_upscale_factor)}),
   * then at least 1 and within {@code [min_replicas, max_replicas]}.
   *
   * @param spec the API's autoscaling section
   * @param currentReplicas the replicas running now, at least 1
   * @param averageInFlight the average number of requests queued or in flight over the window, not negative
   * @return the recommended replica count
   */
  public static int recommend(AutoscalingSpec spec, int currentReplicas, double averageInFlight) {
    double raw = averageInFlight / spec.targetReplicaConcurrency();
    long recommendation = (long) Math.ceil(raw);
    if (raw < currentReplicas && raw > currentReplicas * (1 - spec.downscaleTolerance())) {
      recommendation = currentReplicas;
    }
    if (raw > currentReplicas && raw < currentReplicas * (1 + spec.upscaleTolerance())) {
      recommendation = currentReplicas;
    }
    // One replica down and one up are always allowed, whatever the factors.
    long downscaleFloor = Math.min(currentReplicas - 1L, (long) Math.ceil(currentReplicas * spec.maxDownscaleFactor()));
    long upscaleCeiling = Math.max(currentReplicas + 1L, (long) Math.ceil(currentReplicas * spec.maxUpscaleFactor()));
    recommendation = Math.max(recommendation, downscaleFloor);
    recommendation = Math.min(recommendation, upscaleCeiling);
    recommendation = Math.max(recommendation, 1);
    recommendation = Math.max(recommendation, spec.minReplicas());
    recommendation = Math.min(recommendation, spec.maxReplicas());
    return (int) recommendation;
  }

  /**
   * Applies the stabilisation periods to a recommendation, as Cortex: during the first
   * {@code downscale_stabilization_period} (or {@code upscale_stabilization_period}) after the API started, the
   * count does not move down (up); after it, a downscale goes no lower than the highest recommendation of the
   * downscale period, and an upscale no higher than the lowest recommendation of the upscale period.
   *
   * <p>One difference from Cortex, on purpose: a downscale decision never raises the count and an upscale decision
   * never lowers it (Cortex could jump to an old, higher recommendation while scaling down).
   *
   * @param spec the API's autoscaling section
   * @param currentReplicas the replicas running now
   * @param recommendation what {@link #recommend} gave now
   * @param sinceStart how long the API has been running
   * @param highestInDownscalePeriod the highest recommendation of the last {@code downscale_stabilization_period},
   *     this one included; {@code null} when none
   * @param lowestInUpscalePeriod the lowest recommendation of the last {@code upscale_stabilization_period}, this
   *     one included; {@code null} when none
   * @return the replica count to run
   */
  public static int stabilize(
      AutoscalingSpec spec,
      int currentReplicas,
      int recommendation,
      Duration sinceStart,
      @Nullable Integer highestInDownscalePeriod,
      @Nullable Integer lowestInUpscalePeriod) {
    int request = recommendation;
    if (recommendation < currentReplicas) {
      if (sinceStart.compareTo(spec.downscaleStabilizationPeriod()) < 0) {
        request = currentReplicas;
      } else if (highestInDownscalePeriod != null && request < highestInDownscalePeriod) {
        request = Math.min(currentReplicas, highestInDownscalePeriod);
      }
    }
    if (recommendation > currentReplicas) {
      if (sinceStart.compareTo(spec.upscaleStabilizationPeriod()) < 0) {
        request = currentReplicas;
      } else if (lowestInUpscalePeriod != null && request > lowestInUpscalePeriod) {
        request = Math.max(currentReplicas, lowestInUpscalePeriod);
      }
    }
    return request;
  }
}
