package io.github.cortexj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.AsyncContext;
import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.PartialBatchFailure;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.TaskContext;
import io.github.cortexj.core.TypedBatchHandler;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.metrics.MetricsClient;
import io.github.cortexj.core.payload.Payload;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.testkit.BatchHandlerHarness;
import io.github.cortexj.testkit.CortexTestCluster;
import io.github.cortexj.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of README.md and docs/*.md, pasted (with the user's own types filled in) and run: each test
 * asserts what the text around its snippet says.
 */
public class DocsSnippetsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path output;

  // ---- README.md: "A batch handler is a class with one public constructor ..." ----

  /** The user's review type. */
  public record Review(String product, String text) {}

  /** The user's config type. */
  public record ScoringConfig(String lexicon, int threshold) {}

  /** What the README's handler records, per job. */
  static final Map<String, List<String>> SCORED = new ConcurrentHashMap<>();

  /** README.md's batch handler, with its lexicon read from the project. */
  public static final class ScoreReviews implements TypedBatchHandler<Review> {
    private final JsonNode lexicon;

    public ScoreReviews(ScoringConfig config, ProjectFiles files) throws IOException {
      this.lexicon = JSON.readTree(files.read(config.lexicon()));
    }

    @Override
    public void handleBatch(List<Review> batch, BatchContext context) {
      for (Review review : batch) {
        SCORED.computeIfAbsent(context.jobId(), id -> new CopyOnWriteArrayList<>()).add(review.product());
      }
    }

    @Override
    public void onJobComplete(JobSummary summary) {
      SCORED.get(summary.jobId()).add("complete " + summary.totalBatchCount() + " " + lexicon.size());
    }
  }

  @Test
  void readmesTypedBatchHandlerBindsItsConfigAndItemsAndCompletesOnce() throws Exception {
    try (CortexTestCluster cluster = CortexTestCluster.newInstance()) {
      Path yaml = Path.of("quickstart/cortex.yaml");
      Path project = Files.createDirectories(output.resolve("project"));
      Files.copy(Path.of("quickstart/lexicon.json"), project.resolve("lexicon.json"));
      Files.writeString(project.resolve("cortex.yaml"),
          Files.readString(yaml).replace(
              "io.github.cortexj.examples.quickstart.ReviewSentimentHandler", ScoreReviews.class.getName()));
      cluster.deploy(project.resolve("cortex.yaml"));

      JobSpec job = cluster.client().submitJob("reviews",
          JobSubmission.items(Fixtures.jsonList("reviews/sample-reviews.json")).batchSize(2).build());

      cluster.assertThatJob("reviews", job.jobId()).succeeded();
      List<String> seen = SCORED.get(job.jobId());
      assertThat(seen.subList(0, 5)).containsExactlyInAnyOrder("kettle", "kettle", "toaster", "toaster", "lamp");
      assertThat(seen.get(5)).startsWith("complete 3 ");
      assertThat(seen).hasSize(6);
    }
  }

  // ---- README.md: async handler and task ----

  /** README.md's async handler. */
  public static final class ScoreOne implements AsyncHandler {
    @Override
    public Object handleAsync(Payload payload, AsyncContext context) {
      JsonNode review = ((Payload.Json) payload).value();
      return Map.of("id", context.requestId(), "length", review.path("text").asText().length());
    }
  }

  /** README.md's task: submits a job of its config's items. */
  public static final class Nightly implements Task {
    @Override
    public void run(Map<String, Object> config, TaskContext context) {
      context.client().submitJob("reviews", JobSubmission.items(load(config)).batchSize(100).build());
    }

    private static List<?> load(Map<String, Object> config) {
      return (List<?>) config.get("items");
    }
  }

  /** Counts the items of each job. */
  public static final class Counter implements BatchHandler {
    static final Map<String, Integer> ITEMS = new ConcurrentHashMap<>();

    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {
      ITEMS.merge(context.jobId(), batch.size(), Integer::sum);
    }
  }

  @Test
  void readmesAsyncHandlerAnswersWithTheRequestIdAndTheTextLength() throws Exception {
    try (CortexTestCluster cluster = CortexTestCluster.newInstance()) {
      cluster.deploy(ApiSpec.async("score-one").handlerClass(ScoreOne.class).build(), ScoreOne.class);

      String id = cluster.client().submitAsync("score-one",
          "{\"text\": \"great kettle\"}".getBytes(StandardCharsets.UTF_8), "application/json");

      cluster.assertThatAsync("score-one", id).isCompleted()
          .hasResult("{\"id\": \"" + id + "\", \"length\": 12}");
    }
  }

  @Test
  void readmesTaskSubmitsAJobThroughItsContextsClient() throws Exception {
    try (CortexTestCluster cluster = CortexTestCluster.newInstance()) {
      cluster.deploy(ApiSpec.batch("reviews").handlerClass(Counter.class).build(), Counter.class);
      cluster.deploy(ApiSpec.task("nightly").handlerClass(Nightly.class).build(), Nightly.class);

      TaskJobSpec task = cluster.client().submitTask("nightly",
          TaskSubmission.builder().config(Map.of("items", IntStream.range(0, 250).boxed().toList())).build());

      cluster.assertThatTask("nightly", task.jobId()).succeeded();
      BatchJobStatus job = cluster.client().listJobs("reviews").get(0);
      cluster.assertThatJob("reviews", job.jobId()).succeeded().hasProcessedBatches(3);
      assertThat(Counter.ITEMS.get(job.jobId())).isEqualTo(250);
    }
  }

  // ---- docs/client.md and docs/batch.md: the embedded client ----

  @Test
  void clientMdsEmbeddedClientRunsTheQuickstartJobToTheEnd() throws Exception {
    List<JsonNode> reviews = Fixtures.jsonList("reviews/sample-reviews.json");
    try (EmbeddedCortexClient cortex = EmbeddedCortexClient.builder().build()) {
      cortex.createApi(Path.of("quickstart/cortex.yaml"));
      JobSpec job = cortex.submitJob("reviews", JobSubmission.items(reviews).batchSize(50).workers(4)
          .config(Map.of("output_dir", output.toString())).build());
      BatchJobStatus status = cortex.awaitJob("reviews", job.jobId(), Duration.ofMinutes(5));

      assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    }
  }

  /** Doubles numbers; batch.md's example of an API built in code. */
  public static final class Doubler implements BatchHandler {
    static final Map<String, Long> SUMS = new ConcurrentHashMap<>();

    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {
      for (JsonNode item : batch) {
        SUMS.merge(context.jobId(), 2 * item.asLong(), Long::sum);
      }
    }
  }

  @Test
  void batchMdsDeployAnswersCortexsMessagesForAFileAndForAnApiBuiltInCode() throws Exception {
    try (EmbeddedCortexClient cortex = EmbeddedCortexClient.builder().workerThreads(8).build()) {
      assertThat(cortex.createApi(Path.of("quickstart/cortex.yaml")))
          .extracting(result -> result.message())
          .containsExactly("created reviews (BatchAPI)", "created review-scorer (AsyncAPI)",
              "created review-pipeline (TaskAPI)");
      ApiSpec doubler = ApiSpec.batch("doubler").handlerClass(Doubler.class).build();
      assertThat(cortex.createApi(doubler, Doubler.class).message()).isEqualTo("created doubler (BatchAPI)");
      assertThat(cortex.createApi(doubler, Doubler.class).message()).isEqualTo("doubler (BatchAPI) is up to date");

      JobSpec job = cortex.submitJob("doubler", JobSubmission.items(List.of(1, 2, 3)).batchSize(2).build());

      assertThat(cortex.awaitJob("doubler", job.jobId(), Duration.ofSeconds(30)).status())
          .isEqualTo(JobStatus.SUCCEEDED);
      assertThat(Doubler.SUMS.get(job.jobId())).isEqualTo(12L);
    }
  }

  @Test
  void batchMdsSubmissionJsonIsReadWithJackson() throws Exception {
    String body = "{\"workers\": 4, \"timeout\": 600, \"config\": {\"output_dir\": \"/tmp/out\"},\n"
        + " \"delimited_files\": {\"s3_paths\": [\"s3://cortex/reviews/\"], \"includes\": [\"**.jsonl\"],"
        + " \"batch_size\": 50}}";

    JobSubmission submission = JSON.readValue(body, JobSubmission.class);

    assertThat(submission.workers()).isEqualTo(4);
    assertThat(submission.timeout()).isEqualTo(600);
    assertThat(submission.batchSize()).isEqualTo(50);
    assertThat(submission.config()).isEqualTo(Map.of("output_dir", "/tmp/out"));
  }

  @Test
  void batchMdsSubmissionBuilderTakesEveryOption() {
    JobSubmission submission = JobSubmission.items(List.of("a", "b"))
        .batchSize(50)
        .workers(4)
        .config(Map.of("output_dir", "/tmp/out"))
        .timeout(Duration.ofMinutes(10))
        .build();

    assertThat(submission.workers()).isEqualTo(4);
    assertThat(submission.timeout()).isEqualTo(600);
  }

  /** handlers.md's partial failure: items whose text is empty fail, the others succeed. */
  public static final class PartlyFailing implements BatchHandler {
    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {
      PartialBatchFailure.Builder failures = PartialBatchFailure.builder();
      for (int i = 0; i < batch.size(); i++) {
        try {
          process(batch.get(i));
        } catch (IOException e) {
          failures.fail(i, e);
        }
      }
      failures.throwIfAny(); // items not named succeeded
    }

    private static void process(JsonNode item) throws IOException {
      if (item.asText().isEmpty()) {
        throw new IOException("empty item");
      }
    }
  }

  @Test
  void handlersMdsPartialFailureKeepsOnlyTheFailedItems() throws Exception {
    try (CortexTestCluster cluster = CortexTestCluster.newInstance()) {
      cluster.deploy(ApiSpec.batch("partly").handlerClass(PartlyFailing.class).build(), PartlyFailing.class);

      JobSpec job = cluster.client().submitJob("partly",
          JobSubmission.items(List.of("a", "", "b", "")).batchSize(4).build());

      cluster.assertThatJob("partly", job.jobId()).hasStatus(JobStatus.COMPLETED_WITH_FAILURES);
      List<FailedBatch> failed = cluster.client().failedBatches("partly", job.jobId());
      assertThat(failed).hasSize(1);
      assertThat(failed.get(0).items()).hasSize(2);
    }
  }

  // ---- docs/client.md: a handler that starts a task from onJobComplete ----

  /** client.md's NotifyingHandler. */
  public static final class NotifyingHandler implements BatchHandler {
    private final CortexClient client;

    public NotifyingHandler(CortexClient client) {
      this.client = client;
    }

    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {}

    @Override
    public void onJobComplete(JobSummary summary) {
      client.submitTask("notify", TaskSubmission.builder().config(Map.of("batch_job", summary.jobId())).build());
    }
  }

  /** Records the config each task run received. */
  public static final class Notify implements Task {
    static final List<Object> NOTIFIED = new CopyOnWriteArrayList<>();

    @Override
    public void run(Map<String, Object> config, TaskContext context) {
      NOTIFIED.add(config.get("batch_job"));
    }
  }

  @Test
  void clientMdsNotifyingHandlerStartsATaskWhenItsJobCompletes() throws Exception {
    try (CortexTestCluster cluster = CortexTestCluster.newInstance()) {
      cluster.deploy(ApiSpec.task("notify").handlerClass(Notify.class).build(), Notify.class);
      cluster.deploy(ApiSpec.batch("notifying").handlerClass(NotifyingHandler.class).build(),
          NotifyingHandler.class);

      JobSpec job = cluster.client().submitJob("notifying", JobSubmission.items(List.of(1)).build());
      cluster.assertThatJob("notifying", job.jobId()).succeeded();
      cluster.awaitIdle();

      assertThat(Notify.NOTIFIED).contains(job.jobId());
      TaskJobStatus task = cluster.client().listTaskJobs("notify").get(0);
      assertThat(task.status()).isEqualTo(JobStatus.SUCCEEDED);
    }
  }

  // ---- docs/task.md ----

  @Test
  void taskMdsSubmissionWaitsForTheTaskWithAwaitTask() throws Exception {
    try (EmbeddedCortexClient cortex = EmbeddedCortexClient.builder().build()) {
      cortex.createApi(ApiSpec.task("trainer").handlerClass(Notify.class).build(), Notify.class);

      TaskJobSpec job = cortex.submitTask("trainer",
          TaskSubmission.builder().config(Map.of("epochs", 3)).timeout(3600).build());
      TaskJobStatus status = cortex.awaitTask("trainer", job.jobId(), Duration.ofMinutes(90));

      assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.timeout()).isEqualTo(3600);
    }
  }

  /** task.md: reads a project file and a .env variable. */
  public static final class ThresholdTask implements Task {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public void run(Map<String, Object> config, TaskContext context) throws IOException {
      JsonNode reviews = new ObjectMapper().readTree(context.projectFiles().read("sample-reviews.json"));
      double threshold = Double.parseDouble(context.env().get("THRESHOLD"));
      SEEN.add(reviews.size() + " " + threshold);
    }
  }

  @Test
  void taskMdsTaskReadsItsProjectFilesAndEnv() throws Exception {
    Path project = Files.createDirectories(output.resolve("review-pipeline"));
    Files.copy(Path.of("quickstart/sample-reviews.json"), project.resolve("sample-reviews.json"));
    Files.writeString(project.resolve(".env"), "THRESHOLD=0.5\n");
    Files.writeString(project.resolve("cortex.yaml"), "- name: review-pipeline\n  kind: TaskAPI\n  definition:\n"
        + "    class: " + ThresholdTask.class.getName() + "\n");
    try (CortexTestCluster cluster = CortexTestCluster.newInstance()) {
      cluster.deploy(project.resolve("cortex.yaml"));

      TaskJobSpec job = cluster.client().submitTask("review-pipeline", TaskSubmission.builder().build());

      cluster.assertThatTask("review-pipeline", job.jobId()).succeeded();
      int size = JSON.readTree(Files.readString(project.resolve("sample-reviews.json"))).size();
      assertThat(ThresholdTask.SEEN).contains(size + " 0.5");
    }
  }

  // ---- docs/handlers.md: the constructor error message ----

  /** handlers.md's example of a constructor parameter that cannot be supplied. */
  public static final class Bad implements BatchHandler {
    public Bad(String name) {}

    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {}
  }

  @Test
  void handlersMdsUnsupportedParameterMessageIsTheOneDocumented() {
    assertThatThrownBy(() -> BatchHandlerHarness.forClass(Bad.class).build())
        .isInstanceOf(HandlerDefinitionException.class)
        .hasMessage("handler class " + Bad.class.getName() + ": constructor Bad(String name): parameter 0 \"name\""
            + " has unsupported type java.lang.String (supported: the config as Map, JsonNode or a record/POJO,"
            + " JobSpec, MetricsClient, ProjectFiles, CortexClient)");
  }

  // ---- docs/testing.md: the harness snippet ----

  @Test
  void testingMdsHarnessSnippetRunsTheQuickstartHandler() throws Exception {
    BatchHandlerHarness harness = BatchHandlerHarness.fromProject(Path.of("quickstart/cortex.yaml"), "reviews")
        .jobConfig(Map.of("output_dir", output.toString()))
        .build();
    List<JsonNode> items = Fixtures.jsonList("reviews/sample-reviews.json");
    Instant deadline = Instant.parse("2030-01-01T00:00:00Z");

    harness.handleBatch(items);                                                           // batch-1, attempt 1
    harness.handleBatch(items, context -> context.batchId("b-7").attempt(3).deadline(deadline));
    harness.onJobComplete();                                                              // summary of the above

    assertThat(output.resolve("batches/b-7.json")).exists();                             // what the handler wrote
    JsonNode summary = new ObjectMapper().readTree(output.resolve("summary.json").toFile());
    assertThat(summary.path("batches").asInt()).isEqualTo(2);
    assertThat(output.resolve("batches/batch-1.json")).exists();
  }

  /** handlers.md's typed handler with metrics. */
  public record ResizeConfig(int width) {}

  /** handlers.md's image type. */
  public record Image(String url) {}

  /** handlers.md's ResizeHandler. */
  public static final class ResizeHandler implements TypedBatchHandler<Image> {
    private final ResizeConfig config;
    private final MetricsClient metrics;

    public ResizeHandler(ResizeConfig config, MetricsClient metrics, ProjectFiles files) {
      this.config = config;
      this.metrics = metrics;
    }

    @Override
    public void handleBatch(List<Image> batch, BatchContext context) {
      metrics.increment("resized", batch.size() * config.width());
    }
  }

  @Test
  void handlersMdsResizeHandlerGetsItsTypedConfigAndItems() throws Exception {
    BatchHandlerHarness harness = BatchHandlerHarness.forClass(ResizeHandler.class)
        .apiConfig(Map.of("width", 10))
        .build();

    harness.handleBatch(List.of(Map.of("url", "a"), Map.of("url", "b")));

    assertThat(harness.metrics().sum("resized")).isEqualTo(20);
  }
}
