package io.github.cortexj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.metrics.MetricsClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class BatchHandlerHarnessTest {

  /** Records what it was built with and every call. */
  public static final class Recording implements BatchHandler {
    final Map<String, Object> config;
    final JobSpec jobSpec;
    final MetricsClient metrics;
    final ProjectFiles files;
    final List<BatchContext> contexts = new ArrayList<>();
    final List<List<JsonNode>> batches = new ArrayList<>();
    JobSummary summary;

    public Recording(Map<String, Object> config, JobSpec jobSpec, MetricsClient metrics, ProjectFiles files) {
      this.config = config;
      this.jobSpec = jobSpec;
      this.metrics = metrics;
      this.files = files;
    }

    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {
      contexts.add(context);
      batches.add(batch);
      metrics.increment("items_seen", batch.size());
    }

    @Override
    public void onJobComplete(JobSummary summary) {
      this.summary = summary;
    }
  }

  /** Cannot be built: two public constructors. */
  public static final class Ambiguous implements BatchHandler {
    public Ambiguous() {}

    public Ambiguous(Map<String, Object> config) {}

    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {}
  }

  /** Its constructor fails. */
  public static final class Exploding implements BatchHandler {
    public Exploding() {
      throw new IllegalStateException("no model file");
    }

    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {}
  }

  @Test
  void buildsTheHandlerByConstructorInjectionWithTheJobConfigMergedOverTheApiConfig() throws Exception {
    BatchHandlerHarness harness = BatchHandlerHarness.forClass(Recording.class)
        .apiName("reviews")
        .apiConfig(Map.of("threshold", 1, "model", Map.of("name", "small", "size", 3)))
        .jobConfig(Map.of("model", Map.of("size", 5)))
        .build();

    Recording handler = (Recording) harness.handler();
    assertThat(handler.config).isEqualTo(Map.of("threshold", 1, "model", Map.of("name", "small", "size", 5)));
    assertThat(handler.jobSpec.jobId()).isEqualTo(BatchHandlerHarness.DEFAULT_JOB_ID);
    assertThat(handler.jobSpec.apiName()).isEqualTo("reviews");
    assertThat(handler.jobSpec.config()).isEqualTo(Map.of("model", Map.of("size", 5)));
  }

  @Test
  void handlesABatchInADefaultContext() throws Exception {
    BatchHandlerHarness harness = BatchHandlerHarness.forClass(Recording.class).build();

    harness.handleBatch(List.of(Map.of("text", "great"), 7));

    Recording handler = (Recording) harness.handler();
    assertThat(handler.batches).singleElement().asString().isEqualTo("[{\"text\":\"great\"}, 7]");
    BatchContext context = handler.contexts.get(0);
    assertThat(context.batchId()).isEqualTo("batch-1");
    assertThat(context.attempt()).isEqualTo(1);
    assertThat(context.jobId()).isEqualTo(BatchHandlerHarness.DEFAULT_JOB_ID);
    assertThat(context.deadline()).isEmpty();
    assertThat(harness.metrics().sum("items_seen")).isEqualTo(2);
  }

  @Test
  void everyContextFieldCanBeSetByTheTest() throws Exception {
    BatchHandlerHarness harness = BatchHandlerHarness.forClass(Recording.class).build();
    Instant deadline = Instant.parse("2025-01-01T00:05:00Z");

    harness.handleBatch(List.of(1), context -> context.batchId("b-7").attempt(3).deadline(deadline)
        .env(Map.of("REGION", "eu")));

    BatchContext context = ((Recording) harness.handler()).contexts.get(0);
    assertThat(context.batchId()).isEqualTo("b-7");
    assertThat(context.attempt()).isEqualTo(3);
    assertThat(context.deadline()).contains(deadline);
    assertThat(context.env()).isEqualTo(Map.of("REGION", "eu"));
  }

  @Test
  void onJobCompleteSummarisesTheBatchesHandled() throws Exception {
    BatchHandlerHarness harness = BatchHandlerHarness.forClass(Recording.class).apiName("reviews").build();
    harness.handleBatch(List.of(1));
    harness.handleBatch(List.of(2));

    JobSummary summary = harness.onJobComplete();

    assertThat(summary).isEqualTo(new JobSummary("reviews", BatchHandlerHarness.DEFAULT_JOB_ID, 2, 0, 2, 0));
    assertThat(((Recording) harness.handler()).summary).isSameAs(summary);
  }

  @Test
  void handlerExceptionsReachTheTestAndCountAsFailedBatches() throws Exception {
    BatchHandlerHarness harness = BatchHandlerHarness.forFactory(init -> (batch, context) -> {
      throw new IllegalArgumentException("bad item " + batch.get(0));
    }).build();

    assertThatThrownBy(() -> harness.handleBatch(List.of(42)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad item 42");
    assertThat(harness.onJobComplete().failedBatchCount()).isEqualTo(1);
  }

  @Test
  void aClassTheRuntimeRejectsIsRejectedWithTheSameError() {
    Throwable fromRuntime = catchThrowable(() -> Handlers.batch(Ambiguous.class));

    Throwable fromHarness = catchThrowable(() -> BatchHandlerHarness.forClass(Ambiguous.class).build());

    assertThat(fromHarness).isInstanceOf(HandlerDefinitionException.class).hasMessage(fromRuntime.getMessage());
    assertThat(((HandlerDefinitionException) fromHarness).kind())
        .isEqualTo(HandlerDefinitionException.AMBIGUOUS_CONSTRUCTOR);
  }

  @Test
  void aFailingConstructorSurfacesAsTheRuntimesHandlerDefinitionException() {
    assertThatThrownBy(() -> BatchHandlerHarness.forClass(Exploding.class).build())
        .isInstanceOfSatisfying(HandlerDefinitionException.class,
            e -> assertThat(e.kind()).isEqualTo(HandlerDefinitionException.CONSTRUCTOR_FAILED))
        .hasRootCauseMessage("no model file");
  }

  @Test
  void buildsTheHandlerOfAProjectApiWithItsConfigAndFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("cortex.yaml"), "- name: reviews\n  kind: BatchAPI\n  handler:\n    type: java\n"
        + "    class: " + Recording.class.getName() + "\n    config:\n      lexicon: lexicon.json\n");
    Files.writeString(dir.resolve("lexicon.json"), "{\"great\": 2}");

    BatchHandlerHarness harness = BatchHandlerHarness.fromProject(dir.resolve("cortex.yaml"), "reviews").build();

    Recording handler = (Recording) harness.handler();
    assertThat(handler.config).isEqualTo(Map.of("lexicon", "lexicon.json"));
    assertThat(new String(handler.files.read("lexicon.json"), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"great\": 2}");
    assertThat(handler.jobSpec.apiName()).isEqualTo("reviews");
  }

  @Test
  void aProjectWithoutTheApiIsRejectedNamingWhatItHas(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("cortex.yaml"), "- name: reviews\n  kind: BatchAPI\n  handler:\n    type: java\n"
        + "    class: " + Recording.class.getName() + "\n");

    assertThatThrownBy(() -> BatchHandlerHarness.fromProject(dir.resolve("cortex.yaml"), "images"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(dir.resolve("cortex.yaml") + " has no API named \"images\" (it has [reviews])");
  }

  @Test
  void anApiOfAnotherKindIsRejectedNamingTheHarnessToUse(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("cortex.yaml"), "- name: nightly\n  kind: TaskAPI\n  definition:\n"
        + "    class: " + Recording.class.getName() + "\n");

    assertThatThrownBy(() -> BatchHandlerHarness.fromProject(dir.resolve("cortex.yaml"), "nightly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("API \"nightly\" of " + dir.resolve("cortex.yaml")
            + " is a TaskAPI, not a BatchAPI: test it with TaskHarness");
  }
}
