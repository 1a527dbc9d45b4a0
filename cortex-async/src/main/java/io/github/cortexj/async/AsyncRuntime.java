package io.github.cortexj.async;

import io.github.cortexj.async.internal.runtime.AsyncApiRun;
import io.github.cortexj.async.internal.runtime.RuntimeSettings;
import io.github.cortexj.async.internal.runtime.WorkloadKeys;
import io.github.cortexj.async.internal.runtime.WorkloadStore;
import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.QueueNames;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.job.ApiNotDeployedException;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.runtime.QueueOptions;
import io.github.cortexj.core.runtime.QueueRuntimeBuilder;
import io.github.cortexj.core.runtime.RuntimeOptions;
import io.github.cortexj.core.runtime.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the AsyncAPIs registered with it, against a {@link QueueBackend} and an {@link ObjectStore} only, so the
 * same runtime serves an embedded cluster (in-memory backends) and a distributed one (SQS and S3). A submitted
 * request is stored in Cortex's layout ({@code workloads/<api>/<id>/payload}, {@code status/<marker>},
 * {@code result.json}) and its id queued on the API's FIFO queue; replicas (worker loops on the executor, between
 * {@code min_replicas} and {@code max_replicas} as the autoscaler decides) take one request at a time, call the
 * handler and store its JSON object or the error it failed with. Status is read from the store.
 *
 * <pre>{@code
 * try (AsyncRuntime runtime = AsyncRuntime.builder()
 *     .queueBackend(new InMemoryQueueBackend(clock)).objectStore(new InMemoryObjectStore("cortex", clock))
 *     .clock(clock).executor(Executors.newCachedThreadPool()).build()) {
 *   runtime.register(new AsyncApiDeployment(ApiSpec.async("scorer").handlerClass(Scorer.class).build(), "1",
 *       Handlers.async(Scorer.class), ProjectFiles.none()));
 *   String id = runtime.submit("scorer", "{\"text\":\"great\"}".getBytes(UTF_8), "application/json", null);
 *   AsyncResult result = runtime.await("scorer", id, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Beyond Cortex: a failed request keeps its error's type and message; ended requests are kept for the retention
 * period counted from their end (default 7 days) and then purged on the clock; ids already in use are refused;
 * queued requests can be cancelled; and an API may set a per-request timeout and a queue TTL
 * ({@code handler.request_timeout}, {@code handler.request_ttl}).
 *
 * <p>Thread safe. The executor needs one thread per replica. Closing stops taking requests, lets the ones in
 * flight finish (up to the shutdown timeout, after which they are interrupted and left queued), and does not shut
 * down the executor, which belongs to the caller.
 */
public final class AsyncRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncRuntime.class);
  private static final long AWAIT_POLL_MILLIS = 50;

  private final RuntimeSettings settings;
  private final Map<String, AsyncApiRun> runs = new ConcurrentHashMap<>();
  private final Ticker ticker;
  private final Object requestEnded = new Object();
  private volatile boolean closed;

  private AsyncRuntime(RuntimeSettings settings, Duration tickPeriod) {
    this.settings = settings;
    this.ticker = Ticker.start("cortex-async-ticker", tickPeriod, this::tick);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers an AsyncAPI and starts its {@code init_replicas} replicas, creating its queue. Registering an API
   * again (an update) keeps its queue and its requests: the old replicas finish the requests they hold, and new
   * ones with the new handler take over.
   *
   * @param api the deployment
   * @throws IllegalStateException when the runtime is closed
   */
  public synchronized void register(AsyncApiDeployment api) {
    if (closed) {
      throw new IllegalStateException("the async runtime is closed");
    }
    AsyncApiRun previous = runs.get(api.name());
    String queueUrl;
    if (previous != null) {
      queueUrl = previous.queueUrl();
      previous.stop(settings.shutdownTimeout());
    } else {
      queueUrl =
          settings
              .queues()
              .createQueue(
                  QueueSpec.fifo(
                      QueueNames.asyncQueue(settings.clusterName(), api.name(), api.apiId()),
                      settings.visibilityTimeout()));
    }
    AsyncApiRun run = new AsyncApiRun(settings, api, queueUrl, this::signalRequestEnded);
    runs.put(api.name(), run);
    run.start();
  }

  /**
   * Unregisters an AsyncAPI, as deleting it does in Cortex: its replicas finish the requests they hold and its
   * queue is deleted. Stored requests are left to the retention purge of a runtime that runs the API again.
   *
   * @param apiName the API name
   * @throws ApiNotDeployedException when no such API is registered
   */
  public synchronized void unregister(String apiName) {
    AsyncApiRun run = run(apiName);
    run.stop(settings.shutdownTimeout());
    runs.remove(apiName);
    settings.queues().deleteQueue(run.queueUrl());
  }

  /**
   * Returns a registered API.
   *
   * @param apiName the API name
   * @return the deployment, or empty
   */
  public Optional<AsyncApiDeployment> registered(String apiName) {
    AsyncApiRun run = runs.get(apiName);
    return run == null ? Optional.empty() : Optional.of(run.deployment());
  }

  /**
   * Stores and queues a request, as {@code POST /<endpoint>} on Cortex's gateway.
   *
   * @param apiName the API
   * @param payload the body
   * @param contentType its Content-Type, stored verbatim; it decides how the handler receives the body
   * @param requestId the caller's id ({@code x-request-id}), or {@code null} for a generated UUID
   * @return the request id
   * @throws ApiNotDeployedException when the API is not registered
   * @throws IllegalArgumentException naming {@code x-request-id} when the id is not 1 to 128 characters of
   *     {@code [A-Za-z0-9._-]}, or when the Content-Type is empty
   * @throws io.github.cortexj.core.job.DuplicateRequestIdException when the API already holds that id
   */
  public String submit(String apiName, byte[] payload, String contentType, @Nullable String requestId) {
    AsyncApiRun run = run(apiName);
    try {
      return run.submit(payload, contentType, requestId);
    } catch (BackendException e) {
      if (runs.get(apiName) != run) {
        // the API was deleted (its queue with it) while the request was being stored: answer as for an API that
        // is not deployed, not with the missing queue; what was stored has been removed
        throw new ApiNotDeployedException(apiName);
      }
      throw e;
    }
  }

  /**
   * Reads a request's status and, once completed, its result, from the store.
   *
   * @param apiName the API
   * @param requestId the id
   * @return the request
   * @throws io.github.cortexj.core.job.AsyncRequestNotFoundException when there is no such request, it was
   *     cancelled, or its retention period has passed
   */
  public AsyncResult get(String apiName, String requestId) {
    return run(apiName).get(Objects.requireNonNull(requestId, "requestId"));
  }

  /**
   * Cancels a request that is still queued: its id answers 404 from then on, and its queue message is dropped when
   * a replica receives it. A request in progress or ended is left alone.
   *
   * @param apiName the API
   * @param requestId the id
   * @return whether the request was cancelled
   * @throws io.github.cortexj.core.job.AsyncRequestNotFoundException when there is no such request
   */
  public boolean cancel(String apiName, String requestId) {
    return run(apiName).cancel(Objects.requireNonNull(requestId, "requestId"));
  }

  /**
   * Waits until a request has ended ({@code completed} or {@code failed}): a convenience for programs and tests
   * with nothing else to do meanwhile.
   *
   * @param apiName the API
   * @param requestId the id
   * @param wait the longest wall time to wait
   * @return the request, ended unless the wait ran out
   * @throws InterruptedException when interrupted while waiting
   */
  public AsyncResult await(String apiName, String requestId, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      AsyncResult result = get(apiName, requestId);
      long left = deadline - System.nanoTime();
      if (result.status().isTerminal() || left <= 0) {
        return result;
      }
      synchronized (requestEnded) {
        requestEnded.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), AWAIT_POLL_MILLIS)));
      }
    }
  }

  /**
   * Returns how many replicas an API runs now (not counting those finishing a request before they stop).
   *
   * @param apiName the API
   * @return the replica count
   */
  public int replicas(String apiName) {
    return run(apiName).replicas();
  }

  /**
   * Lists the registered APIs' names.
   *
   * @return the names
   */
  public List<String> apiNames() {
    return List.copyOf(runs.keySet());
  }

  private AsyncApiRun run(String apiName) {
    AsyncApiRun run = runs.get(Objects.requireNonNull(apiName, "apiName"));
    if (run == null) {
      throw new ApiNotDeployedException(apiName);
    }
    return run;
  }

  private void signalRequestEnded() {
    synchronized (requestEnded) {
      requestEnded.notifyAll();
    }
  }

  private void tick() {
    Instant now = settings.clock().instant();
    for (AsyncApiRun run : runs.values()) {
      try {
        run.tick(now);
      } catch (RuntimeException e) {
        LOG.warn("tick of async api {} failed: {}", run.name(), e.toString());
      }
    }
  }

  /**
   * Stops taking requests and lets the replicas finish the requests they hold, up to the shutdown timeout; past it,
   * handlers are interrupted and their requests left queued, to be handled again. Nothing accepted is lost: every
   * request not ended stays in the queue and the store.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    runs.values().forEach(AsyncApiRun::requestStop);
    for (AsyncApiRun run : runs.values()) {
      if (!run.stop(settings.shutdownTimeout())) {
        LOG.warn("async api {}: requests still running after {} were interrupted and left queued", run.name(),
            settings.shutdownTimeout());
      }
    }
    ticker.close(settings.shutdownTimeout());
  }

  /**
   * Builds an {@link AsyncRuntime}: the options of every queue-driven runtime ({@link QueueRuntimeBuilder}; the
   * executor runs the replicas, one thread each, so it needs as many as the APIs' {@code max_replicas} together;
   * the tick period also paces the autoscaler, which samples the queue every 10 seconds of clock time, as Cortex)
   * and the async ones below. Required: {@link #queueBackend}, {@link #objectStore} and {@link #executor}. Not
   * thread safe.
   */
  public static final class Builder extends QueueRuntimeBuilder<Builder> {
    private Duration retention = Duration.ofDays(7);
    private Duration purgePeriod = Duration.ofMinutes(1);
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    private Builder() {
      super("AsyncRuntime");
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets how long an ended request (completed or failed) is kept, counted from its end (default 7 days, as
     * Cortex's bucket lifecycle rule, which counts from each object's creation instead).
     *
     * @param retention the retention, positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder retention(Duration retention) {
      if (Objects.requireNonNull(retention, "retention").isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("retention must be positive (got " + retention + ")");
      }
      this.retention = retention;
      return this;
    }

    /**
     * Sets how much clock time passes between purges of expired requests (default 1 minute). Reads answer 404 for
     * an expired request even before it is purged.
     *
     * @param purgePeriod the period, positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder purgePeriod(Duration purgePeriod) {
      if (Objects.requireNonNull(purgePeriod, "purgePeriod").isNegative() || purgePeriod.isZero()) {
        throw new IllegalArgumentException("purgePeriod must be positive (got " + purgePeriod + ")");
      }
      this.purgePeriod = purgePeriod;
      return this;
    }

    /**
     * Sets how long (wall time) closing, unregistering or updating an API waits for the requests in flight before
     * it interrupts them and leaves them queued (default 30 s).
     *
     * @param shutdownTimeout the bound, not negative
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder shutdownTimeout(Duration shutdownTimeout) {
      if (Objects.requireNonNull(shutdownTimeout, "shutdownTimeout").isNegative()) {
        throw new IllegalArgumentException("shutdownTimeout must not be negative (got " + shutdownTimeout + ")");
      }
      this.shutdownTimeout = shutdownTimeout;
      return this;
    }

    /**
     * Builds the runtime and starts its ticker.
     *
     * @return the runtime
     * @throws IllegalStateException when a required option is missing
     */
    public AsyncRuntime build() {
      RuntimeOptions options = options();
      QueueOptions queues = queueOptions();
      RuntimeSettings settings =
          new RuntimeSettings(
              queues.queues(),
              new WorkloadStore(options.store(), new WorkloadKeys(options.keyPrefix()), options.mapper()),
              options.clock(),
              options.executor(),
              options.metrics(),
              queues.clusterName(),
              options.mapper(),
              options.client(),
              queues.pollWait(),
              queues.visibilityTimeout(),
              queues.renewalPeriod(),
              retention,
              purgePeriod,
              shutdownTimeout);
      return new AsyncRuntime(settings, options.tickPeriod());
    }
  }
}
