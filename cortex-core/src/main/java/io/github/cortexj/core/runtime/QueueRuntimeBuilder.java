package io.github.cortexj.core.runtime;

import io.github.cortexj.core.backend.QueueBackend;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The options of a runtime whose work comes through queues (batch jobs, async requests), on top of those every
 * runtime takes: the queue backend, the cluster name, how long a receive waits, and how received messages are
 * kept hidden while they are handled.
 *
 * <p>Not thread safe: a builder is meant for one thread.
 *
 * @param <B> the runtime's builder, which every setter returns
 */
public abstract class QueueRuntimeBuilder<B extends QueueRuntimeBuilder<B>> extends RuntimeBuilder<B> {

  private @Nullable QueueBackend queues;
  private String clusterName = "cortex";
  private Duration pollWait = Duration.ofMillis(200);
  private Duration visibilityTimeout = Duration.ofSeconds(30);
  private Duration renewalPeriod = Duration.ofSeconds(15);

  /**
   * Creates a builder with the defaults.
   *
   * @param runtimeName the runtime's class name, for the message of a missing option
   */
  protected QueueRuntimeBuilder(String runtimeName) {
    super(runtimeName);
  }

  /**
   * Sets the queue backend (required).
   *
   * @param queues the backend
   * @return this builder
   */
  public B queueBackend(QueueBackend queues) {
    this.queues = Objects.requireNonNull(queues, "queues");
    return self();
  }

  /**
   * Sets the cluster name, which queue names are derived from (default {@code cortex}).
   *
   * @param clusterName the name
   * @return this builder
   */
  public B clusterName(String clusterName) {
    this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
    return self();
  }

  /**
   * Sets how long (wall time) a worker's or replica's receive waits for a message (default 200 ms); closing the
   * runtime waits at least this long.
   *
   * @param pollWait between 0 and 20 seconds, what a queue receive accepts
   * @return this builder
   * @throws IllegalArgumentException when out of range (every receive would fail)
   */
  public B pollWait(Duration pollWait) {
    this.pollWait = checkPollWait(pollWait);
    return self();
  }

  /**
   * Checks a poll wait as every runtime's builder does, for builders that take one to pass on later.
   *
   * @param pollWait the wait
   * @return the wait
   * @throws IllegalArgumentException when outside 0 to {@link QueueBackend#MAX_WAIT_TIME} (every receive would fail)
   */
  public static Duration checkPollWait(Duration pollWait) {
    if (Objects.requireNonNull(pollWait, "pollWait").isNegative()
        || pollWait.compareTo(QueueBackend.MAX_WAIT_TIME) > 0) {
      throw new IllegalArgumentException("pollWait must be between 0 and 20 seconds (got " + pollWait + ")");
    }
    return pollWait;
  }

  /**
   * Sets the visibility of a received message and how much clock time passes between its renewals while it is
   * handled (defaults 30 s and 15 s, as Cortex).
   *
   * @param visibilityTimeout the initial visibility, positive
   * @param renewalPeriod the time between renewals, positive and shorter than the visibility
   * @return this builder
   * @throws IllegalArgumentException when a renewal would come after the visibility has lapsed
   */
  public B visibility(Duration visibilityTimeout, Duration renewalPeriod) {
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    Objects.requireNonNull(renewalPeriod, "renewalPeriod");
    if (renewalPeriod.isNegative() || renewalPeriod.isZero() || renewalPeriod.compareTo(visibilityTimeout) >= 0) {
      throw new IllegalArgumentException(
          "renewalPeriod must be positive and shorter than visibilityTimeout (got " + renewalPeriod + " and "
              + visibilityTimeout + ")");
    }
    this.visibilityTimeout = visibilityTimeout;
    this.renewalPeriod = renewalPeriod;
    return self();
  }

  /**
   * Returns the queue options set so far.
   *
   * @return the options
   * @throws IllegalStateException when the queue backend was not set
   */
  protected final QueueOptions queueOptions() {
    return new QueueOptions(
        require(queues, "queueBackend"), clusterName, pollWait, visibilityTimeout, renewalPeriod);
  }
}
