package io.github.cortexj.benchmarks.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Checks that large batch jobs complete in a small heap, and prints the peak heap and elapsed time of each: (a) an
 * {@code item_list} job of 1,000,000 items {@code {"id":n}}, (b) a {@code delimited_files} job over JSON lines
 * written into the cluster's in-memory object store (at least 100 MiB by default, in objects of just under
 * 5 MiB). Both run in batches of 100 on 2 workers with a handler that only counts items. Run it in a fresh JVM with the heap limit under test:
 *
 * <pre>
 * java -Xmx256m -XX:+ExitOnOutOfMemoryError -cp benchmarks/target/benchmarks.jar \
 *     io.github.cortexj.benchmarks.batch.BatchMemoryCheck [all|items|files] [nodes] [items=N] [mib=M]
 * </pre>
 *
 * <p>Exits 0 when every job it ran succeeded and handled every item, 1 otherwise, 2 on a bad argument.
 */
public final class BatchMemoryCheck {

  private static final String API = "count";
  private static final int BATCH_SIZE = 100;
  private static final int WORKERS = 2;
  private static final long MIB = 1024 * 1024;
  /**
   * The size of each input object: just under 5 MiB, so that each array the in-memory store keeps fills five
   * 1 MiB G1 regions (a 256 MiB heap's region size) instead of wasting most of a sixth.
   */
  private static final int OBJECT_BYTES = (int) (5 * MIB - 4096);

  private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

  private final ObjectMapper mapper = new ObjectMapper();
  private final HeapPeaks peaks;
  private final LongAdder handled = new LongAdder();

  private BatchMemoryCheck(HeapPeaks peaks) {
    this.peaks = peaks;
  }

