package io.github.cortexj.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.testkit.CortexTestCluster;
import io.github.cortexj.testkit.TestClusterOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test-cluster scenario run twice: on the in-memory backends (virtual time) and on {@link SqsQueueBackend} +
 * {@link S3ObjectStore} against ElasticMQ + S3Proxy (wall time: those servers keep their own time, so the test
 * cluster does not skip it). The test code is the same; only {@link TestClusterOptions#queueBackend()} differs.
 */
@DisplayName("CortexTestCluster on the in-memory and on the AWS backends")
class TestClusterOnBackendsIntegrationTest {

  private static LocalAwsServers servers;

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
  void close() throws Exception {
    Collections.reverse(resources);
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  static Stream<Arguments> backends() {
    Function<TestClusterOnBackendsIntegrationTest, TestClusterOptions> inMemory =
        test -> TestClusterOptions.getDefaultInstance();
    Function<TestClusterOnBackendsIntegrationTest, TestClusterOptions> aws = test -> test.awsOptions();
    return Stream.of(Arguments.of("in memory", inMemory), Arguments.of("ElasticMQ + S3Proxy", aws));
  }

  private TestClusterOptions awsOptions() {
    SqsQueueBackend queues = SqsQueueBackend.create(servers.sqsOptions().build());
    S3ObjectStore store = S3ObjectStore.create(servers.s3Options("testkit-" + UUID.randomUUID() + "/").build());
    resources.add(queues);
    resources.add(store);
    return TestClusterOptions.newBuilder()
        .backends(queues, store)
        .clusterName("tk-" + UUID.randomUUID().toString().substring(0, 8))
        .awaitTimeout(Duration.ofSeconds(120))
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void retriedAndTwiceDeliveredBatchesEndTheJobOnceWithEveryItemHandled(
      String name, Function<TestClusterOnBackendsIntegrationTest, TestClusterOptions> options) {
    Map<Integer, AtomicInteger> handled = new ConcurrentHashMap<>();
    AtomicInteger completions = new AtomicInteger();
    CortexTestCluster cluster = CortexTestCluster.newInstance(options.apply(this));
    resources.add(cluster);
    cluster.deploy(ApiSpec.batch("recorder").handlerClass("unused.Placeholder").build(), init -> new BatchHandler() {
      @Override
      public void handleBatch(List<JsonNode> batch, BatchContext context) {
        if (batch.get(0).intValue() == 1 && context.attempt() == 1) {
          throw new IllegalStateException("first attempt of the first batch fails");
        }
        batch.forEach(item -> handled.computeIfAbsent(item.intValue(), i -> new AtomicInteger()).incrementAndGet());
      }

      @Override
      public void onJobComplete(JobSummary summary) {
        completions.incrementAndGet();
      }
    });
    cluster.faults().deliverTwice(3);

    JobSpec job = cluster.client().submitJob("recorder", JobSubmission.items(List.of(1, 2, 3, 4, 5, 6))
        .batchSize(2).workers(2).retry(2, Duration.ofSeconds(1)).build());

    cluster.assertThatJob("recorder", job.jobId())
        .succeeded()
        .hasBatchStatistics(stats -> stats.total(3).succeeded(3).failed(0).failedAttempts(1));
    assertThat(completions).hasValue(1);
    assertThat(handled.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    // At least once: the duplicate may run beside the first copy; the batch still counts once.
    assertThat(handled.values()).allSatisfy(count -> assertThat(count.get()).isBetween(1, 2));
    assertThat(cluster.faults().fired()).hasSize(2);
  }
}
