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
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the time of {@link BatchRuntimeBenchmark}'s job goes: runs the same 1,000,000-item job (batch size 100, 2
 * workers, a counting handler) again and again in one JVM and prints, for each of the last five, the wall time of
 * building the submission (the items' encoding), of {@code submitJob}, until the first batch reaches the handler,
 * and of the run, with the process CPU each job took; then the same for the benchmark's own baseline method. A profiler
 * attached during the runs sees nothing but these jobs. The process CPU reading is coarse (10 ms on Linux), so
 * compare averages of many jobs, and both variants in the same minutes.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar io.github.cortexj.benchmarks.batch.BatchJobPhases [JOBS] [embedded]
 * </pre>
 *
 * <p>{@code JOBS} defaults to 60; {@code embedded} skips the baseline, for profiling the embedded runtime alone.
 */
public final class BatchJobPhases {

  private static final String API = "noop";
  private static final int PRINTED = 5;

  private BatchJobPhases() {}

  /**
   * Runs the jobs and prints their phases.
   *
   * @param args optional: the number of jobs of each kind, then {@code embedded} to skip the baseline
   * @throws Exception when a job fails
   */
  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    boolean baselineToo = args.length < 2 || !args[1].equals("embedded");
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> items = SmallItems.ids(mapper, BatchRuntimeBenchmark.ITEMS);
    LongAdder handled = new LongAdder();
    AtomicLong firstBatch = new AtomicLong();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (EmbeddedCortexClient cortex =
        EmbeddedCortexClient.builder()
            .workerThreads(BatchRuntimeBenchmark.WORKERS + 1)
            .objectMapper(mapper)
            .build()) {
      cortex.createApi(
          ApiSpec.batch(API).handlerClass("unused.NoOpHandler").build(),
          Handlers.batch(
              init ->
                  (batch, context) -> {
                    firstBatch.compareAndSet(0, System.nanoTime());
                    handled.add(batch.size());
                  }));
      for (int job = 0; job < jobs; job++) {
        handled.reset();
        firstBatch.set(0);
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        JobSubmission submission =
            JobSubmission.items(items)
                .batchSize(BatchRuntimeBenchmark.BATCH_SIZE)
                .workers(BatchRuntimeBenchmark.WORKERS)
                .build();
        long built = System.nanoTime();
        JobSpec spec = cortex.submitJob(API, submission);
        long submitted = System.nanoTime();
        BatchJobStatus status = cortex.awaitJob(API, spec.jobId(), Duration.ofMinutes(5));
        long ended = System.nanoTime();
        if (status.status() != JobStatus.SUCCEEDED || handled.sum() != BatchRuntimeBenchmark.ITEMS) {
          throw new IllegalStateException("job " + spec.jobId() + " ended " + status.status().code());
        }
        if (job >= jobs - PRINTED) {
          System.out.printf(
              Locale.ROOT,
              "embedded: build %.1f ms, submitJob %.1f ms, first batch at %.1f ms, run %.1f ms, total %.1f ms,"
                  + " CPU %.0f ms%n",
              millis(built - start),
              millis(submitted - built),
              millis(firstBatch.get() - start),
              millis(ended - submitted),
              millis(ended - start),
              millis(os.getProcessCpuTime() - cpu));
        }
      }
    }
    if (baselineToo) {
      baseline(jobs, os);
    }
  }

  /** Runs the benchmark's own baseline method, timing each call. */
  private static void baseline(int jobs, com.sun.management.OperatingSystemMXBean os) throws Exception {
    BatchRuntimeBenchmark benchmark = new BatchRuntimeBenchmark();
    benchmark.setUp();
    try {
      for (int job = 0; job < jobs; job++) {
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        benchmark.baseline();
        long ended = System.nanoTime();
        if (job >= jobs - PRINTED) {
          System.out.printf(
              Locale.ROOT,
              "baseline: total %.1f ms, CPU %.0f ms%n",
              millis(ended - start),
              millis(os.getProcessCpuTime() - cpu));
        }
      }
    } finally {
      benchmark.tearDown();
    }
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
