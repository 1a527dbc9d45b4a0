package io.github.cortexj.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.aws.internal.AwsClientFactory;
import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs batch jobs end to end on an {@link EmbeddedCortexClient} built on {@link SqsQueueBackend} (ElasticMQ) and
 * {@link S3ObjectStore} (S3Proxy): the same runtime, handlers and submissions as the in-memory cluster, over the
 * real SQS and S3 wire protocols. One server pair serves the class; each test has its own cluster name (so its own
 * queues) and its own root key prefix in the bucket. Time passes for real.
 */
@DisplayName("batch jobs on SqsQueueBackend + S3ObjectStore over ElasticMQ + S3Proxy")
class BatchOnSqsAndS3IntegrationTest {

  private static final String API = "recorder";
  // Jobs take ~1-3 s here. A CI run once saw a batch's third attempt only after ~30 s: ElasticMQ held long polls of
  // queues that had been deleted while sibling workers still polled them (it never answers those) and timed other
  // requests out meanwhile. The runtime now deletes a job's queues only after its local workers have left them, so
  // that stall has no cause left; the bound is what a loaded 2-core machine needs, with room to spare.
  private static final Duration JOB_WAIT = Duration.ofSeconds(60);
  private static final BiPredicate<List<String>, Integer> NEVER_FAIL = (items, attempt) -> false;

  private static LocalAwsServers servers;

  private final String clusterName = "it-" + UUID.randomUUID().toString().substring(0, 8);
  private final String rootKeyPrefix = "batch-" + UUID.randomUUID() + "/";
  private final List<AutoCloseable> resources = new ArrayList<>();

  @BeforeAll
  static void startServers() throws Exception {
    servers = LocalAwsServers.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    servers.close();
  }

