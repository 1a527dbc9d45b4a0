package io.github.cortexj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.testkit.Faults.QueueCall;
import io.github.cortexj.testkit.Faults.StoreCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault, and the runtime's guarantees under it: nothing lost, onJobComplete once, right counts. */
class FaultInjectionTest {

  private static final List<Integer> ITEMS = List.of(1, 2, 3, 4, 5, 6);

  private final CortexTestCluster cluster = CortexTestCluster.newInstance();
  private final Map<Integer, AtomicInteger> handled = new ConcurrentHashMap<>();
  private final AtomicInteger completions = new AtomicInteger();

  @BeforeEach
  void deploy() {
    cluster.deploy(
        ApiSpec.batch("reviews").handlerClass("unused.Placeholder").build(),
        init ->
            new BatchHandler() {
              @Override
              public void handleBatch(List<JsonNode> batch, BatchContext context) {
                batch.forEach(item -> handled.computeIfAbsent(item.intValue(), i -> new AtomicInteger())
                    .incrementAndGet());
              }

              @Override
              public void onJobComplete(JobSummary summary) {
                completions.incrementAndGet();
              }
            });
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  private JobSpec submit() {
    return cluster.client().submitJob("reviews", JobSubmission.items(ITEMS).batchSize(2).workers(2).build());
  }

  private int timesHandled(int item) {
    AtomicInteger count = handled.get(item);
    return count == null ? 0 : count.get();
  }

  private void assertEveryItemHandledAtLeastOnceAndCompletedOnce() {
    for (int item : ITEMS) {
      assertThat(timesHandled(item)).as("item %d", item).isPositive();
    }
    assertThat(completions).hasValue(1);
  }

  @Test
  void crashedWorkersBatchComesBackAfterItsVisibilityTimeoutAndIsHandledAgain() {
    cluster.faults().crashWorkerOnBatch(1);

    JobSpec job = submit();

    cluster.assertThatJob("reviews", job.jobId())
        .succeeded()
        .hasBatchStatistics(stats -> stats.total(3).succeeded(3).failed(0).failedAttempts(0));
    assertEveryItemHandledAtLeastOnceAndCompletedOnce();
    // The crashed worker's batch runs again, and so do the successes it held unrecorded (up to 10 a group).
    assertThat(handled.values().stream().mapToInt(AtomicInteger::get).sum())
        .isBetween(ITEMS.size() + 2, 2 * ITEMS.size());
    assertThat(Duration.between(ManualClock.DEFAULT_START, cluster.clock().instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(cluster.faults().fired()).hasSize(2);
    assertThat(cluster.faults().fired().get(0)).startsWith("the worker that received batch ")
        .endsWith(" (attempt 1) will crash: no renewal, no outcome, no delete");
    assertThat(cluster.timeline()).contains("(attempt 2)");
  }

  @Test
  void batchWhoseVisibilityExpiresEarlyIsNotHandledTwice() {
    cluster.faults().expireVisibilityEarly(1);

    JobSpec job = submit();

    cluster.assertThatJob("reviews", job.jobId())
        .succeeded()
        .hasBatchStatistics(stats -> stats.total(3).succeeded(3).failed(0).failedAttempts(0));
    assertEveryItemHandledAtLeastOnceAndCompletedOnce();
    assertThat(cluster.faults().fired()).singleElement().asString().startsWith("expired the visibility of batch ");
  }

  @Test
  void batchDeliveredTwiceIsCountedOnceAndCompletesTheJobOnce() {
    cluster.faults().deliverTwice(1);

    JobSpec job = submit();

    // At least once: a duplicate that arrives before the first copy is registered may run too (docs/testing.md,
    // "Limits"), but the batch counts once and the job completes once.
    cluster.assertThatJob("reviews", job.jobId())
        .succeeded()
        .hasBatchStatistics(stats -> stats.total(3).succeeded(3).failed(0).failedAttempts(0));
    assertEveryItemHandledAtLeastOnceAndCompletedOnce();
    assertThat(handled.values().stream().mapToInt(AtomicInteger::get).sum())
        .isBetween(ITEMS.size(), ITEMS.size() + 2);
    assertThat(cluster.faults().fired()).hasSize(2).last().asString().endsWith(" a second time");
  }

  @Test
  void lostBatchOutcomeWriteMakesTheBatchRunAgain() {
    cluster.faults().failStoreCall(StoreCall.PUT, ".succeeded/", 1);

    JobSpec job = submit();

    cluster.assertThatJob("reviews", job.jobId())
        .succeeded()
        .hasBatchStatistics(stats -> stats.total(3).succeeded(3).failedAttempts(0));
    assertEveryItemHandledAtLeastOnceAndCompletedOnce();
    // Every batch of the lost group (1 to 3 here) runs again.
    assertThat(handled.values().stream().mapToInt(AtomicInteger::get).sum())
        .isBetween(ITEMS.size() + 2, 2 * ITEMS.size());
    assertThat(cluster.faults().fired()).singleElement().asString()
        .startsWith("injected fault: PUT call #1 to the object store on a key containing \".succeeded/\" (key ")
        .contains("/batch_outcomes/reviews/" + job.jobId() + "/.succeeded/");
  }

  @Test
  void failedDeleteLetsTheBatchReturnButItIsNotHandledAgain() {
    cluster.faults().failQueueCall(QueueCall.DELETE_BATCH, 1); // successes are deleted a group at a time

    JobSpec job = submit();

    cluster.assertThatJob("reviews", job.jobId()).succeeded().hasBatchStatistics(stats -> stats.succeeded(3));
    assertEveryItemHandledAtLeastOnceAndCompletedOnce();
    for (int item : ITEMS) {
      assertThat(timesHandled(item)).as("item %d", item).isEqualTo(1);
    }
    assertThat(cluster.faults().fired()).singleElement().asString()
        .startsWith("injected fault: DELETE_BATCH call #1 to the queue backend (queue ");
  }

  @Test
  void handlerThatExceedsTheBatchTimeoutIsInterruptedAndItsBatchFails() {
    cluster.faults().hangBatch(1);

    JobSpec job = cluster.client().submitJob("reviews",
        JobSubmission.items(ITEMS).batchSize(2).workers(1).batchTimeout(Duration.ofMinutes(10)).build());

    cluster.assertThatJob("reviews", job.jobId())
        .completedWithFailures()
        .hasBatchStatistics(stats -> stats.total(3).succeeded(2).failed(1).failedAttempts(1));
    List<FailedBatch> failed = cluster.client().failedBatches("reviews", job.jobId());
    assertThat(failed).singleElement().satisfies(batch -> {
      assertThat(batch.errorType()).isEqualTo("java.util.concurrent.TimeoutException");
      assertThat(batch.errorMessage()).isEqualTo("batch " + batch.batchId() + " did not finish within PT10M; interrupted");
      assertThat(batch.attempts()).isEqualTo(1);
    });
    assertThat(completions).hasValue(1);
    assertThat(Duration.between(ManualClock.DEFAULT_START, cluster.clock().instant()))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
  }
}
