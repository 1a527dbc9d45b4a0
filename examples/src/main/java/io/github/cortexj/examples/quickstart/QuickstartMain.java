package io.github.cortexj.examples.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.DeployResult;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The quickstart: deploys the three APIs of {@code examples/quickstart/cortex.yaml} on an embedded cluster; submits a
 * job of 3,000 product reviews in batches of 50 to 4 workers to the BatchAPI, prints progress while it runs, then
 * the final status and the summary {@code onJobComplete} wrote; submits a few single reviews to the AsyncAPI and
 * prints their results; then runs the {@code review-pipeline} task, which validates a data file of the project and
 * submits it to the same BatchAPI. Exits 0 when the job, every async request and the task succeeded.
 *
 * <pre>
 * mvn -B -q -DskipTests -Dmaven.javadoc.skip -pl examples -am package &amp;&amp; java -jar examples/target/quickstart.jar
 * </pre>
 */
public final class QuickstartMain {

  static final int REVIEWS = 3000;
  static final int BATCH_SIZE = 50;
  static final int WORKERS = 4;
  static final List<String> ASYNC_REVIEWS =
      List.of(
          "{\"product\": \"kettle\", \"text\": \"Great kettle, fast and sturdy. I recommend it!\"}",
          "{\"product\": \"headphones\", \"text\": \"Flimsy and noisy; returned them.\"}",
          "{\"product\": \"lamp\", \"text\": \"It is a lamp.\"}");

  private QuickstartMain() {}

  /**
   * Runs the quickstart and exits with its status.
   *
   * @param args optionally the path of the quickstart's cortex.yaml
   * @throws Exception when the quickstart cannot run
   */
  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
    Path config = findConfig(args);
    Path outputDir = Files.createTempDirectory("cortex-quickstart-");
    try (EmbeddedCortexClient cortex = EmbeddedCortexClient.builder().workerThreads(WORKERS + 1).build()) {
      for (DeployResult result : cortex.createApi(config)) {
        out.println(result.message());
      }
      JobSubmission submission =
          JobSubmission.items(ReviewGenerator.reviews(REVIEWS))
              .batchSize(BATCH_SIZE)
              .workers(WORKERS)
              .config(Map.of("output_dir", outputDir.toString()))
              .timeout(Duration.ofMinutes(5))
              .build();
      long submitted = System.nanoTime();
      JobSpec job = cortex.submitJob("reviews", submission);
      out.println("submitted job " + job.jobId() + ": " + REVIEWS + " reviews, batch size " + BATCH_SIZE + ", "
          + WORKERS + " workers");

      BatchJobStatus status = cortex.getJob("reviews", job.jobId());
      String last = "";
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (!status.status().isTerminal() && System.nanoTime() < deadline) {
        String progress = progress(status);
        if (!progress.equals(last)) {
          out.println(progress);
          last = progress;
        }
        status = cortex.awaitJob("reviews", job.jobId(), Duration.ofMillis(100));
      }
      out.println(progress(status));
      out.println("job " + job.jobId() + " " + status.status().code() + " in "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitted) + " ms");
      Path summary = outputDir.resolve("summary.json");
      if (Files.exists(summary)) {
        JsonNode result = new ObjectMapper().readTree(summary.toFile());
        out.println("onJobComplete summary: " + result);
      }
      boolean asyncCompleted = scoreSingleReviews(cortex, out);
      boolean pipelineOk = runReviewPipeline(cortex, outputDir.resolve("pipeline"), out);
      return status.status() == JobStatus.SUCCEEDED && Files.exists(summary) && asyncCompleted && pipelineOk ? 0 : 1;
    } finally {
      deleteRecursively(outputDir);
    }
  }

  /** Submits a few reviews to the AsyncAPI, then prints each result; returns whether all completed. */
  private static boolean scoreSingleReviews(EmbeddedCortexClient cortex, PrintStream out)
      throws InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < ASYNC_REVIEWS.size(); i++) {
      byte[] review = ASYNC_REVIEWS.get(i).getBytes(StandardCharsets.UTF_8);
      ids.add(cortex.submitAsync("review-scorer", review, "application/json", "review-" + (i + 1)));
    }
    out.println("submitted " + ids.size() + " requests to review-scorer");
    boolean allCompleted = true;
    for (String id : ids) {
      AsyncResult result = cortex.awaitAsync("review-scorer", id, Duration.ofSeconds(30));
      out.println("  " + id + " " + result.status().code() + ": "
          + (result.result() != null ? result.result() : result.error()));
      allCompleted &= result.status() == AsyncStatus.COMPLETED;
    }
    return allCompleted;
  }

  /**
   * Runs the {@code review-pipeline} task and waits for it and for the batch job it submits; prints one line for
   * each.
   */
  static boolean runReviewPipeline(EmbeddedCortexClient cortex, Path outputDir, PrintStream out)
      throws InterruptedException {
    TaskJobSpec task =
        cortex.submitTask(
            "review-pipeline",
            TaskSubmission.builder().config(Map.of("output_dir", outputDir.toString())).timeout(300).build());
    TaskJobStatus taskStatus = cortex.awaitTask("review-pipeline", task.jobId(), Duration.ofMinutes(1));
    out.println("task " + task.jobId() + " (review-pipeline) " + taskStatus.status().code()
        + (taskStatus.error() == null ? "" : ": " + taskStatus.error().message()));
    if (taskStatus.status() != JobStatus.SUCCEEDED) {
      return false;
    }
    String jobId = cortex.listJobs("reviews").get(0).jobId();
    BatchJobStatus job = cortex.awaitJob("reviews", jobId, Duration.ofMinutes(1));
    out.println("  its job " + jobId + " " + job.status().code() + ": " + job.batchMetrics().succeeded()
        + " batches of sample-reviews.json scored");
    return job.status() == JobStatus.SUCCEEDED;
  }

  private static String progress(BatchJobStatus status) {
    long total = status.jobSpec().totalBatchCount();
    long done = status.batchMetrics().succeeded() + status.batchMetrics().failed();
    return "  " + status.status().code() + ": " + done + "/" + (total == 0 ? "?" : String.valueOf(total))
        + " batches done (" + status.batchMetrics().failed() + " failed)";
  }

  private static Path findConfig(String[] args) {
    List<Path> candidates =
        args.length > 0
            ? List.of(Path.of(args[0]))
            : List.of(Path.of("examples/quickstart/cortex.yaml"), Path.of("quickstart/cortex.yaml"));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "cannot find the quickstart's cortex.yaml (looked at " + candidates + "); run from the repository root");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