  @AfterEach
  void closeClusters() throws Exception {
    Collections.reverse(resources);
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  /**
   * Builds a cluster on fresh backend instances over this test's queues and key prefix, with the recording
   * handler deployed.
   */
  private EmbeddedCortexClient cluster(
      RecordingBatchHandler.Journal journal, BiPredicate<List<String>, Integer> failBatch) {
    SqsQueueBackend queues = SqsQueueBackend.create(servers.sqsOptions().build());
    resources.add(queues);
    S3ObjectStore store = S3ObjectStore.create(servers.s3Options(rootKeyPrefix).build());
    resources.add(store);
    EmbeddedCortexClient cortex =
        EmbeddedCortexClient.builder()
            .queueBackend(queues)
            .objectStore(store)
            .clusterName(clusterName)
            .workerThreads(8)
            .build();
    resources.add(cortex);
    cortex.createApi(
        ApiSpec.batch(API).handlerClass(RecordingBatchHandler.class).build(),
        init -> new RecordingBatchHandler(journal, failBatch));
    return cortex;
  }

  private static List<String> texts(IntStream values) {
    return values.mapToObj(String::valueOf).toList();
  }

  @Test
  void everyItemIsHandledOnceOnJobCompleteRunsOnceAndAnotherClusterReadsTheStatusFromS3() throws Exception {
    RecordingBatchHandler.Journal journal = new RecordingBatchHandler.Journal();
    EmbeddedCortexClient cortex = cluster(journal, NEVER_FAIL);

    List<Integer> items = IntStream.range(0, 300).boxed().toList();
    JobSpec job = cortex.submitJob(API, JobSubmission.items(items).batchSize(10).workers(3).build());
    BatchJobStatus status = cortex.awaitJob(API, job.jobId(), JOB_WAIT);

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.jobSpec().totalBatchCount()).isEqualTo(30);
    assertThat(status.batchMetrics().succeeded()).isEqualTo(30);
    assertThat(status.batchMetrics().failed()).isZero();
    assertThat(status.batchesInQueue()).isZero();
    assertThat(status.end()).isPresent();
    assertThat(journal.processed).containsExactlyInAnyOrderElementsOf(texts(IntStream.range(0, 300)));
    assertThat(journal.processedTwice).isEmpty();
    assertThat(journal.completions)
        .singleElement()
        .satisfies(summary -> {
          assertThat(summary.succeededBatchCount()).isEqualTo(30);
          assertThat(summary.failedBatchCount()).isZero();
          assertThat(summary.totalBatchCount()).isEqualTo(30);
        });
    assertThat(journal.processedAtCompletion).containsExactly(300);

    RecordingBatchHandler.Journal readerJournal = new RecordingBatchHandler.Journal();
    EmbeddedCortexClient reader = cluster(readerJournal, NEVER_FAIL);
    BatchJobStatus read = reader.getJob(API, job.jobId());

    assertThat(read.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(read.jobSpec()).isEqualTo(status.jobSpec());
    assertThat(read.batchMetrics()).isEqualTo(status.batchMetrics());
    assertThat(read.batchesInQueue()).isZero();
    assertThat(read.endTime()).isEqualTo(status.endTime());
    assertThat(readerJournal.processed).isEmpty();
    assertThat(journal.completions).hasSize(1);
  }

  @Test
  void batchesThatFailEveryAttemptEndTheJobCompletedWithFailuresAndAreListed() throws Exception {
    Set<String> poison = Set.of("0", "30", "60", "90");
    Set<String> flaky = Set.of("10", "50");
    RecordingBatchHandler.Journal journal = new RecordingBatchHandler.Journal();
    EmbeddedCortexClient cortex =
        cluster(
            journal,
            (items, attempt) -> poison.contains(items.get(0)) || (flaky.contains(items.get(0)) && attempt == 1));

    JobSubmission submission =
        JobSubmission.items(IntStream.range(0, 100).boxed().toList())
            .batchSize(10)
            .workers(3)
            .retry(3, Duration.ZERO)
            .build();
    JobSpec job = cortex.submitJob(API, submission);
    BatchJobStatus status = cortex.awaitJob(API, job.jobId(), JOB_WAIT);

    assertThat(status.status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
    assertThat(status.batchMetrics().succeeded()).isEqualTo(6);
    assertThat(status.batchMetrics().failed()).isEqualTo(4);
    assertThat(status.batchMetrics().failedAttempts()).isEqualTo(4 * 3 + 2);
    assertThat(journal.failedAttempts)
        .containsOnlyKeys("0", "30", "60", "90", "10", "50")
        .containsEntry("0", List.of(1, 2, 3))
        .containsEntry("10", List.of(1));
    assertThat(journal.processed)
        .containsExactlyInAnyOrderElementsOf(
            texts(IntStream.range(0, 100).filter(i -> !poison.contains(String.valueOf(i / 10 * 10)))));
    assertThat(journal.processedTwice).isEmpty();
    assertThat(journal.completions)
        .singleElement()
        .satisfies(summary -> {
          assertThat(summary.succeededBatchCount()).isEqualTo(6);
          assertThat(summary.failedBatchCount()).isEqualTo(4);
        });

    List<FailedBatch> failed = cortex.failedBatches(API, job.jobId());
    assertThat(failed)
        .extracting(batch -> RecordingBatchHandler.text(batch.items().get(0)))
        .containsExactlyInAnyOrder("0", "30", "60", "90");
    FailedBatch first =
        failed.stream().filter(batch -> batch.items().get(0).intValue() == 0).findFirst().orElseThrow();
    assertThat(first.items().stream().map(RecordingBatchHandler::text).toList())
        .isEqualTo(texts(IntStream.range(0, 10)));
    assertThat(first.attempts()).isEqualTo(3);
    assertThat(first.errorType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(first.errorMessage()).isEqualTo("refused batch starting at 0 on attempt 3");

    EmbeddedCortexClient reader = cluster(new RecordingBatchHandler.Journal(), NEVER_FAIL);
    assertThat(reader.getJob(API, job.jobId()).status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
    assertThat(reader.failedBatches(API, job.jobId())).containsExactlyInAnyOrderElementsOf(failed);
  }

  @Test
  void filePathListerSendsThePathsOfTheMatchingObjectsPutInS3() throws Exception {
    try (S3Client s3 = AwsClientFactory.s3Client(servers.s3Options(rootKeyPrefix).build())) {
      for (String key : List.of("images/a.jpg", "images/b.jpg", "images/notes.txt", "more/c.jpg", "other/d.jpg")) {
        put(s3, key, "x");
      }
    }
    RecordingBatchHandler.Journal journal = new RecordingBatchHandler.Journal();
    EmbeddedCortexClient cortex = cluster(journal, NEVER_FAIL);

    String bucket = LocalAwsServers.BUCKET;
    JobSubmission submission =
        JobSubmission.filePaths(List.of("s3://" + bucket + "/images", "s3://" + bucket + "/more"))
            .includes(List.of("**.jpg"))
            .batchSize(2)
            .workers(2)
            .build();
    BatchJobStatus status = cortex.awaitJob(API, cortex.submitJob(API, submission).jobId(), JOB_WAIT);

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.jobSpec().totalBatchCount()).isEqualTo(2);
    assertThat(journal.processed)
        .containsExactlyInAnyOrder(
            "s3://" + bucket + "/images/a.jpg", "s3://" + bucket + "/images/b.jpg", "s3://" + bucket + "/more/c.jpg");
    assertThat(journal.completions).hasSize(1);
  }

  @Test
  void delimitedFilesStreamTheJsonValuesOfObjectsPutInS3() throws Exception {
    try (S3Client s3 = AwsClientFactory.s3Client(servers.s3Options(rootKeyPrefix).build())) {
      put(s3, "lines/1.jsonl", jsonLines(0, 50));
      put(s3, "lines/2.jsonl", jsonLines(50, 120));
    }
    RecordingBatchHandler.Journal journal = new RecordingBatchHandler.Journal();
    EmbeddedCortexClient cortex = cluster(journal, NEVER_FAIL);

    JobSubmission submission =
        JobSubmission.delimitedFiles(List.of("s3://" + LocalAwsServers.BUCKET + "/lines"))
            .batchSize(25)
            .workers(3)
            .build();
    BatchJobStatus status = cortex.awaitJob(API, cortex.submitJob(API, submission).jobId(), JOB_WAIT);

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.jobSpec().totalBatchCount()).isEqualTo(5);
    assertThat(journal.processed)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 120).mapToObj(i -> "{\"id\":" + i + "}").toList());
    assertThat(journal.processedTwice).isEmpty();
    assertThat(journal.completions).singleElement().satisfies(s -> assertThat(s.succeededBatchCount()).isEqualTo(5));
  }

  /** Puts an object with a plain S3 client, at the key the store sees as {@code key}. */
  private void put(S3Client s3, String key, String text) {
    s3.putObject(
        request -> request.bucket(LocalAwsServers.BUCKET).key(rootKeyPrefix + key),
        RequestBody.fromString(text, StandardCharsets.UTF_8));
  }

  private static String jsonLines(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "{\"id\":" + i + "}").collect(Collectors.joining("\n")) + "\n";
  }
}
