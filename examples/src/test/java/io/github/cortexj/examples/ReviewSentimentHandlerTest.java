package io.github.cortexj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.testkit.BatchHandlerHarness;
import io.github.cortexj.testkit.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart handler, tested alone: no cluster, the project's own config and lexicon. */
class ReviewSentimentHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path output;

  private BatchHandlerHarness harness() throws Exception {
    return BatchHandlerHarness.fromProject(Path.of("quickstart/cortex.yaml"), "reviews")
        .jobConfig(Map.of("output_dir", output.toString()))
        .build();
  }

  @Test
  void labelsEachReviewOfABatchWithTheProjectsLexicon() throws Exception {
    BatchHandlerHarness harness = harness();

    harness.handleBatch(Fixtures.jsonList("reviews/sample-reviews.json"));

    JsonNode written = JSON.readTree(output.resolve("batches/batch-1.json").toFile());
    assertThat(written.toString()).isEqualTo(
        "{\"labels\":{\"negative\":1,\"neutral\":1,\"positive\":3},\"positive_by_product\":{\"kettle\":2,\"lamp\":1}}");
  }

  @Test
  void aJobsThresholdOverridesTheApisThreshold() throws Exception {
    BatchHandlerHarness strict = BatchHandlerHarness.fromProject(Path.of("quickstart/cortex.yaml"), "reviews")
        .jobConfig(Map.of("output_dir", output.toString(), "threshold", 10))
        .build();

    strict.handleBatch(Fixtures.jsonList("reviews/sample-reviews.json"), context -> context.batchId("strict"));

    assertThat(JSON.readTree(output.resolve("batches/strict.json").toFile()).path("labels").toString())
        .isEqualTo("{\"neutral\":5}");
  }

  @Test
  void onJobCompleteMergesTheBatchResultsIntoTheSummary() throws Exception {
    BatchHandlerHarness harness = harness();
    List<JsonNode> reviews = Fixtures.jsonList("reviews/sample-reviews.json");
    harness.handleBatch(reviews.subList(0, 3));
    harness.handleBatch(reviews.subList(3, 5));

    harness.onJobComplete();

    assertThat(JSON.readTree(output.resolve("summary.json").toFile()).toString()).isEqualTo(
        "{\"job_id\":\"" + BatchHandlerHarness.DEFAULT_JOB_ID + "\",\"batches\":2,"
            + "\"labels\":{\"negative\":1,\"neutral\":1,\"positive\":3},\"most_loved_product\":\"kettle\"}");
  }

  @Test
  void aMissingLexiconFailsTheHandlersConstructionAsItWouldOnAWorker() {
    assertThatThrownBy(() -> BatchHandlerHarness.fromProject(Path.of("quickstart/cortex.yaml"), "reviews")
            .jobConfig(Map.of("output_dir", output.toString(), "lexicon", "missing.json"))
            .build())
        .isInstanceOfSatisfying(HandlerDefinitionException.class,
            e -> assertThat(e.kind()).isEqualTo(HandlerDefinitionException.CONSTRUCTOR_FAILED));
  }
}
