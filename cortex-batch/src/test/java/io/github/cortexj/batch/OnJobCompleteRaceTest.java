package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.job.JobSubmission;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OnJobCompleteRaceTest {

  private static final int ROUNDS = 25;
  private static final int WORKERS = 8;
  private static final int ITEMS = 60;

  @Test
  void runsOnJobCompleteExactlyOnceAfterEveryBatchWithManyWorkersRacing() {
    for (int round = 0; round < ROUNDS; round++) {
      try (BatchCluster cluster = new BatchCluster()) {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger completions = new AtomicInteger();
        AtomicInteger inFlightAtCompletion = new AtomicInteger(-1);
        AtomicInteger handledAtCompletion = new AtomicInteger(-1);
        cluster.deploy(
            new BatchHandler() {
              @Override
              public void handleBatch(List<JsonNode> batch, BatchContext context) {
                inFlight.incrementAndGet();
                if (batch.get(0).intValue() % 10 == 9) {
                  // Some batches take longer, so that others finish first and the queue looks empty early.
                  for (int i = 0; i < 2_000_000; i++) {
                    Thread.onSpinWait();
                  }
                }
                handled.incrementAndGet();
                inFlight.decrementAndGet();
              }

              @Override
              public void onJobComplete(JobSummary summary) {
                inFlightAtCompletion.set(inFlight.get());
                handledAtCompletion.set(handled.get());
                completions.incrementAndGet();
              }
            });

        JobSpec spec =
            cluster.submit(
                JobSubmission.items(IntStream.range(0, ITEMS).boxed().toList())
                    .batchSize(1)
                    .workers(WORKERS)
                    .build());
        assertThat(cluster.awaitEnd(spec.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);

        assertThat(completions).as("round %d", round).hasValue(1);
        assertThat(inFlightAtCompletion).as("round %d", round).hasValue(0);
        assertThat(handledAtCompletion).as("round %d", round).hasValue(ITEMS);
      }
    }
  }

  @Test
  void runsOnJobCompleteExactlyOnceWhenBatchesFailAndAreRetriedConcurrently() {
    for (int round = 0; round < ROUNDS; round++) {
      try (BatchCluster cluster = new BatchCluster()) {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger completions = new AtomicInteger();
        AtomicInteger inFlightAtCompletion = new AtomicInteger(-1);
        java.util.concurrent.atomic.AtomicReference<JobSummary> seen = new java.util.concurrent.atomic.AtomicReference<>();
        cluster.deploy(
            new BatchHandler() {
              @Override
              public void handleBatch(List<JsonNode> batch, BatchContext context) {
                inFlight.incrementAndGet();
                try {
                  int item = batch.get(0).intValue();
                  if (item % 7 == 0 && context.attempt() == 1) {
                    throw new IllegalStateException("transient");
                  }
                  if (item % 11 == 0) {
                    throw new IllegalStateException("permanent");
                  }
                } finally {
                  inFlight.decrementAndGet();
                }
              }

              @Override
              public void onJobComplete(JobSummary summary) {
                inFlightAtCompletion.set(inFlight.get());
                seen.set(summary);
                completions.incrementAndGet();
              }
            });

        JobSpec spec =
            cluster.submit(
                JobSubmission.items(IntStream.range(1, ITEMS + 1).boxed().toList())
                    .batchSize(1)
                    .workers(WORKERS)
                    .retry(2, java.time.Duration.ZERO)
                    .build());
        assertThat(cluster.awaitEnd(spec.jobId()).status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);

        assertThat(completions).as("round %d", round).hasValue(1);
        assertThat(inFlightAtCompletion).as("round %d", round).hasValue(0);
        // 11, 22, 33, 44, 55 fail for good; the multiples of 7 succeed on their second attempt.
        assertThat(seen.get().failedBatchCount()).as("round %d", round).isEqualTo(5);
        assertThat(seen.get().succeededBatchCount()).as("round %d", round).isEqualTo(ITEMS - 5);
      }
    }
  }
}
