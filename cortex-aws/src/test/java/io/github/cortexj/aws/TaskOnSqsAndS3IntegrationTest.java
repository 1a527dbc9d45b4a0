package io.github.cortexj.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.aws.internal.AwsClientFactory;
import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.job.WorkloadError;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Runs tasks end to end on an {@link EmbeddedCortexClient} whose object store is {@link S3ObjectStore} over
 * S3Proxy (tasks use no queue, but the cluster is built as a distributed one would be, on ElasticMQ too): a task
 * that succeeds, one that fails with its error, one that is stopped; the markers are read back from S3 with a plain
 * S3 client, and the statuses by a second cluster sharing the bucket.
 */
@DisplayName("tasks on S3ObjectStore over S3Proxy")
class TaskOnSqsAndS3IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static LocalAwsServers servers;

  private final String rootKeyPrefix = "task-" + UUID.randomUUID() + "/";
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

  private EmbeddedCortexClient cluster(Task task) {
    SqsQueueBackend queues = SqsQueueBackend.create(servers.sqsOptions().build());
    resources.add(queues);
    S3ObjectStore store = S3ObjectStore.create(servers.s3Options(rootKeyPrefix).build());
    resources.add(store);
    EmbeddedCortexClient cortex =
        EmbeddedCortexClient.builder()
            .queueBackend(queues)
            .objectStore(store)
            .clusterName("it-" + UUID.randomUUID().toString().substring(0, 8))
            .workerThreads(4)
            .build();
    resources.add(cortex);
    cortex.createApi(
        ApiSpec.task("trainer").handlerClass("com.example.Trainer").config(Map.of("epochs", 1)).build(), init -> task);
    return cortex;
  }

  /** The keys under the task's prefix and its in-progress marker, as S3 lists them, relative to the tasks root. */
  private List<String> keysInS3(String jobId) {
    String tasksRoot = rootKeyPrefix + "cortex/jobs/TaskAPI/";
    try (S3Client s3 = AwsClientFactory.s3Client(servers.s3Options(rootKeyPrefix).build())) {
      return s3.listObjectsV2Paginator(b -> b.bucket(LocalAwsServers.BUCKET).prefix(tasksRoot)).contents().stream()
          .map(S3Object::key)
          .filter(key -> key.contains("/" + jobId))
          .map(key -> key.substring(tasksRoot.length()))
          .sorted()
          .toList();
    }
  }

  private String specInS3(String jobId) {
    try (S3Client s3 = AwsClientFactory.s3Client(servers.s3Options(rootKeyPrefix).build())) {
      return s3.getObjectAsBytes(
              b -> b.bucket(LocalAwsServers.BUCKET).key(rootKeyPrefix + "cortex/jobs/TaskAPI/trainer/" + jobId + "/spec.json"))
          .asString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void taskThatSucceedsLeavesItsSpecAndMarkersInS3() throws Exception {
    List<Map<String, Object>> configs = Collections.synchronizedList(new ArrayList<>());
    EmbeddedCortexClient cortex = cluster((config, context) -> configs.add(config));

    TaskJobSpec job = cortex.submitTask("trainer", TaskSubmission.builder().config(Map.of("lr", 0.1)).build());
    TaskJobStatus status = cortex.awaitTask("trainer", job.jobId(), WAIT);

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.endTime()).isNotNull();
    assertThat(configs).containsExactly(Map.of("epochs", 1, "lr", 0.1));
    String id = job.jobId();
    assertThat(keysInS3(id)).containsExactly("trainer/" + id + "/running", "trainer/" + id + "/spec.json",
        "trainer/" + id + "/succeeded");
    assertThat(specInS3(id))
        .startsWith("{\"job_id\":\"" + id + "\",\"api_name\":\"trainer\",\"kind\":\"TaskAPI\",\"workers\":1,"
            + "\"config\":{\"lr\":0.1},\"timeout\":null,");

    EmbeddedCortexClient reader = cluster((config, context) -> {});
    assertThat(reader.getTaskJob("trainer", id)).isEqualTo(status);
  }

  @Test
  void taskThatFailsStoresItsErrorInS3() throws Exception {
    EmbeddedCortexClient cortex =
        cluster(
            (config, context) -> {
              throw new IllegalArgumentException("epochs must be even");
            });

    TaskJobSpec job = cortex.submitTask("trainer", TaskSubmission.builder().build());
    TaskJobStatus status = cortex.awaitTask("trainer", job.jobId(), WAIT);

    WorkloadError error = new WorkloadError("java.lang.IllegalArgumentException", "epochs must be even");
    assertThat(status.status()).isEqualTo(JobStatus.WORKER_ERROR);
    assertThat(status.error()).isEqualTo(error);
    String id = job.jobId();
    assertThat(keysInS3(id)).containsExactly("trainer/" + id + "/error.json", "trainer/" + id + "/running",
        "trainer/" + id + "/spec.json", "trainer/" + id + "/worker_error");
    assertThat(cluster((config, context) -> {}).getTaskJob("trainer", id).error()).isEqualTo(error);
  }

  @Test
  void taskThatIsStoppedIsInterruptedAndReadsStoppedFromS3() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    EmbeddedCortexClient cortex =
        cluster(
            (config, context) -> {
              started.countDown();
              try {
                new CountDownLatch(1).await();
              } finally {
                interrupted.countDown();
              }
            });
    TaskJobSpec job = cortex.submitTask("trainer", TaskSubmission.builder().build());
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    String id = job.jobId();
    assertThat(keysInS3(id)).containsExactly("in_progress/trainer/" + id, "trainer/" + id + "/running",
        "trainer/" + id + "/spec.json");

    cortex.stopJob("trainer", id);

    assertThat(interrupted.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(keysInS3(id)).containsExactly("trainer/" + id + "/running", "trainer/" + id + "/spec.json",
        "trainer/" + id + "/stopped");
    assertThat(cluster((config, context) -> {}).getTaskJob("trainer", id).status()).isEqualTo(JobStatus.STOPPED);
  }
}
