package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.job.JobSubmission;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Closing stops every job, its workers and the ticker even when the store can no longer record anything. */
class CloseWithFailingStoreTest {

  /** A store whose writes fail once {@code down} is set, as a backend closed first or S3 down at shutdown. */
  private static final class StoreThatGoesDown extends ForwardingObjectStore {
    private final AtomicBoolean down;

    StoreThatGoesDown(ObjectStore delegate, AtomicBoolean down) {
      super(delegate);
      this.down = down;
    }

    @Override
    public void put(String key, byte[] content, @Nullable String contentType) {
      if (down.get()) {
        throw new BackendException("storage.closed", "injected: the store is closed, writing " + key);
      }
      delegate.put(key, content, contentType);
    }
  }

  @Test
  void closingWhileTheStoreFailsStillInterruptsEveryWorkerOfEveryJobAndStopsTheTicker() throws Exception {
    AtomicBoolean down = new AtomicBoolean();
    CountDownLatch running = new CountDownLatch(4);
    CountDownLatch interrupted = new CountDownLatch(4);
    BatchCluster cluster = new BatchCluster(store -> new StoreThatGoesDown(store, down));
    cluster.deploy(
        (batch, context) -> {
          running.countDown();
          try {
            new CountDownLatch(1).await(); // until interrupted
          } catch (InterruptedException e) {
            interrupted.countDown();
            Thread.currentThread().interrupt();
          }
        });
    List<Integer> items = IntStream.range(0, 10).boxed().toList();
    cluster.submit(JobSubmission.items(items).batchSize(1).workers(2).build());
    cluster.submit(JobSubmission.items(items).batchSize(1).workers(2).build());
    assertThat(running.await(30, TimeUnit.SECONDS)).as("4 workers of 2 jobs handling a batch").isTrue();
    down.set(true);

    assertThatCode(() -> cluster.runtime.close()).doesNotThrowAnyException();

    assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("every handler interrupted").isTrue();
    Eventually.until(
        "the ticker has stopped",
        () -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("cortex-batch-ticker")));
    cluster.close();
  }
}
