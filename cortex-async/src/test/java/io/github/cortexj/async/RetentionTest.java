package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ObjectPage;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.ObjectStream;
import io.github.cortexj.core.backend.StoredObject;
import io.github.cortexj.core.job.AsyncRequestNotFoundException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retention (§8.3), counted from each request's end, on the manual clock. */
class RetentionTest {

  private static final String PREFIX = "cortex/workloads/scorer/";

  private final AsyncCluster cluster = new AsyncCluster();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void close() {
    release.countDown();
    cluster.close();
  }

  @Test
  void purgesACompletedRequestSevenDaysAfterItEndedInMillisecondsOfWallTime() {
    cluster.deploy((payload, context) -> Map.of("ok", true));
    String id = cluster.submit("kept", "{}", "application/json");
    cluster.awaitEnd(id);
    long started = System.nanoTime();

    cluster.advance(Duration.ofDays(7).minusSeconds(1));
    AsyncStatus before = cluster.runtime.get(AsyncCluster.API, id).status();
    cluster.advance(Duration.ofSeconds(1));
    Throwable after = org.assertj.core.api.Assertions.catchThrowable(() -> cluster.runtime.get(AsyncCluster.API, id));
    cluster.advance(Duration.ofMinutes(1)); // the purge period: the objects themselves go at the next purge

    Duration wall = Duration.ofNanos(System.nanoTime() - started);
    assertThat(before).isEqualTo(AsyncStatus.COMPLETED);
    assertThat(after).isInstanceOf(AsyncRequestNotFoundException.class).hasMessage("error: id kept not found");
    assertThat(cluster.store.listAll(PREFIX + "kept/")).isEmpty();
    assertThat(wall).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void purgesEveryExpiredRequestAcrossListingPages() {
    cluster.deploy((payload, context) -> Map.of("ok", true));
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ids.add(cluster.submit("r" + i, "{}", "application/json"));
    }
    ids.forEach(cluster::awaitEnd);
    int stored = cluster.store.listAll(PREFIX).size();

    cluster.advance(Duration.ofDays(7));

    assertThat(stored).isGreaterThan(1000); // more than one page of the store's listing
    assertThat(cluster.store.listAll(PREFIX)).isEmpty();
  }

  @Test
  void purgesAFailedRequestWithItsError() {
    cluster.deploy(
        (payload, context) -> {
          throw new IllegalStateException("no");
        });
    String id = cluster.submit("broken", "{}", "application/json");
    cluster.awaitEnd(id);

    cluster.advance(Duration.ofDays(7));

    assertThatThrownBy(() -> cluster.runtime.get(AsyncCluster.API, id))
        .isInstanceOf(AsyncRequestNotFoundException.class);
    assertThat(cluster.store.listAll(PREFIX + "broken/")).isEmpty();
  }

  @Test
  void countsRetentionFromTheEndNotFromSubmission() {
    cluster.deploy(
        (payload, context) -> {
          release.await();
          return Map.of();
        });
    String id = cluster.submit("long", "{}", "application/json");
    cluster.awaitStatus(id, AsyncStatus.IN_PROGRESS);
    cluster.advance(Duration.ofDays(3));
    release.countDown();
    cluster.awaitEnd(id);

    cluster.advance(Duration.ofDays(6));

    assertThat(cluster.runtime.get(AsyncCluster.API, id).status()).isEqualTo(AsyncStatus.COMPLETED);
    assertThat(cluster.store.head(PREFIX + "long/status/in_queue")).isPresent();
  }

  @Test
  void keepsRequestsThatHaveNotEnded() {
    cluster.deploy(
        (payload, context) -> {
          release.await();
          return Map.of();
        });
    String running = cluster.submit("running", "{}", "application/json");
    cluster.awaitStatus(running, AsyncStatus.IN_PROGRESS);
    cluster.submit("queued", "{}", "application/json");

    cluster.advance(Duration.ofDays(30));

    assertThat(cluster.runtime.get(AsyncCluster.API, "running").status()).isEqualTo(AsyncStatus.IN_PROGRESS);
    assertThat(cluster.runtime.get(AsyncCluster.API, "queued").status()).isEqualTo(AsyncStatus.IN_QUEUE);
  }

  @Test
  void usesTheConfiguredRetention() {
    cluster.close();
    try (AsyncCluster shortLived = new AsyncCluster(builder -> builder.retention(Duration.ofHours(1)))) {
      shortLived.deploy((payload, context) -> Map.of());
      String id = shortLived.submitJson("{}");
      shortLived.awaitEnd(id);

      shortLived.advance(Duration.ofHours(1));

      assertThatThrownBy(() -> shortLived.runtime.get(AsyncCluster.API, id))
          .isInstanceOf(AsyncRequestNotFoundException.class);
    }
  }

  @Test
  void scansTheStoreForExpiredRequestsOnlyOnceSomethingCanHaveExpired() {
    cluster.close();
    AtomicReference<ListingCounter> counter = new AtomicReference<>();
    UnaryOperator<ObjectStore> counting =
        store -> {
          counter.set(new ListingCounter(store));
          return counter.get();
        };
    try (AsyncCluster counted = new AsyncCluster(counting, builder -> builder)) {
      counted.deploy((payload, context) -> Map.of("ok", true));
      counted.advance(Duration.ofMinutes(1)); // the first purge runs at the first tick
      String id = counted.submitJson("{}");
      counted.awaitEnd(id);
      int afterFirstPurge = counter.get().apiListings.get();

      for (int minute = 0; minute < 5; minute++) {
        counted.advance(Duration.ofMinutes(1));
      }
      int withinRetention = counter.get().apiListings.get();
      counted.advance(Duration.ofDays(7));

      assertThat(afterFirstPurge).isEqualTo(1);
      assertThat(withinRetention).isEqualTo(1);
      assertThat(counter.get().apiListings.get()).isEqualTo(2);
      assertThatThrownBy(() -> counted.runtime.get(AsyncCluster.API, id))
          .isInstanceOf(AsyncRequestNotFoundException.class);
      assertThat(counted.store.listAll(PREFIX)).isEmpty();
    }
  }

  /** Counts the listings of the whole API (the purge's), and passes every call on. */
  private static final class ListingCounter implements ObjectStore {
    private final ObjectStore store;
    private final AtomicInteger apiListings = new AtomicInteger();

    ListingCounter(ObjectStore store) {
      this.store = store;
    }

    @Override
    public String bucket() {
      return store.bucket();
    }

    @Override
    public void put(String key, byte[] content, @Nullable String contentType) {
      store.put(key, content, contentType);
    }

    @Override
    public void put(String key, InputStream content, long length, @Nullable String contentType) {
      store.put(key, content, length, contentType);
    }

    @Override
    public Optional<StoredObject> get(String key) {
      return store.get(key);
    }

    @Override
    public Optional<ObjectStream> open(String key) {
      return store.open(key);
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
      return store.head(key);
    }

    @Override
    public ObjectPage list(String prefix, @Nullable String continuationToken, int maxKeys) {
      if (prefix.equals(PREFIX) && continuationToken == null) {
        apiListings.incrementAndGet();
      }
      return store.list(prefix, continuationToken, maxKeys);
    }

    @Override
    public void delete(String key) {
      store.delete(key);
    }

    @Override
    public int deleteByPrefix(String prefix) {
      return store.deleteByPrefix(prefix);
    }
  }
}
