package io.github.cortexj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.testkit.CortexTestCluster;
import io.github.cortexj.testkit.CortexTestExtension;
import io.github.cortexj.testkit.Faults;
import io.github.cortexj.testkit.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart API on a whole test cluster: a job end to end, and the same job surviving a worker crash. */
class ReviewJobTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  final CortexTestExtension cortex =
      CortexTestExtension.newBuilder().deploy(Path.of("quickstart/cortex.yaml")).build();

  @TempDir Path output;

  private JobSpec submit(CortexClient client, int copies) {
    List<JsonNode> reviews = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      reviews.addAll(Fixtures.jsonList("reviews/sample-reviews.json"));
    }
    return client.submitJob("reviews", JobSubmission.items(reviews).batchSize(5).workers(2)
        .config(Map.of("output_dir", output.toString())).build());
  }

  private JsonNode summary() throws Exception {
    return JSON.readTree(output.resolve("summary.json").toFile());
  }

  @Test
  void scoresEveryReviewAndSummarisesOnce(CortexTestCluster cluster, CortexClient client) throws Exception {
    JobSpec job = submit(client, 4);

    cluster.assertThatJob("reviews", job.jobId())
        .succeeded()
        .hasBatchStatistics(stats -> stats.total(4).succeeded(4).failed(0).failedAttempts(0));
    assertThat(summary().toString()).isEqualTo("{\"job_id\":\"" + job.jobId() + "\",\"batches\":4,"
        + "\"labels\":{\"negative\":4,\"neutral\":4,\"positive\":12},\"most_loved_product\":\"kettle\"}");
    cluster.assertThatMetrics().hasSum("cortex_batch_succeeded", Map.of("api_name", "reviews"), 4);
  }

  @Test
  void aWorkerCrashDelaysTheJobByTheVisibilityTimeoutButCountsEveryReviewOnce(
      CortexTestCluster cluster, CortexClient client, Faults faults) throws Exception {
    faults.crashWorkerOnBatch(2);

    JobSpec job = submit(client, 4);

    cluster.assertThatJob("reviews", job.jobId()).succeeded().hasBatchStatistics(stats -> stats.succeeded(4));
    // The crashed batch ran twice, but its result file is named by batch id, so the summary counts it once.
    assertThat(summary().path("labels").toString()).isEqualTo("{\"negative\":4,\"neutral\":4,\"positive\":12}");
    assertThat(Duration.between(job.startTime(), cluster.clock().instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(cluster.timeline()).contains("will crash").contains("(attempt 2)");
  }
}
