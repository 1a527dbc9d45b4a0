package io.github.cortexj.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cortexj.core.internal.backend.LayeredObjects;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Checks {@link InMemoryObjectStore} against a sorted map of the same objects under random sequences of puts,
 * deletes, prefix deletes, reads and paged listings (resumed with tokens kept across changes). Keys are drawn from
 * few names, so that they collide, share directories (some with many entries) and sort around {@code /}: names
 * with characters below it, and characters whose UTF-16 and UTF-8 orders differ.
 */
class InMemoryObjectStoreModelTest {

  /** UTF-8 byte order, as S3 lists keys: the model's order, computed independently of the store's. */
  private static final Comparator<String> UTF8_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  /** Twenty names, so that some directories hold many keys. */
  private static final List<String> NAMES =
      List.of(
          "a", "a-b", "a.b", "a b", "ab", "b", "status", "in_queue", "completed", "result.json", "payload",
          "\uFF21", "\uD83D\uDE00", "\uE000x", "z", "z!", "0", "9", "A", "x\uD83D\uDE00y");

  private static final int STEP_KINDS = 8;

  @Test
  void agreesWithASortedMapOfTheObjects() {
    qt().withExamples(400)
        .forAll(steps())
        .checkAssert(steps -> new Run(LayeredObjects.Settings.defaults()).play(steps));
  }

  /** Layers of a few objects each, packed and merged on the writing thread: every path through the segments. */
  @Test
  void agreesWithASortedMapWhilePackingAndMergingAfterEveryFewWrites() {
    for (int fanout : new int[] {2, 3}) {
      qt().withExamples(400)
          .forAll(steps())
          .checkAssert(steps -> new Run(new LayeredObjects.Settings(400, fanout, Runnable::run)).play(steps));
    }
  }

  private static Gen<List<Step>> steps() {
    Gen<Integer> any = integers().between(0, 7999);
    Gen<Step> step = integers().between(0, STEP_KINDS - 1).zip(any, any, Step::new);
    return lists().of(step).ofSizeBetween(1, 80);
  }

  /** One action, chosen by {@code kind}, its details taken from {@code a} and {@code b}. */
  private record Step(int kind, int a, int b) {}

  private record ModelObject(byte[] content, @Nullable String contentType, Instant lastModified) {}

  /** A token a listing returned, with the last key of its page. */
  private record SavedToken(String token, String afterKey) {}

  private static final class Run {
    private final MutableClock clock = new MutableClock();
    private final InMemoryObjectStore store;
    private final TreeMap<String, ModelObject> model = new TreeMap<>(UTF8_ORDER);
    private final List<SavedToken> tokens = new ArrayList<>();

    Run(LayeredObjects.Settings layers) {
      store = new InMemoryObjectStore("cortex-bucket", clock, layers);
    }

    void play(List<Step> steps) {
      for (Step step : steps) {
        switch (step.kind()) {
          case 0, 1 -> put(key(step.a()), step.b());
          case 2 -> delete(key(step.a()));
          case 3 -> listAll(prefix(step.a(), step.b()), 1 + step.b() % 7);
          case 4 -> deleteByPrefix(prefix(step.a(), step.b()));
          case 5 -> fillDirectory(step.a());
          case 6 -> resume(step.a(), step.b());
          default -> read(key(step.a()));
        }
      }
      listAll("", 1000);
    }

    /** A key of one to three names. */
    private static String key(int a) {
      int depth = 1 + a % 3;
      int rest = a / 3;
      StringBuilder key = new StringBuilder(NAMES.get(rest % NAMES.size()));
      for (int i = 1; i < depth; i++) {
        rest /= NAMES.size();
        key.append('/').append(NAMES.get(rest % NAMES.size()));
      }
      return key.toString();
    }

    /** The start of a key, not splitting a surrogate pair; empty now and then. */
    private static String prefix(int a, int b) {
      String key = key(a);
      if (b % 10 == 0) {
        return "";
      }
      int end = 1 + b % key.length();
      if (end < key.length() && Character.isHighSurrogate(key.charAt(end - 1))) {
        end++;
      }
      return key.substring(0, end);
    }

