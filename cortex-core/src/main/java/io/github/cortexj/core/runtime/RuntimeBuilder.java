package io.github.cortexj.core.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The options every runtime's builder takes, checked when they are set, so that the batch, async and task runtimes
 * are configured alike. Each runtime's builder adds its own options and builds the runtime from {@link #options()}.
 *
 * <p>Not thread safe: a builder is meant for one thread.
 *
 * @param <B> the runtime's builder, which every setter returns
 */
public abstract class RuntimeBuilder<B extends RuntimeBuilder<B>> {

  private final String runtimeName;
  private @Nullable ObjectStore store;
  private Clock clock = Clock.systemUTC();
  private @Nullable ExecutorService executor;
  private MetricsClient metrics = MetricsClient.noop();
  private String keyPrefix = "cortex";
  private ObjectMapper mapper = new ObjectMapper();
  private @Nullable Supplier<CortexClient> client;
  private Duration tickPeriod = Duration.ofMillis(50);

  /**
   * Creates a builder with the defaults.
   *
   * @param runtimeName the runtime's class name, for the message of a missing option
   */
  protected RuntimeBuilder(String runtimeName) {
    this.runtimeName = Objects.requireNonNull(runtimeName, "runtimeName");
  }

  /**
   * Returns this builder as the runtime's builder type.
   *
   * @return this builder
   */
  protected abstract B self();

  /**
   * Sets the object store the runtime keeps its state in (required); {@code s3://} paths of batch submissions must
   * name its bucket.
   *
   * @param store the store
   * @return this builder
   */
  public B objectStore(ObjectStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return self();
  }

  /**
   * Sets the clock that timeouts, visibilities, retention, autoscaling and job ids are measured on (default: the
   * system UTC clock); tests pass a manual clock.
   *
   * @param clock the clock
   * @return this builder
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * Sets the executor the runtime's work runs on (required): a batch job holds a thread per worker (and one for its
   * enqueuer) while it runs, an async API one per replica, a task job one while it runs. The caller owns it.
   *
   * @param executor the executor
   * @return this builder
   */
  public B executor(ExecutorService executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return self();
  }

  /**
   * Sets the cluster's metrics client, which receives the built-in metrics as is and handlers' metrics through
   * {@link MetricsClient#forHandlers(MetricsClient)} (default: drops everything).
   *
   * @param metrics the client
   * @return this builder
   */
  public B metrics(MetricsClient metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    return self();
  }

  /**
   * Sets the prefix every key the runtime writes goes under (default {@code cortex}); empty for none.
   *
   * @param keyPrefix the prefix, without a trailing {@code /}
   * @return this builder
   */
  public B keyPrefix(String keyPrefix) {
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    return self();
  }

  /**
   * Sets the mapper JSON is read and written with, and that handlers bind with (default: a plain one).
   *
   * @param mapper the mapper
   * @return this builder
   */
  public B objectMapper(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    return self();
  }

  /**
   * Sets the client handed to handlers, supplied when first needed (default: one that reaches no cluster).
   *
   * @param client supplies the client
   * @return this builder
   */
  public B client(Supplier<CortexClient> client) {
    this.client = Objects.requireNonNull(client, "client");
    return self();
  }

  /**
   * Sets how often (wall time) the runtime compares its deadlines (timeouts, visibilities, autoscaling, retention)
   * with the clock (default 50 ms).
   *
   * @param tickPeriod the period, at least a millisecond
   * @return this builder
   * @throws IllegalArgumentException when shorter than a millisecond
   */
  public B tickPeriod(Duration tickPeriod) {
    if (Objects.requireNonNull(tickPeriod, "tickPeriod").toMillis() < 1) {
      throw new IllegalArgumentException("tickPeriod must be at least 1 ms (got " + tickPeriod + ")");
    }
    this.tickPeriod = tickPeriod;
    return self();
  }

  /**
   * Returns the options set so far.
   *
   * @return the options
   * @throws IllegalStateException when the object store or the executor was not set
   */
  protected final RuntimeOptions options() {
    return new RuntimeOptions(
        require(store, "objectStore"), clock, require(executor, "executor"), metrics, keyPrefix, mapper, client,
        tickPeriod);
  }

  /**
   * Returns a required option, or fails naming it.
   *
   * @param value the option's value, {@code null} when it was not set
   * @param option the option's name, as its setter
   * @param <T> the option's type
   * @return the value
   * @throws IllegalStateException when the value is {@code null}
   */
  protected final <T> T require(@Nullable T value, String option) {
    if (value == null) {
      throw new IllegalStateException(runtimeName + ": " + option + " is required");
    }
    return value;
  }
}
