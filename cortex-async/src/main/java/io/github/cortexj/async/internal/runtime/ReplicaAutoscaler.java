package io.github.cortexj.async.internal.runtime;

import io.github.cortexj.core.spec.AutoscalingSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Decides how many replicas one AsyncAPI runs: averages the queue length Cortex's autoscaler reads (visible plus
 * in-flight messages, sampled every {@value #SAMPLE_SECONDS} seconds of clock time) over the {@code window}, and
 * every {@value #SAMPLE_SECONDS} seconds turns it into a replica count with {@link ScalingDecision}, keeping the
 * recommendation history the stabilisation periods need.
 *
 * <p>Not thread safe: the runtime's ticker is its only caller.
 */
public final class ReplicaAutoscaler {

  /** How often (clock time) the queue length is sampled and a decision made, as Cortex's operator does. */
  public static final long SAMPLE_SECONDS = 10;

  private static final Duration SAMPLE_PERIOD = Duration.ofSeconds(SAMPLE_SECONDS);

  private record Sample(Instant at, long queueLength) {}

  private record Recommendation(Instant at, int replicas) {}

  private final AutoscalingSpec spec;
  private final Instant start;
  private final Deque<Sample> samples = new ArrayDeque<>();
  private final Deque<Recommendation> history = new ArrayDeque<>();
  private Instant lastSample;

  /**
   * Creates an autoscaler for an API that started at {@code start}.
   *
   * @param spec the API's autoscaling section
   * @param start when the API started, on the runtime's clock
   */
  public ReplicaAutoscaler(AutoscalingSpec spec, Instant start) {
    this.spec = spec;
    this.start = start;
    this.lastSample = start; // the first sample is taken one period after the start, as Cortex's 10 s loop
  }

  /**
   * Tells whether a sample (and a decision) is due.
   *
   * @param now the clock's time
   * @return {@code true} when {@value #SAMPLE_SECONDS} seconds have passed since the last sample (or the start)
   */
  public boolean isDue(Instant now) {
    return !now.isBefore(lastSample.plus(SAMPLE_PERIOD));
  }

  /**
   * Records the queue length and decides the replica count.
   *
   * @param now the clock's time
   * @param queueLength visible plus in-flight messages of the API's queue
   * @param currentReplicas the replicas running now
   * @return the replica count to run
   */
  public int decide(Instant now, long queueLength, int currentReplicas) {
    lastSample = now;
    samples.addLast(new Sample(now, queueLength));
    Instant windowStart = now.minus(spec.window());
    while (!samples.isEmpty() && samples.peekFirst().at().isBefore(windowStart)) {
      samples.removeFirst();
    }
    double sum = 0;
    for (Sample sample : samples) {
      sum += sample.queueLength();
    }
    double average = sum / samples.size();
    int recommendation = ScalingDecision.recommend(spec, currentReplicas, average);
    history.addLast(new Recommendation(now, recommendation));
    Duration kept =
        spec.downscaleStabilizationPeriod().compareTo(spec.upscaleStabilizationPeriod()) > 0
            ? spec.downscaleStabilizationPeriod()
            : spec.upscaleStabilizationPeriod();
    while (!history.isEmpty() && history.peekFirst().at().isBefore(now.minus(kept))) {
      history.removeFirst();
    }
    return ScalingDecision.stabilize(
        spec,
        currentReplicas,
        recommendation,
        Duration.between(start, now),
        extreme(now.minus(spec.downscaleStabilizationPeriod()), true),
        extreme(now.minus(spec.upscaleStabilizationPeriod()), false));
  }

  private @Nullable Integer extreme(Instant since, boolean highest) {
    Integer found = null;
    for (Recommendation recommendation : history) {
      if (recommendation.at().isBefore(since)) {
        continue;
      }
      int replicas = recommendation.replicas();
      if (found == null || (highest ? replicas > found : replicas < found)) {
        found = replicas;
      }
    }
    return found;
  }
}
