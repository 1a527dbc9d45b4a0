package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;

/**
 * How often a failed batch of a job is delivered again, and after how long: a cortex-java extension (JSON
 * {@code retry_policy}). Without one, a job retries as Cortex does: never without a dead-letter queue, and up to
 * the queue's {@code max_receive_count} deliveries with one.
 *
 * <p>Immutable.
 *
 * @param maxAttempts how many deliveries a batch gets in all, at least 1
 * @param backoffSeconds how long a failed batch stays invisible before its next delivery, at least 0
 */
@JsonPropertyOrder({"max_attempts", "backoff_seconds"})
public record RetryPolicy(
    @JsonProperty("max_attempts") int maxAttempts, @JsonProperty("backoff_seconds") long backoffSeconds) {

  /** A policy of one attempt: a failed batch is never retried. */
  public static final RetryPolicy NO_RETRY = new RetryPolicy(1, 0);

  /**
   * Returns {@link #backoffSeconds()} as a duration.
   *
   * @return the backoff
   */
  @JsonIgnore
  public Duration backoff() {
    return Duration.ofSeconds(backoffSeconds);
  }
}
