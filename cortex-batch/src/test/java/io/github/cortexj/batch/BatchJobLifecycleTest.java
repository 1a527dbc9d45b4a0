package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.PartialBatchFailure;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchJobLifecycleTest {

  private final BatchCluster cluster = new BatchCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  private static List<Integer> numbers(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  @Test
  void splitsItemsIntoBatchesOfBatchSizeInOrder() {
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    cluster.deploy((batch, context) -> batches.add(batch.stream().map(JsonNode::intValue).toList()));

    JobSpec spec = cluster.submit(JobSubmission.items(numbers(25)).batchSize(10).workers(1).build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.jobSpec().totalBatchCount()).isEqualTo(3);
    assertThat(batches).extracting(List::size).containsExactlyInAnyOrder(10, 10, 5);
    List<Integer> all = new ArrayList<>();
    batches.forEach(all::addAll);
    Collections.sort(all);
    assertThat(all).isEqualTo(numbers(25));
    assertThat(batches).allSatisfy(b -> assertThat(b).isSorted());
  }

  @Test
  void answersASubmissionWithTheSpecBeforeEnqueuing() {
    cluster.deploy((batch, context) -> {});

    JobSpec spec =
        cluster.submit(JobSubmission.items(numbers(3)).batchSize(1).workers(2).config(Map.of("k", 1)).build());

    assertThat(spec.apiName()).isEqualTo(BatchCluster.API);
    assertThat(spec.workers()).isEqualTo(2);
    assertThat(spec.sqsUrl()).isEmpty();
    assertThat(spec.totalBatchCount()).isZero();
    assertThat(spec.config()).isEqualTo(Map.of("k", 1));
    assertThat(spec.startTime()).isEqualTo(cluster.clock.instant());
  }

  @Test
  void runsOnJobCompleteOnceWithTheSummary() {
    List<JobSummary> summaries = new CopyOnWriteArrayList<>();
    cluster.deploy(
        new BatchHandler() {
          @Override
          public void handleBatch(List<JsonNode> batch, BatchContext context) {}

          @Override
          public void onJobComplete(JobSummary summary) {
            summaries.add(summary);
          }
        });

    JobSpec spec = cluster.submit(JobSubmission.items(numbers(7)).batchSize(2).workers(3).build());
    cluster.awaitEnd(spec.jobId());

    assertThat(summaries).containsExactly(new JobSummary(BatchCluster.API, spec.jobId(), 4, 0, 4, 0));
  }

  @Test
  void aThrowingHandlerFailsOnlyItsBatchAndTheWorkerGoesOn() {
    AtomicInteger handled = new AtomicInteger();
    cluster.deploy(
        (batch, context) -> {
          handled.incrementAndGet();
          if (batch.get(0).intValue() == 4) {
            throw new IllegalStateException("item 4 is cursed");
          }
        });

    JobSpec spec = cluster.submit(JobSubmission.items(numbers(10)).batchSize(2).workers(1).build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(status.status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
    assertThat(handled).hasValue(5);
    assertThat(status.batchMetrics().succeeded()).isEqualTo(4);
    assertThat(status.batchMetrics().failed()).isEqualTo(1);
    List<FailedBatch> failed = cluster.runtime.failedBatches(BatchCluster.API, spec.jobId());
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).items()).extracting(JsonNode::intValue).containsExactly(4, 5);
    assertThat(failed.get(0).errorType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(failed.get(0).errorMessage()).isEqualTo("item 4 is cursed");
    assertThat(failed.get(0).attempts()).isEqualTo(1);
  }

  @Test
  void aPartialFailureKeepsOnlyTheNamedItems() {
    cluster.deploy(
        (batch, context) -> PartialBatchFailure.builder().fail(1, "bad review").throwIfAny());

    JobSpec spec = cluster.submit(JobSubmission.items(List.of("a", "b", "c")).batchSize(3).build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(status.status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
    List<FailedBatch> failed = cluster.runtime.failedBatches(BatchCluster.API, spec.jobId());
    assertThat(failed).singleElement().satisfies(b -> {
      assertThat(b.items()).extracting(JsonNode::textValue).containsExactly("b");
      assertThat(b.errorType()).isEqualTo(PartialBatchFailure.class.getName());
    });
  }

  @Test
  void recordsBuiltInMetricsTaggedWithApiAndJob() {
    cluster.deploy(
        (batch, context) -> {
          if (batch.get(0).intValue() == 0) {
            throw new IllegalArgumentException("no");
          }
        });

    JobSpec spec = cluster.submit(JobSubmission.items(numbers(3)).batchSize(1).build());
    cluster.awaitEnd(spec.jobId());

    Map<String, String> tags = Map.of("api_name", BatchCluster.API, "job_id", spec.jobId());
    assertThat(cluster.metrics.calls("cortex_batch_succeeded"))
        .hasSize(2)
        .allSatisfy(call -> assertThat(call.tags()).isEqualTo(tags));
    assertThat(cluster.metrics.calls("cortex_batch_failed")).singleElement().satisfies(
        call -> assertThat(call.tags()).isEqualTo(tags));
    assertThat(cluster.metrics.calls("cortex_time_per_batch")).hasSize(3)
        .allSatisfy(call -> assertThat(call.kind()).isEqualTo("histogram"));
  }

  @Test
  void mergesTheJobConfigOverTheApiConfigForTheHandler() {
    List<Map<String, Object>> configs = new CopyOnWriteArrayList<>();
    cluster.deploy(
        io.github.cortexj.core.Handlers.batch(
            init -> {
              configs.add(init.config());
              return (batch, context) -> {};
            }),
        Map.of("model", Map.of("name", "a", "size", 1), "keep", true));

    JobSpec spec =
        cluster.submit(
            JobSubmission.items(numbers(2)).workers(1).config(Map.of("model", Map.of("size", 2))).build());
    cluster.awaitEnd(spec.jobId());

    assertThat(configs)
        .singleElement()
        .isEqualTo(Map.of("model", Map.of("name", "a", "size", 2), "keep", true));
  }

  @Test
  void writesTheStatusShapeOfCortex() throws Exception {
    cluster.deploy((batch, context) -> {});
    JobSpec spec = cluster.submit(JobSubmission.items(numbers(2)).batchSize(1).build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    JsonNode json = new ObjectMapper().valueToTree(status);

    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "job_id",
            "api_name",
            "kind",
            "workers",
            "sqs_dead_letter_queue",
            "config",
            "timeout",
            "api_id",
            "sqs_url",
            "total_batch_count",
            "start_time",
            "status",
            "end_time",
            "batches_in_queue",
            "batch_metrics",
            "worker_counts");
    assertThat(json.get("status").asText()).isEqualTo("succeeded");
    assertThat(json.get("batch_metrics").get("succeeded").asInt()).isEqualTo(2);
  }

  @Test
  void refusesAJobForAnApiThatIsNotDeployed() {
    assertThatThrownBy(() -> cluster.submit(JobSubmission.items(numbers(1)).build()))
        .hasMessage("reviews is not deployed")
        .extracting("kind")
        .isEqualTo("resources.api_not_deployed");
  }

  @Test
  void refusesAnUnknownJobId() {
    cluster.deploy((batch, context) -> {});
    assertThatThrownBy(() -> cluster.runtime.getJob(BatchCluster.API, "69a1b2"))
        .hasMessage("failed to get job state: unable to find BatchAPI job 69a1b2 (reviews api)")
        .extracting("kind")
        .isEqualTo("job.not_found");
  }

  @Test
  void listsARunningJobWithTheLiveCountsOfItsWorkers() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    cluster.deploy(
        (batch, context) -> {
          if (batch.get(0).intValue() == 0) {
            release.await();
          }
        });
    JobSpec spec = cluster.submit(JobSubmission.items(numbers(10)).batchSize(1).workers(2).build());

    Eventually.until(
        "nine batches succeed",
        () -> cluster.runtime.listJobs(BatchCluster.API).get(0).batchMetrics().succeeded() == 9);
    BatchJobStatus listed = cluster.runtime.listJobs(BatchCluster.API).get(0);
    assertThat(listed.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(listed.batchesInQueue()).isEqualTo(1);
    assertThat(listed.batchMetrics().failed()).isZero();
    assertThat(cluster.runtime.getJob(BatchCluster.API, spec.jobId()).batchMetrics().succeeded()).isEqualTo(9);

    release.countDown();
    assertThat(cluster.awaitEnd(spec.jobId()).batchMetrics().succeeded()).isEqualTo(10);
  }
}
