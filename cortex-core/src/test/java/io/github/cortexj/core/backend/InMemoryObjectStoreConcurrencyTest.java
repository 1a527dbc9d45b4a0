package io.github.cortexj.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.internal.backend.LayeredObjects;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Lists an {@link InMemoryObjectStore} while other threads put and delete keys in the same directories (creating
 * and emptying them all the time), and checks what a listing promises: keys in UTF-8 order, each once, every key
 * present throughout, none deleted before it started; and that each writer reads its own writes. Once with the
 * default sizes, once with layers so small that packing and merging run all the time, in the background.
 */
class InMemoryObjectStoreConcurrencyTest {

  private static final Comparator<String> UTF8_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private static final byte[] CONTENT = "x".getBytes(StandardCharsets.UTF_8);

  @Test
  void listingsSeeKeysPresentThroughoutInOrderAndNoneDeletedBeforeThem() throws Exception {
    check(new InMemoryObjectStore("cortex-bucket", new MutableClock()));
  }

  @Test
  void listingsAndReadsStayRightWhileTheLayersArePackedAndMergedInTheBackground() throws Exception {
    ExecutorService compaction = Executors.newSingleThreadExecutor();
    try {
      check(new InMemoryObjectStore("cortex-bucket", new MutableClock(), new LayeredObjects.Settings(3_000, 3,
          compaction)));
    } finally {
      compaction.shutdownNow();
    }
  }

  private void check(InMemoryObjectStore store) throws Exception {
    List<String> dirs = List.of("w/a/", "w/a/s/", "w/a-b/", "w/b/", "w/\uD83D\uDE00/", "w/\uFF21/");
    Set<String> stable = new HashSet<>();
    for (String dir : dirs) {
      stable.add(dir + "stable");
      store.put(dir + "stable", CONTENT, null);
    }
    List<String> doomed = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      String key = dirs.get(i % dirs.size()) + "doomed-" + i;
      doomed.add(key);
      store.put(key, CONTENT, null);
    }
    Set<String> deletedForGood = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> tasks = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      tasks.add(
          pool.submit(
              () -> {
                SplittableRandom random = new SplittableRandom(thread);
                start.await();
                for (int i = 0; i < 30_000; i++) {
                  String key = dirs.get(random.nextInt(dirs.size())) + "churn/" + thread + "-" + random.nextInt(4);
                  // Each churn key belongs to one thread, which must read what it last did.
                  if (random.nextBoolean()) {
                    byte[] content = ("v" + i).getBytes(StandardCharsets.UTF_8);
                    store.put(key, content, null);
                    assertThat(store.get(key)).as("read after put").map(StoredObject::content).contains(content);
                  } else {
                    store.delete(key);
                    assertThat(store.head(key)).as("read after delete").isEmpty();
                  }
                }
                return null;
              }));
    }
    tasks.add(
        pool.submit(
            () -> {
              start.await();
              for (String key : doomed) {
                store.delete(key);
                deletedForGood.add(key);
                Thread.yield(); // spread the deletes over the listings
              }
              return null;
            }));
    for (int t = 0; t < 2; t++) {
      tasks.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 300; i++) {
                  Set<String> deletedBefore = new HashSet<>(deletedForGood);
                  List<String> listed = listAll(store, i % 2 == 0 ? "" : "w/a", 1 + i % 50);
                  assertThat(listed).isSortedAccordingTo(UTF8_ORDER);
                  assertThat(new HashSet<>(listed)).hasSize(listed.size());
                  if (i % 2 == 0) {
                    assertThat(listed).containsAll(stable);
                  } else {
                    assertThat(listed).allMatch(key -> key.startsWith("w/a")).contains("w/a/stable", "w/a/s/stable");
                  }
                  assertThat(listed).noneMatch(deletedBefore::contains);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> task : tasks) {
      task.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
  }

  private static List<String> listAll(InMemoryObjectStore store, String prefix, int maxKeys) {
    List<String> keys = new ArrayList<>();
    @Nullable String token = null;
    do {
      ObjectPage page = store.list(prefix, token, maxKeys);
      page.objects().forEach(info -> keys.add(info.key()));
      token = page.nextToken();
    } while (token != null);
    return keys;
  }
}
