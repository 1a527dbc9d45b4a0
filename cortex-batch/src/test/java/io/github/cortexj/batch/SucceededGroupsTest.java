package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.JobSubmission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A worker records its successes a group at a time, and deletes their messages only once they are recorded. */
class SucceededGroupsTest {

  private BatchCluster cluster = new BatchCluster();

  @AfterEach
  void close() {

    cluster.close();
  }

  @Test
  void aSucceededBatchWaitingForItsGroupIsNeverDeliveredAgain() {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger deliveries = new AtomicInteger();
    cluster.deploy(
        (batch, context) -> {
          deliveries.incrementAndGet();
          if (batch.get(0).asInt() == 2) {
            release.await(); // batch 1 succeeded just before: it waits, in flight, for this one
          }
        });
    JobSpec spec = cluster.submit(JobSubmission.items(List.of(1, 2)).batchSize(1).workers(1).build());
    Eventually.until("the second batch starts", () -> deliveries.get() == 2);
    String url = cluster.runtime.getJob(BatchCluster.API, spec.jobId()).jobSpec().sqsUrl();

    // Ten minutes of clock time, far past the 30 s visibility, in 5 s steps seen by the ticker. (A tick's
    // renewals read the clock too, so a step may end while a tick is still renewing: steps shorter than the
    // visibility's margin over the renewal period keep such a late renewal in time.)
    for (int step = 0; step < 120; step++) {
      cluster.clock.advance(Duration.ofSeconds(5));
      long reads = cluster.clock.tickerReads();
      Eventually.until("two ticks", () -> cluster.clock.tickerReads() >= reads + 2);
      assertThat(cluster.queues.counts(url).visible())
          .as("visible at step %d: %s, records %s", step, cluster.queues.counts(url), cluster.store.listAll("cortex/"))
          .isZero();
    }
    release.countDown();

    BatchJobStatus status = cluster.awaitEnd(spec.jobId());
    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.batchMetrics().succeeded()).isEqualTo(2);
    assertThat(deliveries).hasValue(2);
  }

  @Test
  void successesWhoseRecordCannotBeWrittenAreDeliveredAgainAndCountedOnce() {
    cluster.close();
    AtomicBoolean failedOnce = new AtomicBoolean();
    cluster = new BatchCluster(store -> new FailingGroupWrite(store, failedOnce));
    ConcurrentHashMap<Integer, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    cluster.deploy(
        (batch, context) -> deliveries.computeIfAbsent(batch.get(0).asInt(), k -> new AtomicInteger()).incrementAndGet());

    JobSpec spec =
        cluster.submit(JobSubmission.items(IntStream.range(0, 30).boxed().toList()).batchSize(1).workers(1).build());
    BatchJobStatus status = cluster.awaitEnd(spec.jobId());

    assertThat(failedOnce).isTrue();
    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.batchMetrics().succeeded()).isEqualTo(30);
    assertThat(deliveries).hasSize(30);
    // The batches of the lost record ran again; none was lost.
    assertThat(deliveries.values().stream().mapToInt(AtomicInteger::get).sum()).isGreaterThan(30);
  }

  /** A store whose first write of a group of successes fails, as an S3 PUT may. */
  private static final class FailingGroupWrite extends ForwardingObjectStore {
    private final AtomicBoolean failedOnce;

    FailingGroupWrite(ObjectStore delegate, AtomicBoolean failedOnce) {
      super(delegate);
      this.failedOnce = failedOnce;
    }

    @Override
    public void put(String key, byte[] content, @Nullable String contentType) {
      if (key.contains("/.succeeded/") && failedOnce.compareAndSet(false, true)) {
        throw new BackendException("storage.unavailable", "injected failure writing " + key);
      }
      delegate.put(key, content, contentType);
    }
  }
}
