package io.github.cortexj.testkit;

import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.QueueBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link CortexTestCluster} is built. Every option has a default; {@link #getDefaultInstance()} is an
 * in-memory cluster with virtual time, asynchronous submissions, starting at {@link ManualClock#DEFAULT_START}.
 *
 * <pre>{@code
 * TestClusterOptions options = TestClusterOptions.newBuilder()
 *     .synchronous(true)
 *     .startInstant(Instant.parse("2025-03-01T09:00:00Z"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable.
 *
 * @param queueBackend the queue backend, or {@code null} for a fresh in-memory one on the cluster's clock
 * @param objectStore the object store, or {@code null} for a fresh in-memory one on the cluster's clock
 * @param synchronous whether submissions through {@link CortexTestCluster#client()} return only once the work is
 *     done
 * @param timeSkipping whether the cluster skips the clock ahead when nothing can progress until a deadline;
 *     {@code null} for the default: on for in-memory queues, off (the clock follows wall time) for any other
 *     backend, whose visibility timeouts run on wall time
 * @param startInstant the clock's first instant
 * @param workerThreads the threads workers and enqueuers run on
 * @param awaitTimeout the longest wall time an {@code await} may take before it fails with the timeline
 * @param quietPeriod how long (wall time) nothing must happen before the cluster calls itself idle
 * @param maxIdleStep the largest step the clock takes when idle and no deadline is known
 * @param clusterName the cluster name queue names are derived from
 */
public record TestClusterOptions(
    @Nullable QueueBackend queueBackend,
    @Nullable ObjectStore objectStore,
    boolean synchronous,
    @Nullable Boolean timeSkipping,
    Instant startInstant,
    int workerThreads,
    Duration awaitTimeout,
    Duration quietPeriod,
    Duration maxIdleStep,
    String clusterName) {

  private static final TestClusterOptions DEFAULT = newBuilder().build();

  /**
   * Validates the options.
   *
   * @throws IllegalArgumentException when a count or duration is out of range, or only one backend is given
   */
  public TestClusterOptions {
    Objects.requireNonNull(startInstant, "startInstant");
    Objects.requireNonNull(awaitTimeout, "awaitTimeout");
    Objects.requireNonNull(quietPeriod, "quietPeriod");
    Objects.requireNonNull(maxIdleStep, "maxIdleStep");
    Objects.requireNonNull(clusterName, "clusterName");
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1 (got " + workerThreads + ")");
    }
    requirePositive(awaitTimeout, "awaitTimeout");
    requirePositive(quietPeriod, "quietPeriod");
    requirePositive(maxIdleStep, "maxIdleStep");
    if ((queueBackend == null) != (objectStore == null)) {
      throw new IllegalArgumentException(
          "give both a queueBackend and an objectStore, or neither (got only the "
              + (queueBackend == null ? "objectStore" : "queueBackend") + ")");
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive (got " + value + ")");
    }
  }

  /**
   * Returns the default options.
   *
   * @return the defaults
   */
  public static TestClusterOptions getDefaultInstance() {
    return DEFAULT;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Starts a builder holding these options' values.
   *
   * @param options the options to copy
   * @return a new builder
   */
  public static Builder newBuilder(TestClusterOptions options) {
    Builder builder = new Builder();
    builder.queueBackend = options.queueBackend;
    builder.objectStore = options.objectStore;
    builder.synchronous = options.synchronous;
    builder.timeSkipping = options.timeSkipping;
    builder.startInstant = options.startInstant;
    builder.workerThreads = options.workerThreads;
    builder.awaitTimeout = options.awaitTimeout;
    builder.quietPeriod = options.quietPeriod;
    builder.maxIdleStep = options.maxIdleStep;
    builder.clusterName = options.clusterName;
    return builder;
  }

  /** Builds {@link TestClusterOptions}. Not thread safe. */
  public static final class Builder {
    private @Nullable QueueBackend queueBackend;
    private @Nullable ObjectStore objectStore;
    private boolean synchronous;
    private @Nullable Boolean timeSkipping;
    private Instant startInstant = ManualClock.DEFAULT_START;
    private int workerThreads = 8;
    private Duration awaitTimeout = Duration.ofSeconds(30);
    private Duration quietPeriod = Duration.ofMillis(25);
    private Duration maxIdleStep = Duration.ofHours(6);
    private String clusterName = "test";

    private Builder() {}

    /**
     * Runs the cluster on a backend pair instead of fresh in-memory ones, for example {@code SqsQueueBackend} and
     * {@code S3ObjectStore} against ElasticMQ and S3Proxy. Such backends keep time themselves, so time skipping
     * is off unless {@link #timeSkipping(boolean)} says otherwise.
     *
     * @param queues the queue backend
     * @param store the object store
     * @return this builder
     */
    public Builder backends(QueueBackend queues, ObjectStore store) {
      this.queueBackend = Objects.requireNonNull(queues, "queues");
      this.objectStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Makes submissions through the cluster's client return only once the work is done (default off).
     *
     * @param synchronous whether to wait
     * @return this builder
     */
    public Builder synchronous(boolean synchronous) {
      this.synchronous = synchronous;
      return this;
    }

    /**
     * Turns time skipping on or off (default: on for in-memory queues, off for other backends).
     *
     * @param timeSkipping whether the clock may skip ahead when the cluster is idle
     * @return this builder
     */
    public Builder timeSkipping(boolean timeSkipping) {
      this.timeSkipping = timeSkipping;
      return this;
    }

    /**
     * Sets the clock's first instant (default {@link ManualClock#DEFAULT_START}).
     *
     * @param startInstant the instant
     * @return this builder
     */
    public Builder startInstant(Instant startInstant) {
      this.startInstant = Objects.requireNonNull(startInstant, "startInstant");
      return this;
    }

    /**
     * Sets how many threads run workers and enqueuers (default 8); a job holds one per worker while it runs.
     *
     * @param workerThreads at least 1
     * @return this builder
     */
    public Builder workerThreads(int workerThreads) {
      this.workerThreads = workerThreads;
      return this;
    }

    /**
     * Sets the longest wall time an {@code await} may take (default 30 s).
     *
     * @param awaitTimeout a positive duration
     * @return this builder
     */
    public Builder awaitTimeout(Duration awaitTimeout) {
      this.awaitTimeout = Objects.requireNonNull(awaitTimeout, "awaitTimeout");
      return this;
    }

    /**
     * Sets how long (wall time) no backend call may change anything, with every worker thread waiting, before
     * the cluster is idle and may skip time (default 25 ms).
     *
     * @param quietPeriod a positive duration
     * @return this builder
     */
    public Builder quietPeriod(Duration quietPeriod) {
      this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
      return this;
    }

    /**
     * Sets the largest step the clock takes when the cluster is idle and knows no deadline (default 6 hours);
     * steps start at one second and double.
     *
     * @param maxIdleStep a positive duration
     * @return this builder
     */
    public Builder maxIdleStep(Duration maxIdleStep) {
      this.maxIdleStep = Objects.requireNonNull(maxIdleStep, "maxIdleStep");
      return this;
    }

    /**
     * Sets the cluster name queue names are derived from (default {@code test}).
     *
     * @param clusterName the name
     * @return this builder
     */
    public Builder clusterName(String clusterName) {
      this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException when an option is out of range
     */
    public TestClusterOptions build() {
      return new TestClusterOptions(
          queueBackend,
          objectStore,
          synchronous,
          timeSkipping,
          startInstant,
          workerThreads,
          awaitTimeout,
          quietPeriod,
          maxIdleStep,
          clusterName);
    }
  }
}