  /**
   * Runs the checks the arguments name and exits with the outcome.
   *
   * @param args {@code all} (default), {@code items} or {@code files}, then optionally {@code nodes} (the caller
   *     holds the items as {@code ObjectNode}s rather than records), {@code items=N} (default 1,000,000) and
   *     {@code mib=M} (default 100)
   * @throws InterruptedException when interrupted while waiting for a job
   */
  public static void main(String[] args) throws InterruptedException {
    String which = "all";
    boolean nodes = false;
    int items = 1_000_000;
    int mib = 100;
    try {
      for (String arg : args) {
        if (arg.startsWith("items=")) {
          items = Integer.parseInt(arg.substring("items=".length()));
        } else if (arg.startsWith("mib=")) {
          mib = Integer.parseInt(arg.substring("mib=".length()));
        } else if (arg.equals("nodes")) {
          nodes = true;
        } else if (List.of("all", "items", "files").contains(arg)) {
          which = arg;
        } else {
          throw new IllegalArgumentException("unknown argument " + arg);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage()
          + "; usage: BatchMemoryCheck [all|items|files] [nodes] [items=N] [mib=M]");
      System.exit(2);
    }
    System.out.printf(Locale.ROOT, "max heap %d MiB, %d processors%n",
        Runtime.getRuntime().maxMemory() / MIB, Runtime.getRuntime().availableProcessors());
    boolean ok = true;
    try (HeapPeaks peaks = new HeapPeaks()) {
      BatchMemoryCheck check = new BatchMemoryCheck(peaks);
      if (!which.equals("files")) {
        ok &= check.itemList(items, nodes);
      }
      if (!which.equals("items")) {
        ok &= check.delimitedFiles(mib);
      }
    }
    System.exit(ok ? 0 : 1);
  }

  /**
   * Runs the item_list job; the items are built after the peaks are reset, as the caller holds them too: as
   * records (default) or, with {@code nodes}, as Jackson {@code ObjectNode}s.
   */
  private boolean itemList(int count, boolean asNodes) throws InterruptedException {
    settle();
    long before = HeapPeaks.usedBytes();
    peaks.reset();
    try (EmbeddedCortexClient cortex = startCluster(EmbeddedCortexClient.builder())) {
      List<?> items = asNodes ? SmallItems.ids(mapper, count) : SmallItems.idRecords(count);
      settle();
      System.out.printf(Locale.ROOT, "item_list input: %d items built as %s; heap in use holding them:"
          + " %.1f MiB%n", count, asNodes ? "JSON nodes" : "records", (HeapPeaks.usedBytes() - before) / (double) MIB);
      long started = System.nanoTime();
      JobSpec job = cortex.submitJob(API, JobSubmission.items(items).batchSize(BATCH_SIZE).workers(WORKERS).build());
      items = List.of();
      return report("item_list " + count + " items", cortex, job, count, started, before);
    }
  }

  /** Writes the JSON lines into the store, then runs the delimited_files job over them. */
  private boolean delimitedFiles(int mib) throws InterruptedException {
    settle();
    InMemoryObjectStore store = new InMemoryObjectStore("cortex");
    long lines = 0;
    long bytes = 0;
    int objects = 0;
    while (bytes < mib * MIB) {
      ByteArrayOutputStream content = new ByteArrayOutputStream(OBJECT_BYTES);
      byte[] line = line(lines);
      while (content.size() + line.length <= OBJECT_BYTES) {
        content.write(line, 0, line.length);
        line = line(++lines);
      }
      bytes += content.size();
      store.put(
          String.format(Locale.ROOT, "input/part-%04d.jsonl", objects++), content.toByteArray(), "application/jsonl");
    }
    settle();
    long before = HeapPeaks.usedBytes();
    System.out.printf(Locale.ROOT, "delimited_files input: %d lines, %.1f MiB in %d objects; heap in use with"
        + " them stored: %.1f MiB%n", lines, bytes / (double) MIB, objects, before / (double) MIB);
    peaks.reset();
    try (EmbeddedCortexClient cortex = startCluster(EmbeddedCortexClient.builder().objectStore(store))) {
      long started = System.nanoTime();
      JobSpec job =
          cortex.submitJob(
              API,
              JobSubmission.delimitedFiles(List.of("s3://cortex/input/"))
                  .batchSize(BATCH_SIZE)
                  .workers(WORKERS)
                  .build());
      return report(
          String.format(Locale.ROOT, "delimited_files %.0f MiB", bytes / (double) MIB),
          cortex, job, lines, started, before);
    }
  }

  /** One JSON line of about 100 bytes. */
  private static byte[] line(long n) {
    return ("{\"id\":" + n + ",\"review\":\"the battery lasts for days and the screen is bright, " + (n % 997)
        + " stars\"}\n").getBytes(StandardCharsets.UTF_8);
  }

  private EmbeddedCortexClient startCluster(EmbeddedCortexClient.Builder builder) {
    handled.reset();
    EmbeddedCortexClient cortex = builder.workerThreads(WORKERS + 1).objectMapper(mapper).build();
    cortex.createApi(
        ApiSpec.batch(API).handlerClass("unused.CountingHandler").build(),
        Handlers.batch(init -> (batch, context) -> handled.add(batch.size())));
    return cortex;
  }

  private boolean report(
      String what, EmbeddedCortexClient cortex, JobSpec job, long expected, long started, long before)
      throws InterruptedException {
    BatchJobStatus status = cortex.awaitJob(API, job.jobId(), LONGEST_WAIT);
    long elapsed = System.nanoTime() - started;
    boolean ok = status.status() == JobStatus.SUCCEEDED && handled.sum() == expected;
    System.out.printf(
        Locale.ROOT,
        "%s: %s, %d items handled, %d batches, %.1f s; heap before %.1f MiB, peak (pools) %.1f MiB,"
            + " peak after GC %.1f MiB%n",
        what,
        status.status().code(),
        handled.sum(),
        status.jobSpec().totalBatchCount(),
        TimeUnit.NANOSECONDS.toMillis(elapsed) / 1000.0,
        before / (double) MIB,
        peaks.poolPeakBytes() / (double) MIB,
        peaks.afterGcPeakBytes() / (double) MIB);
    return ok;
  }

  /** Collects garbage so that "heap before" is what is live. */
  @SuppressWarnings("JavaRuntimeGc") // Deliberate: the measurement starts from a collected heap.
  private static void settle() {
    System.gc();
  }
}
