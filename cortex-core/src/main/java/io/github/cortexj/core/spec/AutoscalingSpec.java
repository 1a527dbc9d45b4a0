package io.github.cortexj.core.spec;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code autoscaling} section of an {@code AsyncAPI}, with Cortex's fields, defaults and rules.
 *
 * <p>Durations are written in cortex.yaml as Go durations ({@code 60s}, {@code 5m}, {@code 1h30m}) and in the
 * spec JSON as integer nanoseconds, as Cortex does. The rules (checked when the API spec is parsed or built):
 * {@code 0 < min_replicas <= init_replicas <= max_replicas}; {@code max_replica_concurrency} in 1..30000;
 * {@code 0 < target_replica_concurrency <= max_replica_concurrency}; {@code window} at least 10s and a multiple
 * of 10s; stabilisation periods not negative; {@code max_downscale_factor} and {@code downscale_tolerance} in
 * [0, 1); {@code max_upscale_factor} above 1; {@code upscale_tolerance} at least 0.
 *
 * <p>Immutable and thread safe. The canonical constructor checks only for {@code null}.
 *
 * @param minReplicas the fewest replicas, default 1
 * @param maxReplicas the most replicas, default 100
 * @param initReplicas the replicas at first deploy, default {@code minReplicas}
 * @param targetReplicaConcurrency the in-flight requests per replica the autoscaler aims for, default 1
 *     (processes per replica times threads per process)
 * @param maxReplicaConcurrency the most requests a replica may have queued, default 1024
 * @param window the period over which concurrency is averaged, default 60s
 * @param downscaleStabilizationPeriod how long to wait before scaling down, default 5m
 * @param upscaleStabilizationPeriod how long to wait before scaling up, default 1m
 * @param maxDownscaleFactor the largest fraction to scale down by at once, default 0.75
 * @param maxUpscaleFactor the largest factor to scale up by at once, default 1.5
 * @param downscaleTolerance the relative change below which no downscale happens, default 0.05
 * @param upscaleTolerance the relative change below which no upscale happens, default 0.05
 */
public record AutoscalingSpec(
    int minReplicas,
    int maxReplicas,
    int initReplicas,
    double targetReplicaConcurrency,
    int maxReplicaConcurrency,
    Duration window,
    Duration downscaleStabilizationPeriod,
    Duration upscaleStabilizationPeriod,
    double maxDownscaleFactor,
    double maxUpscaleFactor,
    double downscaleTolerance,
    double upscaleTolerance) {

  /**
   * Checks for {@code null}.
   *
   * @throws NullPointerException if a duration is {@code null}
   */
  public AutoscalingSpec {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(downscaleStabilizationPeriod, "downscaleStabilizationPeriod");
    Objects.requireNonNull(upscaleStabilizationPeriod, "upscaleStabilizationPeriod");
  }

  /**
   * Returns Cortex's defaults for an API with one process and one thread per replica.
   *
   * @return the default autoscaling section
   */
  public static AutoscalingSpec defaults() {
    return builder().build();
  }

  /**
   * Starts a builder holding Cortex's defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AutoscalingSpec}; not thread safe. Values are validated with the rest of the API spec. */
  public static final class Builder {
    private int minReplicas = 1;
    private int maxReplicas = 100;
    private @Nullable Integer initReplicas;
    private double targetReplicaConcurrency = 1;
    private int maxReplicaConcurrency = 1024;
    private Duration window = Duration.ofSeconds(60);
    private Duration downscaleStabilizationPeriod = Duration.ofMinutes(5);
    private Duration upscaleStabilizationPeriod = Duration.ofMinutes(1);
    private double maxDownscaleFactor = 0.75;
    private double maxUpscaleFactor = 1.5;
    private double downscaleTolerance = 0.05;
    private double upscaleTolerance = 0.05;

    private Builder() {}

    /**
     * Sets {@code min_replicas}.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder minReplicas(int value) {
      this.minReplicas = value;
      return this;
    }

    /**
     * Sets {@code max_replicas}.
     *
     * @param value at least {@code min_replicas}
     * @return this builder
     */
    public Builder maxReplicas(int value) {
      this.maxReplicas = value;
      return this;
    }

    /**
     * Sets {@code init_replicas}; by default it follows {@code min_replicas}.
     *
     * @param value between {@code min_replicas} and {@code max_replicas}
     * @return this builder
     */
    public Builder initReplicas(int value) {
      this.initReplicas = value;
      return this;
    }

    /**
     * Sets {@code target_replica_concurrency}.
     *
     * @param value above 0 and at most {@code max_replica_concurrency}
     * @return this builder
     */
    public Builder targetReplicaConcurrency(double value) {
      this.targetReplicaConcurrency = value;
      return this;
    }

    /**
     * Sets {@code max_replica_concurrency}.
     *
     * @param value 1 to 30000
     * @return this builder
     */
    public Builder maxReplicaConcurrency(int value) {
      this.maxReplicaConcurrency = value;
      return this;
    }

    /**
     * Sets {@code window}.
     *
     * @param value at least 10 seconds, a multiple of 10 seconds
     * @return this builder
     */
    public Builder window(Duration value) {
      this.window = Objects.requireNonNull(value, "window");
      return this;
    }

    /**
     * Sets {@code downscale_stabilization_period}.
     *
     * @param value not negative
     * @return this builder
     */
    public Builder downscaleStabilizationPeriod(Duration value) {
      this.downscaleStabilizationPeriod = Objects.requireNonNull(value, "downscaleStabilizationPeriod");
      return this;
    }

    /**
     * Sets {@code upscale_stabilization_period}.
     *
     * @param value not negative
     * @return this builder
     */
    public Builder upscaleStabilizationPeriod(Duration value) {
      this.upscaleStabilizationPeriod = Objects.requireNonNull(value, "upscaleStabilizationPeriod");
      return this;
    }

    /**
     * Sets {@code max_downscale_factor}.
     *
     * @param value in [0, 1)
     * @return this builder
     */
    public Builder maxDownscaleFactor(double value) {
      this.maxDownscaleFactor = value;
      return this;
    }

    /**
     * Sets {@code max_upscale_factor}.
     *
     * @param value above 1
     * @return this builder
     */
    public Builder maxUpscaleFactor(double value) {
      this.maxUpscaleFactor = value;
      return this;
    }

    /**
     * Sets {@code downscale_tolerance}.
     *
     * @param value in [0, 1)
     * @return this builder
     */
    public Builder downscaleTolerance(double value) {
      this.downscaleTolerance = value;
      return this;
    }

    /**
     * Sets {@code upscale_tolerance}.
     *
     * @param value at least 0
     * @return this builder
     */
    public Builder upscaleTolerance(double value) {
      this.upscaleTolerance = value;
      return this;
    }

    /**
     * Returns the section; it is validated with the rest of the API spec.
     *
     * @return the autoscaling section
     */
    public AutoscalingSpec build() {
      return new AutoscalingSpec(
          minReplicas,
          maxReplicas,
          initReplicas == null ? minReplicas : initReplicas,
          targetReplicaConcurrency,
          maxReplicaConcurrency,
          window,
          downscaleStabilizationPeriod,
          upscaleStabilizationPeriod,
          maxDownscaleFactor,
          maxUpscaleFactor,
          downscaleTolerance,
          upscaleTolerance);
    }
  }
}
