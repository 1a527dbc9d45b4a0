package io.github.cortexj.testkit;

import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.job.ApiInfo;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.AsyncRequestNotFoundException;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.DeployResult;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.testkit.internal.ClusterClient;
import io.github.cortexj.testkit.internal.ClusterEvents;
import io.github.cortexj.testkit.internal.FaultPlan;
import io.github.cortexj.testkit.internal.HangingBatchHandler;
import io.github.cortexj.testkit.internal.InstrumentedObjectStore;
import io.github.cortexj.testkit.internal.InstrumentedQueueBackend;
import io.github.cortexj.testkit.internal.TimelineWriter;
import io.github.cortexj.testkit.internal.VirtualTime;
import io.github.cortexj.testkit.internal.WorkerThreads;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A whole Cortex cluster inside a test: an {@link EmbeddedCortexClient} on in-memory queues and storage (or any
 * backend pair), driven by a {@link ManualClock} that skips ahead whenever nothing can happen until a deadline,
 * so that a job with a one-hour timeout, a retry after a 30-minute visibility timeout or a week of retention
 * takes a second of wall time. {@link #client()} is the same {@link CortexClient} production code receives.
 *
 * <pre>{@code
 * class ReviewJobTest {
 *
 *   @Test
 *   void retriesAFailedBatchAfterItsBackoffAndSummarisesOnce() {
 *     try (CortexTestCluster cluster = CortexTestCluster.newInstance()) {
 *       AtomicInteger summaries = new AtomicInteger();
 *       AtomicBoolean failedOnce = new AtomicBoolean();
 *       cluster.deploy(ApiSpec.batch("reviews").handlerClass("unused").build(), Handlers.batch(init ->
 *           new BatchHandler() {
 *             public void handleBatch(List<JsonNode> batch, BatchContext context) {
 *               if (context.attempt() == 1 && failedOnce.compareAndSet(false, true)) {
 *                 throw new IllegalStateException("flaky downstream");
 *               }
 *             }
 *             public void onJobComplete(JobSummary summary) {
 *               summaries.incrementAndGet();
 *             }
 *           }));
 *
 *       JobSpec job = cluster.client().submitJob("reviews", JobSubmission.items(List.of(1, 2, 3, 4, 5, 6))
 *           .batchSize(2).workers(2).retry(2, Duration.ofMinutes(30)).build());
 *       BatchJobStatus status = cluster.awaitJob("reviews", job.jobId()); // 30 minutes pass in milliseconds
 *
 *       CortexAssertions.assertThat(status)
 *           .succeeded()
 *           .hasBatchStatistics(stats -> stats.total(3).succeeded(3).failed(0).failedAttempts(1));
 *       assertThat(summaries).hasValue(1);
 *       assertThat(cluster.clock().instant()).isAfter(ManualClock.DEFAULT_START.plus(Duration.ofMinutes(30)));
 *       assertThat(cluster.metrics().sum("cortex_batch_succeeded")).isEqualTo(3);
 *     }
 *   }
 * }
 * }</pre>
 *
 * <h2>Virtual time</h2>
 *
 * <p>The {@code await} methods poll until their condition holds. Meanwhile the cluster watches itself: when no
 * backend call has changed anything for the {@linkplain TestClusterOptions#quietPeriod() quiet period}, every
 * worker thread is waiting (handler code that computes holds the clock still, code that blocks does not) and no
 * visible message waits in a queue being polled, the clock jumps to the next deadline the cluster knows: a
 * visibility timeout of the in-memory queues (first to just before it, so a batch still being handled is
 * renewed as in real time), or a job or batch timeout; with none known, by a step that starts at one second and
 * doubles. {@link #advance(Duration)} moves the clock by hand. Each await fails after
 * {@linkplain TestClusterOptions#awaitTimeout() a wall-time limit} with an {@link AwaitTimeoutError} that carries
 * the {@link #timeline()}. With other backends than the in-memory queues (SQS, ElasticMQ), whose visibility
 * timeouts run on wall time, time skipping is off and the clock follows wall time.
 *
 * <h2>Isolation</h2>
 *
 * <p>Nothing is static: each instance has its own backends, clock, threads and metrics, so tests may run in
 * parallel. {@link #close()} stops the jobs in progress and the worker threads. Thread safe.
 */
public final class CortexTestCluster implements AutoCloseable {

  private final TestClusterOptions options;
  private final ManualClock clock;
  private final RecordingMetricsClient metrics = new RecordingMetricsClient();
  private final ClusterEvents events;
  private final FaultPlan faultPlan;
  private final Faults faults;
  private final ExecutorService executor;
  private final EmbeddedCortexClient embedded;
  private final ClusterClient client;
  private final VirtualTime time;
  private final TimelineWriter timeline;

  private CortexTestCluster(TestClusterOptions options) {
    this.options = options;
    this.clock = new ManualClock(options.startInstant());
    this.events = new ClusterEvents(clock);
    this.faultPlan = new FaultPlan(events);
    this.faults = new Faults(faultPlan);
    QueueBackend rawQueues = options.queueBackend();
    ObjectStore rawStore = options.objectStore();
    InMemoryQueueBackend memoryQueues = null;
    if (rawQueues == null || rawStore == null) {
      memoryQueues = new InMemoryQueueBackend(clock);
      rawQueues = memoryQueues;
      rawStore = new InMemoryObjectStore("cortex", clock);
    } else if (rawQueues instanceof InMemoryQueueBackend given) {
      memoryQueues = given;
    }
    InstrumentedQueueBackend queues = new InstrumentedQueueBackend(rawQueues, events, faultPlan, clock);
    ObjectStore store = new InstrumentedObjectStore(rawStore, events, faultPlan);
    WorkerThreads threads = new WorkerThreads("cortex-test-worker-");
    this.executor = Executors.newFixedThreadPool(options.workerThreads(), threads);
    this.embedded =
        EmbeddedCortexClient.builder()
            .clock(clock)
            .executor(executor)
            .queueBackend(queues)
            .objectStore(store)
            .metrics(metrics)
            .clusterName(options.clusterName())
            .pollWait(Duration.ofMillis(5))
            .build();
    Boolean skipping = options.timeSkipping();
    this.time =
        new VirtualTime(
            clock,
            events,
            threads,
            memoryQueues,
            queues,
            embedded,
            skipping == null ? memoryQueues != null : skipping,
            options.quietPeriod(),
            options.maxIdleStep());
    this.client = new ClusterClient(embedded, events, options.synchronous() ? new Awaiter() : null);
    this.timeline = new TimelineWriter(embedded, client, events, faultPlan, clock);
  }

  /**
   * Starts a cluster with the {@linkplain TestClusterOptions#getDefaultInstance() default options}: in memory,
   * virtual time, asynchronous submissions.
   *
   * @return the cluster; close it after the test
   */
  public static CortexTestCluster newInstance() {
    return newInstance(TestClusterOptions.getDefaultInstance());
  }

  /**
   * Starts a cluster.
   *
   * @param options how to build it
   * @return the cluster; close it after the test
   */
  public static CortexTestCluster newInstance(TestClusterOptions options) {
    return new CortexTestCluster(Objects.requireNonNull(options, "options"));
  }

  /**
   * Returns the client to deploy APIs and submit work with: the {@link CortexClient} production code uses, which
   * in {@linkplain TestClusterOptions#synchronous() synchronous mode} returns from a submission only once the
   * work has ended.
   *
   * @return the client
   */
  public CortexClient client() {
    return client;
  }

  /**
   * Returns the cluster's clock: every timeout, visibility, job id and timestamp is measured on it.
   *
   * @return the clock
   */
  public ManualClock clock() {
    return clock;
  }

  /**
   * Returns the metrics client the cluster and its handlers record to.
   *
   * @return the metrics
   */
  public RecordingMetricsClient metrics() {
    return metrics;
  }

  /**
   * Returns the fault planner of this cluster.
   *
   * @return the faults
   */
  public Faults faults() {
    return faults;
  }

  /**
   * Returns the options the cluster was built with.
   *
   * @return the options
   */
  public TestClusterOptions options() {
    return options;
  }

  /**
   * Deploys every API of a cortex.yaml project, with its project files.
   *
   * @param cortexYaml the cortex.yaml file
   * @return one result per API
   */
  public List<DeployResult> deploy(Path cortexYaml) {
    return client.createApi(cortexYaml);
  }

  /**
   * Deploys an API whose handler class is built by constructor injection, as the runtime builds it. A BatchAPI's
   * handler is wrapped so that {@link Faults#hangBatch(int)} applies to it.
   *
   * @param spec the API's spec
   * @param handlerClass the handler class
   * @return the result
   * @throws io.github.cortexj.core.HandlerDefinitionException when the class cannot be a handler of the kind
   */
  public DeployResult deploy(ApiSpec spec, Class<?> handlerClass) {
    if (spec.kind() == ApiKind.BATCH_API) {
      HandlerFactory<BatchHandler> factory = Handlers.batch(handlerClass);
      return client.createApi(spec, init -> new HangingBatchHandler(factory.create(init), faultPlan));
    }
    return client.createApi(spec, handlerClass);
  }

  /**
   * Deploys an API whose handler a factory builds. A BatchAPI's handler is wrapped so that
   * {@link Faults#hangBatch(int)} applies to it.
   *
   * @param spec the API's spec
   * @param factory builds the handler
   * @return the result
   */
  public DeployResult deploy(ApiSpec spec, HandlerFactory<?> factory) {
    if (spec.kind() == ApiKind.BATCH_API) {
      HandlerFactory<BatchHandler> batch = Handlers.batch(init -> (BatchHandler) factory.create(init));
      return client.createApi(spec, init -> new HangingBatchHandler(batch.create(init), faultPlan));
    }
    return client.createApi(spec, factory);
  }

  /**
   * Moves the clock forward by hand and lets the cluster act on the new time at once (renewals, timeouts,
   * messages becoming visible).
   *
   * @param duration how far
   * @return the new instant
   */
  public Instant advance(Duration duration) {
    return time.advance(Objects.requireNonNull(duration, "duration"));
  }

  /**
   * Runs the cluster, skipping time when it is idle, until a batch job has ended.
   *
   * @param apiName the BatchAPI
   * @param jobId the job
   * @return its terminal status
   * @throws AwaitTimeoutError when it does not end within the wall-time limit
   */
  public BatchJobStatus awaitJob(String apiName, String jobId) {
    return await(
        "job " + jobId + " of " + apiName + " to end",
        () -> {
          BatchJobStatus status = embedded.getJob(apiName, jobId);
          return status.status().isTerminal() ? status : null;
        });
  }

  /**
   * Runs the cluster, skipping time when it is idle, until an async request has completed or failed.
   *
   * @param apiName the AsyncAPI
   * @param requestId the request
   * @return its result
   * @throws AwaitTimeoutError when it does not end within the wall-time limit
   */
  public AsyncResult awaitAsync(String apiName, String requestId) {
    return await(
        "async request " + requestId + " of " + apiName + " to complete or fail",
        () -> {
          AsyncResult result = embedded.getAsync(apiName, requestId);
          return result.status().isTerminal() ? result : null;
        });
  }

  /**
   * Runs the cluster, skipping time when it is idle, until a task job has ended.
   *
   * @param apiName the TaskAPI
   * @param jobId the job
   * @return its terminal status
   * @throws AwaitTimeoutError when it does not end within the wall-time limit
   */
  public TaskJobStatus awaitTask(String apiName, String jobId) {
    return await(
        "task " + jobId + " of " + apiName + " to end",
        () -> {
          TaskJobStatus status = embedded.getTaskJob(apiName, jobId);
          return status.status().isTerminal() ? status : null;
        });
  }

  /**
   * Runs the cluster, skipping time when it is idle, until every batch and task job of every API has ended, every
   * async request submitted through {@link #client()} has completed or failed, and nothing moves any more.
   *
   * @throws AwaitTimeoutError when that does not happen within the wall-time limit
   */
  public void awaitIdle() {
    await("every job and request to end", () -> allEnded() && time.awaitQuiet(Duration.ofMillis(500)) ? "" : null);
  }

  private boolean allEnded() {
    for (ApiInfo api : embedded.listApis()) {
      String name = api.name();
      switch (api.spec().kind()) {
        case BATCH_API -> {
          for (BatchJobStatus job : embedded.listJobs(name)) {
            if (!job.status().isTerminal()) {
              return false;
            }
          }
        }
        case TASK_API -> {
          try {
            for (TaskJobStatus task : embedded.listTaskJobs(name)) {
              if (!task.status().isTerminal()) {
                return false;
              }
            }
          } catch (CortexException unsupported) {
            // a cluster without a task runtime has no task jobs
          }
        }
        case ASYNC_API -> {
          for (String id : client.asyncRequests().getOrDefault(name, List.of())) {
            try {
              if (!embedded.getAsync(name, id).status().isTerminal()) {
                return false;
              }
            } catch (AsyncRequestNotFoundException cancelledOrExpired) {
              // nothing left to wait for
            }
          }
        }
      }
    }
    return true;
  }

  /**
   * Runs the cluster until a batch job has ended, then starts assertions on its status whose failure messages
   * end with this cluster's timeline.
   *
   * @param apiName the BatchAPI
   * @param jobId the job
   * @return the assertion
   */
  public BatchJobStatusAssert assertThatJob(String apiName, String jobId) {
    return CortexAssertions.assertThat(awaitJob(apiName, jobId)).withDiagnostics(this::timeline);
  }

  /**
   * Runs the cluster until an async request has ended, then starts assertions on its result whose failure
   * messages end with this cluster's timeline.
   *
   * @param apiName the AsyncAPI
   * @param requestId the request
   * @return the assertion
   */
  public AsyncResultAssert assertThatAsync(String apiName, String requestId) {
    return CortexAssertions.assertThat(awaitAsync(apiName, requestId)).withDiagnostics(this::timeline);
  }

  /**
   * Runs the cluster until a task job has ended, then starts assertions on its status whose failure messages end
   * with this cluster's timeline.
   *
   * @param apiName the TaskAPI
   * @param jobId the job
   * @return the assertion
   */
  public TaskJobStatusAssert assertThatTask(String apiName, String jobId) {
    return CortexAssertions.assertThat(awaitTask(apiName, jobId)).withDiagnostics(this::timeline);
  }

  /**
   * Starts assertions on the cluster's recorded metrics whose failure messages end with its timeline.
   *
   * @return the assertion
   */
  public RecordingMetricsAssert assertThatMetrics() {
    return CortexAssertions.assertThat(metrics).withDiagnostics(this::timeline);
  }

  private <T> T await(String what, Supplier<@Nullable T> condition) {
    return time.await(what, () -> faultPlan.observing(condition::get), options.awaitTimeout(), this::timeline);
  }

  /**
   * Renders what happened in the cluster so far: every API with its jobs (status, batch counts, start and end,
   * failed batches with their errors, each batch's deliveries and attempts), async requests and tasks, the faults
   * that fired, and the event log of backend calls with cluster-time offsets and threads. The JUnit extension
   * prints it when a test fails.
   *
   * @return the timeline, several lines
   */
  public String timeline() {
    return timeline.render();
  }

  /**
   * Lists the events recorded so far as lines of the {@link #timeline()}'s event log, for assertions on the order
   * of what happened.
   *
   * @return the events, oldest first
   */
  public List<String> events() {
    return events.events().stream()
        .map(event -> events.offset(event.at()) + " " + event.source() + ": " + event.text())
        .toList();
  }

  /** Stops the jobs in progress, the worker threads and the clock driver. */
  @Override
  public void close() {
    time.close();
    embedded.close();
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "CortexTestCluster[" + clock.instant() + ", " + (time.skipping() ? "time skipping" : "wall time")
        + (options.synchronous() ? ", synchronous" : "") + "]";
  }

  /** Waits for work submitted in synchronous mode. */
  private final class Awaiter implements ClusterClient.WorkAwaiter {
    @Override
    public void awaitJob(String api, String jobId) {
      CortexTestCluster.this.awaitJob(api, jobId);
    }

    @Override
    public void awaitAsync(String api, String requestId) {
      CortexTestCluster.this.awaitAsync(api, requestId);
    }

    @Override
    public void awaitTask(String api, String jobId) {
      CortexTestCluster.this.awaitTask(api, jobId);
    }
  }
}
