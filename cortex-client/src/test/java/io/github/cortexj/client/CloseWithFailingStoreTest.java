package io.github.cortexj.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ObjectPage;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.ObjectStream;
import io.github.cortexj.core.backend.StoredObject;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Closing the client while its store fails (closed first, or down at shutdown) still interrupts every running
 * handler and stops the threads the client owns; what failed is thrown, typed, at the end.
 */
class CloseWithFailingStoreTest {

  /** An in-memory store whose writes fail once {@code down} is set. */
  private static final class StoreThatGoesDown implements ObjectStore {
    private final InMemoryObjectStore delegate = new InMemoryObjectStore("cortex");
    private final AtomicBoolean down = new AtomicBoolean();

    @Override
    public String bucket() {
      return delegate.bucket();
    }

    @Override
    public void put(String key, byte[] content, @Nullable String contentType) {
      failIfDown(key);
      delegate.put(key, content, contentType);
    }

    @Override
    public void put(String key, InputStream content, long length, @Nullable String contentType) {
      failIfDown(key);
      delegate.put(key, content, length, contentType);
    }

    private void failIfDown(String key) {
      if (down.get()) {
        throw new BackendException("storage.closed", "injected: the store is closed, writing " + key);
      }
    }

    @Override
    public Optional<StoredObject> get(String key) {
      return delegate.get(key);
    }

    @Override
    public Optional<ObjectStream> open(String key) {
      return delegate.open(key);
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
      return delegate.head(key);
    }

    @Override
    public ObjectPage list(String prefix, @Nullable String continuationToken, int maxKeys) {
      return delegate.list(prefix, continuationToken, maxKeys);
    }

    @Override
    public void delete(String key) {
      delegate.delete(key);
    }

    @Override
    public int deleteByPrefix(String prefix) {
      return delegate.deleteByPrefix(prefix);
    }
  }

  @Test
  void runningBatchWorkersAndTasksAreInterruptedAndTheirThreadsEndEvenWhenNothingCanBeRecorded() throws Exception {
    StoreThatGoesDown store = new StoreThatGoesDown();
    EmbeddedCortexClient client = EmbeddedCortexClient.builder().objectStore(store).workerThreads(4).build();
    Set<Thread> handlerThreads = ConcurrentHashMap.newKeySet();
    CountDownLatch running = new CountDownLatch(3);
    CountDownLatch interrupted = new CountDownLatch(3);
    client.createApi(
        ApiSpec.batch("scores").handlerClass("unused.Placeholder").build(),
        Handlers.batch(init -> (batch, context) -> block(handlerThreads, running, interrupted)));
    client.createApi(
        ApiSpec.task("nightly").handlerClass("unused.Placeholder").build(),
        Handlers.task(init -> (config, context) -> block(handlerThreads, running, interrupted)));
    client.submitJob("scores", JobSubmission.items(List.of(1, 2, 3, 4)).batchSize(1).workers(2).build());
    client.submitTask("nightly", TaskSubmission.builder().build());
    assertThat(running.await(30, TimeUnit.SECONDS)).as("2 batch workers and a task running").isTrue();
    store.down.set(true);

    Throwable failure = null;
    try {
      client.close();
    } catch (RuntimeException e) {
      failure = e;
    }

    if (failure != null) {
      assertThat(failure).isInstanceOf(CortexException.class);
    }
    assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("every handler interrupted").isTrue();
    for (Thread thread : handlerThreads) {
      thread.join(Duration.ofSeconds(30).toMillis());
      assertThat(thread.isAlive()).as(thread.getName() + " has ended").isFalse();
    }
  }

  private static void block(Set<Thread> threads, CountDownLatch running, CountDownLatch interrupted) {
    threads.add(Thread.currentThread());
    running.countDown();
    try {
      new CountDownLatch(1).await(); // until interrupted
    } catch (InterruptedException e) {
      interrupted.countDown();
      Thread.currentThread().interrupt();
    }
  }
}
