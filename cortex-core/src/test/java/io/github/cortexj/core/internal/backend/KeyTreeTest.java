package io.github.cortexj.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyTreeTest {

  private final KeyTree<String> tree = new KeyTree<>();

  @Test
  void removingTheLastKeyOfADirectoryRemovesItAndItsEmptyParents() {
    tree.put("a/x", "1");
    tree.put("a/b/c/d", "2");

    tree.remove("a/b/c/d");

    assertThat(tree.directoryCount()).isEqualTo(1);
    assertThat(entries("")).containsExactly(Map.entry("a/x", "1"));
  }

  @Test
  void removingEveryKeyLeavesNoDirectory() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3 * KeyTree.ARRAY_LIMIT; i++) {
      keys.add("workloads/api/" + i + "/status/in_queue");
      keys.add("workloads/api/" + i + "/payload");
      keys.add("top" + i);
    }
    keys.forEach(key -> tree.put(key, key));

    keys.forEach(tree::remove);

    assertThat(tree.directoryCount()).isZero();
    assertThat(entries("")).isEmpty();
  }

  @Test
  void listsADirectoryThatOutgrewItsArrayInKeyOrderAfterAKey() {
    TreeMap<String, String> expected = new TreeMap<>();
    for (int i = 0; i < 2 * KeyTree.ARRAY_LIMIT; i++) {
      String key = "dir/" + (char) ('0' + i) + (i % 3 == 0 ? "/x" : "");
      tree.put(key, key);
      expected.put(key, key);
    }
    tree.put("dir/0-", "dir/0-"); // sorts before dir/0/x, as '-' before '/'
    expected.put("dir/0-", "dir/0-");

    List<String> listed = new ArrayList<>();
    tree.visit("dir/", "dir/0-", (key, value) -> listed.add(key));

    assertThat(listed).isEqualTo(new ArrayList<>(expected.tailMap("dir/0-", false).keySet()));
  }

  @Test
  void removeAllRemovesTheKeysWithThePrefixCountsThemAndLeavesNoEmptyDirectory() {
    for (int i = 0; i < 2 * KeyTree.ARRAY_LIMIT; i++) {
      tree.put("w/" + i + "/payload", "p");
      tree.put("w/" + i + "/status/in_queue", "q");
    }
    tree.put("w/1-other", "o");

    int removed = tree.removeAll("w/1");

    // w/1/..., w/1-other and w/10/... to w/19/...: eleven requests of two keys, and one key
    assertThat(removed).isEqualTo(23);
    assertThat(entries("w/1")).isEmpty();
    assertThat(entries("w/2/")).containsOnlyKeys("w/2/payload", "w/2/status/in_queue");
    assertThat(tree.directoryCount()).isEqualTo(1 + 2 * (2 * KeyTree.ARRAY_LIMIT - 11));
  }

  @Test
  void stopsWhenTheVisitorDeclines() {
    tree.put("a/1", "1");
    tree.put("a/2", "2");
    tree.put("a/3", "3");

    List<String> listed = new ArrayList<>();
    tree.visit("a/", null, (key, value) -> listed.add(key) && listed.size() < 2);

    assertThat(listed).containsExactly("a/1", "a/2");
  }

  /**
   * Threads put and remove their own keys in shared directories, so that directories are created and removed under
   * each other constantly: no put is lost to a directory removed under it, and none is left behind at the end.
   */
  @Test
  void concurrentPutsAndRemovesInSharedDirectoriesLoseNothingAndLeaveNothingBehind() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Map<String, String>>> outcomes = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      outcomes.add(
          pool.submit(
              () -> {
                SplittableRandom random = new SplittableRandom(thread);
                Map<String, String> mine = new HashMap<>();
                start.await();
                for (int i = 0; i < 40_000; i++) {
                  String key =
                      "d" + random.nextInt(3) + "/e" + random.nextInt(2) + "/t" + thread + "-" + random.nextInt(3);
                  int action = random.nextInt(10);
                  if (action == 0) {
                    // this thread's keys in the key's directory
                    String prefix = key.substring(0, key.lastIndexOf('-') + 1);
                    int expected = (int) mine.keySet().stream().filter(k -> k.startsWith(prefix)).count();
                    assertThat(tree.removeAll(prefix)).as("removed under %s", prefix).isEqualTo(expected);
                    mine.keySet().removeIf(k -> k.startsWith(prefix));
                  } else if (action < 6) {
                    String value = key + "@" + i;
                    tree.put(key, value);
                    mine.put(key, value);
                    assertThat(tree.get(key)).as("just put %s", key).isEqualTo(value);
                  } else {
                    assertThat(tree.remove(key)).as("removed %s", key).isEqualTo(mine.remove(key));
                    assertThat(tree.get(key)).as("just removed %s", key).isNull();
                  }
                }
                return mine;
              }));
    }
    start.countDown();
    Map<String, String> expected = new TreeMap<>();
    for (Future<Map<String, String>> outcome : outcomes) {
      expected.putAll(outcome.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(entries("")).isEqualTo(expected);
    expected.keySet().forEach(tree::remove);
    assertThat(tree.directoryCount()).isZero();
  }

  private Map<String, String> entries(String prefix) {
    Map<String, String> entries = new java.util.LinkedHashMap<>();
    tree.visit(prefix, null, (key, value) -> entries.put(key, value) == null);
    return entries;
  }
}
