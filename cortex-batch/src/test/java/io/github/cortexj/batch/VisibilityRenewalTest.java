package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.backend.QueueCounts;
import io.github.cortexj.core.job.JobSubmission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VisibilityRenewalTest {

  private final BatchCluster cluster = new BatchCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void keepsASlowBatchInvisibleLongPastTheInitialVisibility() {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger deliveries = new AtomicInteger();
    cluster.deploy(
        (batch, context) -> {
          deliveries.incrementAndGet();
          release.await();
        });
    JobSpec spec = cluster.submit(JobSubmission.items(List.of(1)).workers(2).build());
    Eventually.until("the batch starts", () -> deliveries.get() == 1);
    String url = cluster.runtime.getJob(BatchCluster.API, spec.jobId()).jobSpec().sqsUrl();

    // Ten minutes of clock time in 10 s steps; after each step the ticker runs twice (so one full tick saw it).
    for (int step = 0; step < 60; step++) {
      cluster.clock.advance(Duration.ofSeconds(10));
      long reads = cluster.clock.tickerReads();
      Eventually.until("two ticks", () -> cluster.clock.tickerReads() >= reads + 2);
      QueueCounts counts = cluster.queues.counts(url);
      assertThat(counts.visible()).as("visible at step %d", step).isZero();
    }
    assertThat(deliveries).hasValue(1);

    release.countDown();
    assertThat(cluster.awaitEnd(spec.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(deliveries).hasValue(1);
  }
}
