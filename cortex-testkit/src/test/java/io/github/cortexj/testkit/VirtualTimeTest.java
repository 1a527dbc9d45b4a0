package io.github.cortexj.testkit;

import static io.github.cortexj.testkit.CortexAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.core.job.JobSubmission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

public class VirtualTimeTest {

  private static final ApiSpec API = ApiSpec.batch("reviews").handlerClass("unused.Placeholder").build();

  private final CortexTestCluster cluster = CortexTestCluster.newInstance();

  @AfterEach
  void close() {
    cluster.close();
  }

  /** Fails the first delivery of every batch. */
  public static final class FailsFirstAttempt implements BatchHandler {
    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {
      if (context.attempt() == 1) {
        throw new IllegalStateException("downstream unavailable");
      }
    }
  }

  @Test
  void jobWithOneHourTimeoutTimesOutAfterExactlyOneHourInAFewSecondsOfWallTime() {
    cluster.deploy(API, init -> (BatchHandler) (batch, context) -> new CountDownLatch(1).await());
    long wallStart = System.nanoTime();

    JobSpec job = cluster.client().submitJob("reviews",
        JobSubmission.items(List.of(1, 2)).batchSize(1).workers(1).timeout(Duration.ofHours(1)).build());

    cluster.assertThatJob("reviews", job.jobId()).timedOut().ranFor(Duration.ofHours(1));
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void retryAfterAThirtyMinuteBackoffSucceedsInAFewSecondsOfWallTime() {
    cluster.deploy(API, FailsFirstAttempt.class);
    long wallStart = System.nanoTime();

    JobSpec job = cluster.client().submitJob("reviews",
        JobSubmission.items(List.of(1, 2, 3)).batchSize(1).workers(2).retry(2, Duration.ofMinutes(30)).build());

    cluster.assertThatJob("reviews", job.jobId())
        .succeeded()
        .hasBatchStatistics(stats -> stats.total(3).succeeded(3).failed(0).failedAttempts(3));
    assertThat(Duration.between(ManualClock.DEFAULT_START, cluster.clock().instant()))
        .isBetween(Duration.ofMinutes(30), Duration.ofMinutes(31));
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void jobWithoutDeadlinesEndsWithoutSkippingTime() {
    cluster.deploy(API, init -> (BatchHandler) (batch, context) -> {});

    JobSpec job = cluster.client().submitJob("reviews",
        JobSubmission.items(List.of(1, 2, 3, 4)).batchSize(2).workers(2).build());

    assertThat(cluster.awaitJob("reviews", job.jobId())).succeeded().hasProcessedBatches(2);
    assertThat(Duration.between(ManualClock.DEFAULT_START, cluster.clock().instant()))
        .isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void awaitIdleRunsEveryJobToItsEndAcrossAnHourOfBackoff() {
    cluster.deploy(API, FailsFirstAttempt.class);
    JobSpec slow = cluster.client().submitJob("reviews",
        JobSubmission.items(List.of(1)).batchSize(1).retry(2, Duration.ofHours(1)).build());
    JobSpec fast = cluster.client().submitJob("reviews",
        JobSubmission.items(List.of(2)).batchSize(1).retry(2, Duration.ofMinutes(1)).build());

    cluster.awaitIdle();

    BatchJobStatus slowStatus = cluster.client().getJob("reviews", slow.jobId());
    BatchJobStatus fastStatus = cluster.client().getJob("reviews", fast.jobId());
    assertThat(slowStatus).succeeded();
    assertThat(fastStatus).succeeded();
    // The retry runs when its backoff ends; the completion check follows within its 200 ms recheck delay.
    assertThat(Duration.between(slow.startTime(), slowStatus.endTime()))
        .isBetween(Duration.ofHours(1), Duration.ofHours(1).plusSeconds(1));
    assertThat(Duration.between(fast.startTime(), fastStatus.endTime()))
        .isBetween(Duration.ofMinutes(1), Duration.ofMinutes(1).plusSeconds(1));
  }

  @Test
  void awaitIdleOnAnEmptyClusterReturnsWithoutMovingTheClock() {
    cluster.awaitIdle();

    assertThat(cluster.clock().instant()).isEqualTo(ManualClock.DEFAULT_START);
  }

  @Test
  void advanceMovesTheClockByHand() {
    assertThat(cluster.advance(Duration.ofDays(7))).isEqualTo(ManualClock.DEFAULT_START.plus(Duration.ofDays(7)));
  }

  @Test
  void awaitThatCannotEndFailsWithTheTimeline() {
    CortexTestCluster impatient = CortexTestCluster.newInstance(
        TestClusterOptions.newBuilder().awaitTimeout(Duration.ofMillis(500)).build());
    try (impatient) {
      impatient.deploy(API, init -> (BatchHandler) (batch, context) -> new CountDownLatch(1).await());
      JobSpec job = impatient.client().submitJob("reviews",
          JobSubmission.items(List.of(1)).batchSize(1).workers(1).build());

      assertThatThrownBy(() -> impatient.awaitJob("reviews", job.jobId()))
          .isInstanceOf(AwaitTimeoutError.class)
          .hasMessageStartingWith("timed out after 0.500s of wall time waiting for job " + job.jobId()
              + " of reviews to end (cluster time +")
          .hasMessageContaining("=== Cortex test cluster timeline")
          .hasMessageContaining("BatchAPI reviews\n  job " + job.jobId() + ": running");
    }
  }
}