    private void put(String key, int b) {
      byte[] content = b % 3 == 0 ? new byte[0] : ("v" + b).getBytes(StandardCharsets.UTF_8);
      String contentType = b % 4 == 0 ? null : "text/plain";
      clock.advance(Duration.ofMillis(b % 1500));
      store.put(key, content, contentType);
      model.put(key, new ModelObject(content, contentType, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    }

    private void delete(String key) {
      store.delete(key);
      model.remove(key);
      read(key);
    }

    private void read(String key) {
      ModelObject expected = model.get(key);
      assertThat(store.head(key).isPresent()).as("head %s", key).isEqualTo(expected != null);
      if (expected != null) {
        StoredObject object = store.get(key).orElseThrow();
        assertThat(object.content()).isEqualTo(expected.content());
        check(object.info(), key, expected);
      }
    }

    /** Puts every name in one directory, so that it holds many keys. */
    private void fillDirectory(int a) {
      String dir = key(a);
      for (int i = 0; i < NAMES.size(); i++) {
        put(dir + "/" + NAMES.get(i), a + i);
      }
    }

    private void deleteByPrefix(String prefix) {
      if (prefix.isEmpty() || isInvalidPrefix(prefix)) {
        return;
      }
      List<String> expected = new ArrayList<>(keysFrom(prefix, null));
      int deleted = store.deleteByPrefix(prefix);
      assertThat(deleted).as("deleted under %s", prefix).isEqualTo(expected.size());
      expected.forEach(model::remove);
      assertThat(store.list(prefix, null, 5).objects()).isEmpty();
    }

    /** Lists every page under a prefix and compares with the model, keeping a token now and then. */
    private void listAll(String prefix, int maxKeys) {
      if (isInvalidPrefix(prefix)) {
        return;
      }
      List<String> expected = keysFrom(prefix, null);
      List<String> listed = new ArrayList<>();
      @Nullable String token = null;
      do {
        // a token that does not move on would page forever
        assertThat(listed.size()).as("keys listed under \"%s\"", prefix).isLessThanOrEqualTo(expected.size());
        ObjectPage page = store.list(prefix, token, maxKeys);
        assertThat(page.objects().size()).isLessThanOrEqualTo(maxKeys);
        for (ObjectInfo info : page.objects()) {
          ModelObject object = model.get(info.key());
          assertThat(object).as("listed %s", info.key()).isNotNull();
          check(info, info.key(), object);
          listed.add(info.key());
        }
        token = page.nextToken();
        if (token != null) {
          assertThat(page.objects()).hasSize(maxKeys);
          if (tokens.size() < 8) {
            tokens.add(new SavedToken(token, page.objects().get(maxKeys - 1).key()));
          }
        }
      } while (token != null);
      assertThat(listed).as("listing of \"%s\" by %d", prefix, maxKeys).isEqualTo(expected);
    }

    /** Resumes with a token kept from an earlier listing, whatever changed since, under some prefix. */
    private void resume(int a, int b) {
      if (tokens.isEmpty()) {
        return;
      }
      SavedToken saved = tokens.get(a % tokens.size());
      String prefix = b % 2 == 0 ? "" : prefix(a, b);
      if (isInvalidPrefix(prefix)) {
        return;
      }
      int maxKeys = 1 + b % 5;
      ObjectPage page = store.list(prefix, saved.token(), maxKeys);
      List<String> expected = keysFrom(prefix, saved.afterKey());
      List<String> listed = page.objects().stream().map(ObjectInfo::key).toList();
      assertThat(listed).isEqualTo(expected.subList(0, Math.min(maxKeys, expected.size())));
      assertThat(page.nextToken() != null).isEqualTo(expected.size() > maxKeys);
    }

    private List<String> keysFrom(String prefix, @Nullable String after) {
      Map<String, ModelObject> from = after == null ? model : model.tailMap(after, false);
      return from.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
    }

    private static boolean isInvalidPrefix(String prefix) {
      try {
        ObjectKeys.validatePrefix(prefix);
        return false;
      } catch (BackendException e) {
        return true;
      }
    }

    private static void check(ObjectInfo info, String key, ModelObject expected) {
      assertThat(info.key()).isEqualTo(key);
      assertThat(info.size()).isEqualTo(expected.content().length);
      assertThat(info.contentType()).isEqualTo(expected.contentType());
      assertThat(info.lastModified()).isEqualTo(expected.lastModified());
    }
  }
}
