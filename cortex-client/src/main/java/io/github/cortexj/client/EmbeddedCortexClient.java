package io.github.cortexj.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.async.AsyncRuntime;
import io.github.cortexj.batch.BatchRuntime;
import io.github.cortexj.client.internal.ApiRegistry;
import io.github.cortexj.core.CloseableCortexClient;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.job.ApiInfo;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.DeployResult;
import io.github.cortexj.core.job.DryRunResult;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.metrics.MetricsClient;
import io.github.cortexj.core.runtime.QueueRuntimeBuilder;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.task.TaskRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A Cortex cluster inside this JVM: deploys BatchAPIs, AsyncAPIs and TaskAPIs and runs their jobs, requests and
 * tasks on threads, over in-memory queues and object storage by default (or any {@link QueueBackend} and
 * {@link ObjectStore}, such as SQS and S3).
 *
 * <pre>{@code
 * try (EmbeddedCortexClient cortex = EmbeddedCortexClient.builder().workerThreads(8).build()) {
 *   cortex.createApi(Path.of("examples/quickstart/cortex.yaml"));
 *   JobSpec job = cortex.submitJob("reviews", JobSubmission.items(reviews).batchSize(100).workers(4).build());
 *   while (!cortex.getJob("reviews", job.jobId()).status().isTerminal()) { ... }
 * }
 * }</pre>
 *
 * <p>Thread safe. Nothing is static: two clients are two independent clusters. {@link #close()} lets the async
 * requests in flight finish (the queued ones stay queued), stops the jobs still in progress (their status becomes
 * {@code stopped}), waits for their workers, and shuts down the threads the client created. After it, the calls
 * that would deploy, start, stop or delete something fail with kind {@value #CLOSED}; the reads ({@code getJob},
 * {@code listApis}, the awaits...) still answer from the store, so the final statuses stay visible.
 *
 * <p>An operation on an API of another kind (submitting a job to a TaskAPI) fails as Cortex's operator does, with
 * kind {@code resources.operation_is_only_supported_for_kind} naming the API and its kind; an unknown API is an
 * {@link io.github.cortexj.core.job.ApiNotDeployedException}.
 */
public final class EmbeddedCortexClient implements CloseableCortexClient {

  /** What {@link #describe()} answers. */
  public static final String DESCRIPTION = "embedded";

  /** The kind of the error a call that would change the cluster raises after {@link #close()}. */
  public static final String CLOSED = "embedded.closed";

  private final BatchRuntime runtime;
  private final AsyncRuntime asyncRuntime;
  private final TaskRuntime tasks;
  private final ApiRegistry registry;
  private final @Nullable ExecutorService ownedExecutor;
  private final @Nullable ExecutorService ownedReplicaExecutor;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<OwnedThreads> ownedThreads =
      List.of(new OwnedThreads("cortex-worker-"), new OwnedThreads("cortex-async-replica-"));

  private EmbeddedCortexClient(Builder builder) {
    Clock clock = builder.clock;
    ExecutorService executor = builder.executor;
    this.ownedExecutor = executor == null ? newWorkerPool(builder.workerThreads) : null;
    QueueBackend queues = builder.queues == null ? new InMemoryQueueBackend(clock) : builder.queues;
    ObjectStore store = builder.store == null ? new InMemoryObjectStore("cortex", clock) : builder.store;
    this.runtime =
        BatchRuntime.builder()
            .queueBackend(queues)
            .objectStore(store)
            .clock(clock)
            .executor(executor == null ? Objects.requireNonNull(ownedExecutor) : executor)
            .metrics(builder.metrics)
            .clusterName(builder.clusterName)
            .objectMapper(builder.mapper)
            .client(() -> this)
            .completionRecheckDelay(builder.completionRecheckDelay)
            .pollWait(builder.pollWait)
            .build();
    this.tasks =
        TaskRuntime.builder()
            .objectStore(store)
            .clock(clock)
            .executor(executor == null ? Objects.requireNonNull(ownedExecutor) : executor)
            .metrics(builder.metrics)
            .objectMapper(builder.mapper)
            .client(() -> this)
            .build();
    // Async replicas hold a thread each for as long as they run, so by default they get their own growing pool
    // rather than taking the batch workers' fixed one.
    this.ownedReplicaExecutor = executor == null ? newReplicaPool() : null;
    this.asyncRuntime =
        AsyncRuntime.builder()
            .queueBackend(queues)
            .objectStore(store)
            .clock(clock)
            .executor(executor == null ? Objects.requireNonNull(ownedReplicaExecutor) : executor)
            .metrics(builder.metrics)
            .clusterName(builder.clusterName)
            .objectMapper(builder.mapper)
            .client(() -> this)
            .retention(builder.asyncRetention)
            .build();
    this.registry = new ApiRegistry(runtime, asyncRuntime, tasks);
  }

  private ExecutorService newReplicaPool() {
    return Executors.newCachedThreadPool(ownedThreads.get(1));
  }

  private ExecutorService newWorkerPool(int threads) {
    return Executors.newFixedThreadPool(threads, ownedThreads.get(0));
  }

  /**
   * Names the client's own threads {@code <prefix>1, <prefix>2, ...} (daemons, so they never hold the JVM up) and
   * remembers them, so that {@code close()} can wait until they have ended: an executor reports termination while
   * its last thread is still on its way out.
   */
  private static final class OwnedThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final Queue<Thread> created = new ConcurrentLinkedQueue<>();

    OwnedThreads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      // Forget threads that have ended: the replica pool makes new threads as idle ones expire, for as long as
      // the client lives, and only the ones still alive matter to close().
      created.removeIf(ended -> ended.getState() == Thread.State.TERMINATED);
      created.add(thread);
      return thread;
    }

    /** Waits until every thread made so far has ended, or the deadline ({@link System#nanoTime()}) has passed. */
    void join(long deadlineNanos) throws InterruptedException {
      for (Thread thread : created) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedJoin(thread, left);
      }
    }
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String describe() {
    return DESCRIPTION;
  }

  /** Refuses a call that would deploy, start, stop or delete something once the cluster is closed. */
  private void requireOpen(String operation, @Nullable String apiName) {
    if (closed.get()) {
      throw new CortexException(CLOSED, operation + "(" + apiName + ") refused: the embedded cluster has been closed");
    }
  }

  /** Checks that the API exists and is of one of the kinds the operation is for, as Cortex's operator does. */
  private ApiKind requireKind(String apiName, ApiKind... kinds) {
    return registry.requireKind(Objects.requireNonNull(apiName, "apiName"), kinds);
  }

  @Override
  public List<DeployResult> createApi(Path configFile) {
    requireOpen("createApi", String.valueOf(configFile));
    return registry.deployProject(Objects.requireNonNull(configFile, "configFile"));
  }

  @Override
  public DeployResult createApi(ApiSpec spec, HandlerFactory<?> factory) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(factory, "factory");
    requireOpen("createApi", spec.name());
    return registry.deploy(spec, factory, ProjectFiles.none(), "factory@" + System.identityHashCode(factory));
  }

  @Override
  public DeployResult createApi(ApiSpec spec, Class<?> handlerClass) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(handlerClass, "handlerClass");
    requireOpen("createApi", spec.name());
    return registry.deploy(spec, handlerClass);
  }

  @Override
  public ApiInfo getApi(String apiName) {
    return registry.get(apiName);
  }

  @Override
  public List<ApiInfo> listApis() {
    return registry.list();
  }

  @Override
  public void deleteApi(String apiName) {
    requireOpen("deleteApi", apiName);
    registry.delete(Objects.requireNonNull(apiName, "apiName"));
  }

  @Override
  public JobSpec submitJob(String apiName, JobSubmission submission) {
    requireOpen("submitJob", apiName);
    requireKind(apiName, ApiKind.BATCH_API);
    return runtime.submitJob(apiName, submission);
  }

  @Override
  public DryRunResult dryRun(String apiName, JobSubmission submission) {
    requireKind(apiName, ApiKind.BATCH_API);
    return runtime.dryRun(apiName, submission);
  }

  @Override
  public BatchJobStatus getJob(String apiName, String jobId) {
    requireKind(apiName, ApiKind.BATCH_API);
    return runtime.getJob(apiName, jobId);
  }

  @Override
  public List<BatchJobStatus> listJobs(String apiName) {
    requireKind(apiName, ApiKind.BATCH_API);
    return runtime.listJobs(apiName);
  }

  @Override
  public void stopJob(String apiName, String jobId) {
    requireOpen("stopJob", apiName);
    if (requireKind(apiName, ApiKind.BATCH_API, ApiKind.TASK_API) == ApiKind.TASK_API) {
      tasks.stopJob(apiName, jobId);
    } else {
      runtime.stopJob(apiName, jobId);
    }
  }

  @Override
  public List<FailedBatch> failedBatches(String apiName, String jobId) {
    requireKind(apiName, ApiKind.BATCH_API);
    return runtime.failedBatches(apiName, jobId);
  }

  @Override
  public JobSpec retryFailedBatches(String apiName, String jobId) {
    requireOpen("retryFailedBatches", apiName);
    requireKind(apiName, ApiKind.BATCH_API);
    return runtime.retryFailedBatches(apiName, jobId);
  }

  @Override
  public String submitAsync(String apiName, byte[] payload, String contentType) {
    requireOpen("submitAsync", apiName);
    requireKind(apiName, ApiKind.ASYNC_API);
    return asyncRuntime.submit(apiName, payload, contentType, null);
  }

  @Override
  public String submitAsync(String apiName, byte[] payload, String contentType, String requestId) {
    requireOpen("submitAsync", apiName);
    requireKind(apiName, ApiKind.ASYNC_API);
    return asyncRuntime.submit(apiName, payload, contentType, Objects.requireNonNull(requestId, "requestId"));
  }

  @Override
  public AsyncResult getAsync(String apiName, String requestId) {
    requireKind(apiName, ApiKind.ASYNC_API);
    return asyncRuntime.get(apiName, requestId);
  }

  @Override
  public boolean cancelAsync(String apiName, String requestId) {
    requireOpen("cancelAsync", apiName);
    requireKind(apiName, ApiKind.ASYNC_API);
    return asyncRuntime.cancel(apiName, requestId);
  }

  /**
   * Waits until an async request of this cluster has ended ({@code completed} or {@code failed}): a convenience
   * for programs and tests that have nothing else to do meanwhile.
   *
   * @param apiName the AsyncAPI
   * @param requestId the request id
   * @param wait the longest wall time to wait
   * @return the request, ended unless the wait ran out
   * @throws InterruptedException when interrupted while waiting
   * @throws io.github.cortexj.core.job.AsyncRequestNotFoundException when the API holds no such request
   */
  public AsyncResult awaitAsync(String apiName, String requestId, Duration wait) throws InterruptedException {
    requireKind(apiName, ApiKind.ASYNC_API);
    return asyncRuntime.await(apiName, requestId, wait);
  }

  @Override
  public TaskJobSpec submitTask(String apiName, TaskSubmission submission) {
    requireOpen("submitTask", apiName);
    requireKind(apiName, ApiKind.TASK_API);
    return tasks.submit(apiName, submission);
  }

  @Override
  public TaskJobStatus getTaskJob(String apiName, String jobId) {
    requireKind(apiName, ApiKind.TASK_API);
    return tasks.getJob(apiName, jobId);
  }

  @Override
  public List<TaskJobStatus> listTaskJobs(String apiName) {
    requireKind(apiName, ApiKind.TASK_API);
    return tasks.listJobs(apiName);
  }

  /**
   * Waits until a task of this cluster has ended: a convenience for programs and tests that have nothing else to
   * do meanwhile.
   *
   * @param apiName the TaskAPI
   * @param jobId the job id
   * @param wait the longest wall time to wait
   * @return the task's status, terminal unless the wait ran out
   * @throws InterruptedException when interrupted while waiting
   */
  public TaskJobStatus awaitTask(String apiName, String jobId, Duration wait) throws InterruptedException {
    requireKind(apiName, ApiKind.TASK_API);
    tasks.awaitJob(apiName, jobId, wait);
    return tasks.getJob(apiName, jobId);
  }

  /**
   * Waits until a job of this cluster has ended: a convenience for programs and tests that have nothing else to
   * do meanwhile.
   *
   * @param apiName the BatchAPI
   * @param jobId the job id
   * @param wait the longest wall time to wait
   * @return the job's status, terminal unless the wait ran out
   * @throws InterruptedException when interrupted while waiting
   */
  public BatchJobStatus awaitJob(String apiName, String jobId, Duration wait) throws InterruptedException {
    requireKind(apiName, ApiKind.BATCH_API);
    runtime.awaitJob(apiName, jobId, wait);
    return runtime.getJob(apiName, jobId);
  }

  /**
   * Returns the earliest clock instant at which the cluster will act on its own (a job or batch timeout), for
   * tests that drive the cluster with a manual clock and skip to the next moment something can happen.
   *
   * @return the earliest pending deadline, or empty when none is pending
   */
  public Optional<Instant> nextTimerDeadline() {
    return runtime.nextTimerDeadline();
  }

  /**
   * Renews visibilities and enforces timeouts against the clock's current time now, as the cluster's ticker does
   * periodically: a test that has just moved a manual clock calls it so the cluster acts on the new time at once.
   */
  public void runTimers() {
    runtime.runTimers();
  }

  /**
   * Lets the async requests in flight finish (up to 30 seconds; queued ones stay queued), stops the jobs and tasks
   * in progress, waits up to 10 seconds for their threads, and releases the threads the client created. Closing
   * again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Every part is closed and every owned thread stopped even when one part fails (a backend closed first, or
    // down at shutdown); the first failure is thrown at the end, with the others suppressed.
    RuntimeException failure = null;
    for (AutoCloseable part : new AutoCloseable[] {asyncRuntime, tasks, runtime}) {
      try {
        part.close();
      } catch (Exception e) {
        RuntimeException unchecked = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        if (failure == null) {
          failure = unchecked;
        } else {
          failure.addSuppressed(unchecked);
        }
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      for (ExecutorService executor : new ExecutorService[] {ownedExecutor, ownedReplicaExecutor}) {
        if (executor != null) {
          executor.shutdownNow();
          executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
      }
      for (OwnedThreads threads : ownedThreads) {
        threads.join(deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "EmbeddedCortexClient[" + DESCRIPTION + "]";
  }

  /** Builds an {@link EmbeddedCortexClient}. Every option has a default. Not thread safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private @Nullable ExecutorService executor;
    private int workerThreads = 16;
    private @Nullable QueueBackend queues;
    private @Nullable ObjectStore store;
    private MetricsClient metrics = MetricsClient.noop();
    private String clusterName = "embedded";
    private ObjectMapper mapper = new ObjectMapper();
    private Duration completionRecheckDelay = Duration.ofMillis(200);
    private Duration pollWait = Duration.ofMillis(200);
    private Duration asyncRetention = Duration.ofDays(7);

    private Builder() {}

    /**
     * Sets the clock timeouts and visibilities are measured on (default: the system UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the executor batch workers, enqueuers and async replicas run on (default: a pool of
     * {@link #workerThreads(int)} daemon threads for batch, and a growing pool for async replicas, both owned by
     * the client). An executor given here must have a thread for every async replica as well, and is not shut
     * down by {@link #close()}.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets how many threads the client's own pool has (default 16): a job occupies one per worker while it
     * runs, and its enqueuer one while it enqueues.
     *
     * @param workerThreads at least 1
     * @return this builder
     */
    public Builder workerThreads(int workerThreads) {
      if (workerThreads < 1) {
        throw new IllegalArgumentException("workerThreads must be at least 1 (got " + workerThreads + ")");
      }
      this.workerThreads = workerThreads;
      return this;
    }

    /**
     * Sets the queue backend (default: in memory, on the client's clock).
     *
     * @param queues the backend
     * @return this builder
     */
    public Builder queueBackend(QueueBackend queues) {
      this.queues = Objects.requireNonNull(queues, "queues");
      return this;
    }

    /**
     * Sets the object store (default: in memory, bucket {@code cortex}, on the client's clock).
     *
     * @param store the store
     * @return this builder
     */
    public Builder objectStore(ObjectStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the cluster's metrics client (default: drops everything).
     *
     * @param metrics the client
     * @return this builder
     */
    public Builder metrics(MetricsClient metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Sets the cluster name, from which queue names are derived (default {@code embedded}).
     *
     * @param clusterName the name
     * @return this builder
     */
    public Builder clusterName(String clusterName) {
      this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
      return this;
    }

    /**
     * Sets the mapper JSON is read, written and bound with (default: a plain one).
     *
     * @param mapper the mapper
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Sets how long (clock time) a job's completion check waits before looking again while batches are still
     * running (default 200 ms).
     *
     * @param delay the delay, not negative
     * @return this builder
     */
    public Builder completionRecheckDelay(Duration delay) {
      if (Objects.requireNonNull(delay, "delay").isNegative()) {
        throw new IllegalArgumentException("completionRecheckDelay must not be negative (got " + delay + ")");
      }
      this.completionRecheckDelay = delay;
      return this;
    }

    /**
     * Sets how long (wall time) a worker's receive waits for a batch before it looks at its job's completion
     * (default 200 ms); tests that drive a manual clock make it short, so that a worker never sits in a wall-time
     * wait while the clock is being moved.
     *
     * @param pollWait between 0 and 20 seconds
     * @return this builder
     */
    public Builder pollWait(Duration pollWait) {
      this.pollWait = QueueRuntimeBuilder.checkPollWait(pollWait);
      return this;
    }

    /**
     * Sets how long ended async requests are kept, counted from their end (default 7 days).
     *
     * @param retention the retention, positive
     * @return this builder
     */
    public Builder asyncRetention(Duration retention) {
      if (Objects.requireNonNull(retention, "retention").isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("asyncRetention must be positive (got " + retention + ")");
      }
      this.asyncRetention = retention;
      return this;
    }

    /**
     * Builds the client and starts the cluster.
     *
     * @return the client
     */
    public EmbeddedCortexClient build() {
      return new EmbeddedCortexClient(this);
    }
  }
}
