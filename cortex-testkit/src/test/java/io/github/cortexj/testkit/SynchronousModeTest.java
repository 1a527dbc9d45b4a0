package io.github.cortexj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SynchronousModeTest {

  @Test
  void submitJobReturnsOnceTheJobHasEnded() {
    try (CortexTestCluster cluster =
        CortexTestCluster.newInstance(TestClusterOptions.newBuilder().synchronous(true).build())) {
      cluster.deploy(ApiSpec.batch("reviews").handlerClass("unused.Placeholder").build(),
          init -> (BatchHandler) (batch, context) -> context.metrics().increment("items", batch.size()));

      JobSpec job = cluster.client().submitJob("reviews",
          JobSubmission.items(List.of(1, 2, 3)).batchSize(1).retry(2, Duration.ofMinutes(5)).build());

      assertThat(cluster.client().getJob("reviews", job.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(cluster.metrics().sum("items")).isEqualTo(3);
      assertThat(cluster.metrics().sum("cortex_batch_succeeded", Map.of("api_name", "reviews"))).isEqualTo(3);
    }
  }

  @Test
  void asynchronousModeReturnsAtOnce() {
    try (CortexTestCluster cluster = CortexTestCluster.newInstance()) {
      cluster.deploy(ApiSpec.batch("reviews").handlerClass("unused.Placeholder").build(),
          init -> (BatchHandler) (batch, context) -> new java.util.concurrent.CountDownLatch(1).await());

      JobSpec job = cluster.client().submitJob("reviews", JobSubmission.items(List.of(1)).build());

      assertThat(cluster.client().getJob("reviews", job.jobId()).status().isTerminal()).isFalse();
      assertThat(cluster.toString()).isEqualTo("CortexTestCluster[2024-01-01T00:00:00Z, time skipping]");
    }
  }

  @Test
  void optionsBuilderCopiesAndValidates() {
    TestClusterOptions options = TestClusterOptions.newBuilder().synchronous(true).workerThreads(3).build();

    assertThat(TestClusterOptions.newBuilder(options).build()).isEqualTo(options);
    assertThat(TestClusterOptions.getDefaultInstance().synchronous()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestClusterOptions.newBuilder().workerThreads(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workerThreads must be at least 1 (got 0)");
  }
}
