package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.JobSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ObjectInputTest {

  private final BatchCluster cluster = new BatchCluster();
  private final List<List<JsonNode>> batches = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void deployRecorder() {
    cluster.deploy((batch, context) -> batches.add(batch));
  }

  @Test
  void filePathListerSendsBatchesOfPathsThatSpanSeveralPrefixes() {
    cluster.store.putText("images/a.jpg", "x", null);
    cluster.store.putText("images/b.jpg", "x", null);
    cluster.store.putText("images/notes.txt", "x", null);
    cluster.store.putText("more/c.jpg", "x", null);
    deployRecorder();

    JobSpec spec =
        cluster.submit(
            JobSubmission.filePaths(List.of("s3://cortex-bucket/images", "s3://cortex-bucket/more"))
                .includes(List.of("**.jpg"))
                .batchSize(2)
                .build());
    assertThat(cluster.awaitEnd(spec.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);

    List<String> paths = new ArrayList<>();
    batches.forEach(batch -> batch.forEach(node -> paths.add(node.textValue())));
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "s3://cortex-bucket/images/a.jpg", "s3://cortex-bucket/images/b.jpg", "s3://cortex-bucket/more/c.jpg");
    assertThat(batches).extracting(List::size).containsExactlyInAnyOrder(2, 1);
  }

  @Test
  void delimitedFilesStreamJsonValuesAcrossFiles() {
    cluster.store.putText("lines/1.jsonl", "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n", null);
    cluster.store.putText("lines/2.jsonl", "{\"id\":4} {\"id\":5}\n\"six\"", null);
    deployRecorder();

    JobSpec spec = cluster.submit(JobSubmission.delimitedFiles(List.of("s3://cortex-bucket/lines")).batchSize(2)
        .workers(1).build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.jobSpec().totalBatchCount()).isEqualTo(3);
    assertThat(batches.stream().map(List::toString).sorted().toList())
        .containsExactly("[{\"id\":1}, {\"id\":2}]", "[{\"id\":3}, {\"id\":4}]", "[{\"id\":5}, \"six\"]");
  }

  @Test
  void malformedJsonInADelimitedFileFailsTheEnqueueNamingTheItem() {
    cluster.store.putText("bad/1.jsonl", "{\"id\":1}\n{\"id\":\n", null);
    deployRecorder();

    JobSpec spec = cluster.submit(JobSubmission.delimitedFiles(List.of("s3://cortex-bucket/bad")).build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(status.status()).isEqualTo(JobStatus.ENQUEUE_FAILED);
    String error = cluster.store.get("cortex/jobs/BatchAPI/reviews/" + spec.jobId() + "/error.json").orElseThrow()
        .text();
    assertThat(error).contains("item 1 (s3://cortex-bucket/bad/1.jsonl): invalid JSON");
  }

  @Test
  void anOversizeValueInADelimitedFileFailsTheEnqueue() {
    cluster.store.putText("big/1.jsonl", "\"" + "a".repeat(256_000) + "\"", null);
    deployRecorder();

    JobSpec spec = cluster.submit(JobSubmission.delimitedFiles(List.of("s3://cortex-bucket/big")).build());

    assertThat(cluster.awaitEnd(spec.jobId()).status()).isEqualTo(JobStatus.ENQUEUE_FAILED);
    assertThat(cluster.store.get("cortex/jobs/BatchAPI/reviews/" + spec.jobId() + "/error.json").orElseThrow()
        .text()).contains("cannot enqueue message because its size (256002 bytes) exceeds the 256000 bytes limit");
  }

  @Test
  void keepsTheStoreLayoutOfCortex() {
    deployRecorder();
    JobSpec spec = cluster.submit(JobSubmission.items(List.of(1, 2)).build());
    cluster.awaitEnd(spec.jobId());

    String prefix = "cortex/jobs/BatchAPI/reviews/" + spec.jobId() + "/";
    assertThat(cluster.store.get(prefix + "max_batch_count").orElseThrow().text()).isEqualTo("2");
    assertThat(cluster.store.head(prefix + "spec.json")).isPresent();
    assertThat(cluster.store.head(prefix + "payload.json")).isEmpty();
    assertThat(cluster.store.head(prefix + "metrics.json")).isPresent();
    assertThat(cluster.store.head(prefix + "succeeded")).isPresent();
    assertThat(cluster.store.listAll(prefix)).extracting(info -> info.key().substring(prefix.length()))
        .containsExactlyInAnyOrder(
            "spec.json", "max_batch_count", "metrics.json", "pending", "enqueuing", "running", "succeeded");
    // The records of successes serve counting while the job runs; metrics.json has the counts after it ends.
    // (deleted just after the end is written)
    Eventually.until(
        "the records of successes are deleted",
        () -> cluster.store.listAll("cortex/batch_outcomes/reviews/" + spec.jobId() + "/").isEmpty());
    assertThat(cluster.store.get(prefix + "metrics.json").orElseThrow().text()).contains("\"succeeded\":2");
  }

  @Test
  void aListingOfTheWholeBucketLeavesOutTheClustersOwnState() {
    cluster.store.putText("images/a.jpg", "x", null);
    deployRecorder();
    JobSpec earlier = cluster.submit(JobSubmission.items(List.of(1)).build());
    assertThat(cluster.awaitEnd(earlier.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
    batches.clear();

    JobSpec spec = cluster.submit(JobSubmission.filePaths(List.of("s3://cortex-bucket/")).build());
    assertThat(cluster.awaitEnd(spec.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);

    assertThat(batches.stream().map(List::toString).toList()).containsExactly("[\"s3://cortex-bucket/images/a.jpg\"]");
    assertThat(cluster.runtime.dryRun(BatchCluster.API, JobSubmission.filePaths(List.of("s3://cortex-bucket"))
        .build()).matchedPaths()).containsExactly("s3://cortex-bucket/images/a.jpg");
  }
}
