package io.github.cortexj.benchmarks.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Overhead of the embedded batch runtime: 1,000,000 items of the form {@code {"id":n}} in batches of 100 to 2
 * workers with a handler that only counts them, against a baseline doing the irreducible work of the same job
 * (each batch JSON-encoded with Jackson, handed through an {@link ArrayBlockingQueue} to 2 threads, decoded with
 * Jackson). One operation is one item, so both scores are items per second and their ratio is the runtime's
 * share of the baseline's throughput.
 *
 * <p>The runtime's job goes through everything a job does on the in-memory backends: validation, the stored
 * payload and status markers, the enqueuer (the workers start while it enqueues), receive, visibility and delete
 * per batch, and the completion check. Its first jobs run on cold code and take
 * several seconds each, hence the one long warm-up iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 30)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class BatchRuntimeBenchmark {

  /** Items per job. */
  static final int ITEMS = 1_000_000;

  /** Items per batch. */
  static final int BATCH_SIZE = 100;

  /** Workers of the job, and consumer threads of the baseline. */
  static final int WORKERS = 2;

  private static final String API = "noop";
  private static final String END = "";

  private final ObjectMapper mapper = new ObjectMapper();
  private final LongAdder handled = new LongAdder();
  private List<JsonNode> items = List.of();

  // Set by setUp, which JMH runs before any benchmark method.
  @SuppressWarnings("NullAway.Init")
  private EmbeddedCortexClient cortex;

  @SuppressWarnings("NullAway.Init")
  private ExecutorService consumers;

  /** Builds the items once, starts the cluster with its no-op BatchAPI and the baseline's consumer threads. */
  @Setup
  public void setUp() {
    items = SmallItems.ids(mapper, ITEMS);
    // One thread for the enqueuer, one per worker.
    cortex = EmbeddedCortexClient.builder().workerThreads(WORKERS + 1).objectMapper(mapper).build();
    cortex.createApi(
        ApiSpec.batch(API).handlerClass("unused.NoOpHandler").build(),
        Handlers.batch(init -> (batch, context) -> handled.add(batch.size())));
    consumers = Executors.newFixedThreadPool(WORKERS);
  }

  /** Stops the cluster and the baseline's threads. */
  @TearDown
  public void tearDown() {
    cortex.close();
    consumers.shutdownNow();
  }

  /**
   * Submits the 1,000,000-item job to the embedded cluster and waits until it has succeeded.
   *
   * @return the final status, so that nothing is optimised away
   * @throws InterruptedException when interrupted while waiting
   */
  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public BatchJobStatus embeddedRuntime() throws InterruptedException {
    handled.reset();
    JobSpec job =
        cortex.submitJob(API, JobSubmission.items(items).batchSize(BATCH_SIZE).workers(WORKERS).build());
    BatchJobStatus status = cortex.awaitJob(API, job.jobId(), Duration.ofMinutes(10));
    if (status.status() != JobStatus.SUCCEEDED || handled.sum() != ITEMS) {
      throw new IllegalStateException(
          "job " + job.jobId() + " ended " + status.status().code() + " after " + handled.sum() + " items");
    }
    return status;
  }

  /**
   * The irreducible work of the same job: encodes each batch of 100 with Jackson, passes the strings through a
   * bounded queue to 2 threads that decode them with Jackson, and waits for both.
   *
   * @return the number of items decoded
   * @throws Exception when a step fails
   */
  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public long baseline() throws Exception {
    BlockingQueue<String> queue = new ArrayBlockingQueue<>(1024);
    List<Future<Long>> results = new ArrayList<>(WORKERS);
    for (int i = 0; i < WORKERS; i++) {
      results.add(consumers.submit(() -> decodeUntilEnd(queue)));
    }
    for (int from = 0; from < items.size(); from += BATCH_SIZE) {
      queue.put(mapper.writeValueAsString(items.subList(from, Math.min(items.size(), from + BATCH_SIZE))));
    }
    for (int i = 0; i < WORKERS; i++) {
      queue.put(END);
    }
    long decoded = 0;
    for (Future<Long> result : results) {
      decoded += result.get();
    }
    if (decoded != ITEMS) {
      throw new IllegalStateException("the baseline decoded " + decoded + " items");
    }
    return decoded;
  }

  private long decodeUntilEnd(BlockingQueue<String> queue) throws Exception {
    long decoded = 0;
    while (true) {
      String body = queue.take();
      if (body.isEmpty()) {
        return decoded;
      }
      decoded += mapper.readTree(body).size();
    }
  }
}
