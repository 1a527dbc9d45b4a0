package io.github.cortexj.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class InMemoryObjectStoreTest {

  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

  /** U+FF21 (fullwidth A): three UTF-8 bytes starting 0xEF; one UTF-16 unit 0xFF21. */
  private static final String FULLWIDTH_A = "\uFF21";

  /** U+1F600 (grinning face): four UTF-8 bytes starting 0xF0; UTF-16 surrogates 0xD83D 0xDE00. */
  private static final String GRINNING_FACE = "\uD83D\uDE00";

  private final MutableClock clock = new MutableClock();
  private final InMemoryObjectStore store = new InMemoryObjectStore("cortex-bucket", clock);

  @Test
  void bucketReturnsTheName() {
    assertThat(store.bucket()).isEqualTo("cortex-bucket");
  }

  @Test
  void rejectsBucketNamesS3Refuses() {
    assertThatThrownBy(() -> new InMemoryObjectStore("Cortex_Bucket", clock))
        .isInstanceOfSatisfying(
            BackendException.class, e -> assertThat(e.kind()).isEqualTo("storage.invalid_bucket"))
        .hasMessage(
            "invalid bucket name \"Cortex_Bucket\": it must be 3 to 63 characters of lowercase letters, digits,"
                + " dots and hyphens, start and end with a letter or digit, and not contain two dots in a row");
  }

  @Test
  void getReturnsWhatPutStored() {
    store.put("jobs/1/spec.json", HELLO, "application/json");

    StoredObject object = store.get("jobs/1/spec.json").orElseThrow();

    assertThat(object.content()).isEqualTo(HELLO);
    assertThat(object.info())
        .isEqualTo(new ObjectInfo("jobs/1/spec.json", 5, "application/json", clockSeconds()));
  }

  @Test
  void getAndHeadOfAMissingKeyAreEmpty() {
    assertThat(store.get("missing")).isEmpty();
    assertThat(store.head("missing")).isEmpty();
    assertThat(store.open("missing")).isEmpty();
  }

  @Test
  void putWithoutContentTypeStoresNone() {
    store.putText("result.json", "{}", null);

    assertThat(store.head("result.json").orElseThrow().contentTypeIfAny()).isEmpty();
  }

  @Test
  void lastModifiedIsTheClockInstantOfTheLatestPutTruncatedToSeconds() {
    store.put("k", HELLO, null);
    clock.advance(Duration.ofMinutes(3));
    store.put("k", HELLO, null);

    Instant lastModified = store.head("k").orElseThrow().lastModified();

    assertThat(lastModified).isEqualTo(Instant.parse("2021-03-04T05:09:07Z"));
  }

  @Test
  void emptyObjectsKeepTheirOwnContentTypeAndTime() {
    store.put("a/status/in_queue", new byte[0], "text/plain");
    clock.advance(Duration.ofSeconds(5));
    store.put("a/status/in_progress", new byte[0], null);

    StoredObject queued = store.get("a/status/in_queue").orElseThrow();
    StoredObject started = store.get("a/status/in_progress").orElseThrow();

    assertThat(queued.content()).isEmpty();
    assertThat(queued.info()).isEqualTo(
        new ObjectInfo("a/status/in_queue", 0, "text/plain", Instant.parse("2021-03-04T05:06:07Z")));
    assertThat(started.info()).isEqualTo(
        new ObjectInfo("a/status/in_progress", 0, null, Instant.parse("2021-03-04T05:06:12Z")));
  }

  @Test
  void lastModifiedBeforeTheEpochIsTruncatedToTheEarlierSecond() {
    InMemoryObjectStore old =
        new InMemoryObjectStore("bucket", new MutableClock(Instant.parse("1969-12-31T23:59:59.5Z")));
    old.put("k", HELLO, null);

    assertThat(old.head("k").orElseThrow().lastModified()).isEqualTo(Instant.parse("1969-12-31T23:59:59Z"));
  }

  @Test
  void putReplacesTheContent() {
    store.put("k", HELLO, "text/plain");
    store.putText("k", "bye", "text/other");

    assertThat(store.get("k").orElseThrow().text()).isEqualTo("bye");
    assertThat(store.head("k").orElseThrow().contentType()).isEqualTo("text/other");
  }

  @Test
  void callersCannotChangeStoredBytes() {
    byte[] content = HELLO.clone();
    store.put("k", content, null);
    content[0] = 'j';
    store.get("k").orElseThrow().content()[1] = 'a';

    assertThat(store.get("k").orElseThrow().text()).isEqualTo("hello");
  }

  @Test
  void openStreamsTheContentWithItsInfo() throws IOException {
    store.put("k", HELLO, "text/plain");

    try (ObjectStream stream = store.open("k").orElseThrow()) {
      assertThat(stream.content().readAllBytes()).isEqualTo(HELLO);
      assertThat(stream.info().size()).isEqualTo(5);
    }
  }

  @Test
  void putFromAStreamReadsExactlyTheAnnouncedLength() throws IOException {
    InputStream content = new ByteArrayInputStream("hello world".getBytes(StandardCharsets.UTF_8));

    store.put("k", content, 5, "text/plain");

    assertThat(store.get("k").orElseThrow().text()).isEqualTo("hello");
    assertThat(new String(content.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(" world");
  }

  @Test
  void putFromAStreamShorterThanTheLengthFailsAndStoresNothing() {
    InputStream content = new ByteArrayInputStream(HELLO);

    assertKind(() -> store.put("jobs/1/payload.json", content, 6, null), "storage.incomplete_body")
        .hasMessage(
            "the content of object \"jobs/1/payload.json\" in bucket \"cortex-bucket\" ended after 5 of the 6 bytes"
                + " announced (IncompleteBody)");
    assertThat(store.head("jobs/1/payload.json")).isEmpty();
  }

  @Test
  void putFromAStreamThatGivesAFewBytesAtATimeStoresThemAll() {
    byte[] content = new byte[100_003];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    ByteArrayInputStream whole = new ByteArrayInputStream(content);
    InputStream trickle =
        new InputStream() {
          @Override
          public int read() {
            return whole.read();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return whole.read(b, off, Math.min(len, 7));
          }
        };

    store.put("k", trickle, content.length, null);

    assertThat(store.get("k").orElseThrow().content()).isEqualTo(content);
  }

  @Test
  void putFromAStreamFarShorterThanAHugeLengthFailsWithTheBytesItGave() {
    InputStream content = new ByteArrayInputStream(HELLO);

    assertKind(() -> store.put("k", content, Integer.MAX_VALUE - 8, null), "storage.incomplete_body")
        .hasMessage(
            "the content of object \"k\" in bucket \"cortex-bucket\" ended after 5 of the "
                + (Integer.MAX_VALUE - 8)
                + " bytes announced (IncompleteBody)");
  }

  @Test
  void putFromAStreamRefusesANegativeLength() {
    assertKind(() -> store.put("k", new ByteArrayInputStream(HELLO), -1, null), "storage.invalid_argument")
        .hasMessageStartingWith("length -1 of object \"k\" in bucket \"cortex-bucket\" must be between 0 and");
  }

  @Test
  void everyOperationValidatesTheKey() {
    String bad = "jobs/../secrets";
    String message = "invalid object key \"jobs/../secrets\": it contains a \"..\" path segment";

    assertKind(() -> store.put(bad, HELLO, null), "storage.invalid_key").hasMessage(message);
    assertKind(() -> store.get(bad), "storage.invalid_key").hasMessage(message);
    assertKind(() -> store.head(bad), "storage.invalid_key").hasMessage(message);
    assertKind(() -> store.open(bad), "storage.invalid_key").hasMessage(message);
    assertKind(() -> store.delete(bad), "storage.invalid_key").hasMessage(message);
    assertKind(() -> store.list("jobs/../", null, 10), "storage.invalid_key");
  }

  @Test
  void deleteRemovesTheObjectAndIgnoresMissingKeys() {
    store.put("k", HELLO, null);

    store.delete("k");
    store.delete("k");

    assertThat(store.head("k")).isEmpty();
  }

  @Test
  void listsInUtf8ByteOrderWhichDiffersFromJavaStringOrder() {
    store.put("a/" + GRINNING_FACE, HELLO, null);
    store.put("a/" + FULLWIDTH_A, HELLO, null);
    store.put("a/z", HELLO, null);

    List<String> keys = keys(store.list("a/", null, 10));

    assertThat(keys).containsExactly("a/z", "a/" + FULLWIDTH_A, "a/" + GRINNING_FACE);
    // Java's own order puts the surrogate pair first, so this test tells the two orders apart.
    assertThat(new TreeSet<>(keys)).containsExactly("a/z", "a/" + GRINNING_FACE, "a/" + FULLWIDTH_A);
  }

  @Test
  void listReturnsOnlyKeysWithThePrefix() {
    for (String key : List.of("jobs/1/a", "jobs/1/b", "jobs/10/a", "jobs/2/a", "jobs", "job")) {
      store.put(key, HELLO, null);
    }

    assertThat(keys(store.list("jobs/1/", null, 10))).containsExactly("jobs/1/a", "jobs/1/b");
    assertThat(keys(store.list("jobs/1", null, 10))).containsExactly("jobs/1/a", "jobs/1/b", "jobs/10/a");
  }

  @Test
  void listReportsSizeAndLastModified() {
    store.put("k", HELLO, "text/plain");

    assertThat(store.list("", null, 10).objects())
        .containsExactly(new ObjectInfo("k", 5, "text/plain", clockSeconds()));
  }

  @Test
  void listPagesWithAContinuationTokenAndEndsWithoutOne() {
    for (String key : List.of("p/a", "p/b", "p/c", "p/d")) {
      store.put(key, HELLO, null);
    }

    ObjectPage first = store.list("p/", null, 2);
    ObjectPage second = store.list("p/", first.nextToken(), 2);

    assertThat(keys(first)).containsExactly("p/a", "p/b");
    assertThat(first.nextToken()).isNotNull();
    assertThat(keys(second)).containsExactly("p/c", "p/d");
    assertThat(second.nextToken()).isNull(); // no more keys, as S3's IsTruncated=false
  }

  @Test
  void listContinuesAfterTheLastKeyEvenIfItWasDeleted() {
    for (String key : List.of("p/a", "p/b", "p/c")) {
      store.put(key, HELLO, null);
    }
    ObjectPage first = store.list("p/", null, 1);
    store.delete("p/a");

    assertThat(keys(store.list("p/", first.nextToken(), 10))).containsExactly("p/b", "p/c");
  }

  @Test
  void listRefusesPageSizesOutsideOneToAThousand() {
    assertKind(() -> store.list("p/", null, 0), "storage.invalid_argument")
        .hasMessage("maxKeys must be between 1 and 1000 (got 0) listing \"p/\" in bucket \"cortex-bucket\"");
    assertKind(() -> store.list("p/", null, 1001), "storage.invalid_argument")
        .hasMessage("maxKeys must be between 1 and 1000 (got 1001) listing \"p/\" in bucket \"cortex-bucket\"");
  }

  @Test
  void listRefusesATokenItDidNotIssue() {
    assertKind(() -> store.list("p/", "not a token!", 10), "storage.invalid_argument")
        .hasMessage(
            "continuation token \"not a token!\" for bucket \"cortex-bucket\" is not valid (InvalidArgument)");
  }

  @Test
  void listAllReadsEveryPage() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      String key = String.format("many/%05d", i);
      store.put(key, HELLO, null);
      expected.add(key);
    }

    assertThat(store.listAll("many/")).extracting(ObjectInfo::key).isEqualTo(expected);
  }

  @Test
  void deleteByPrefixDeletesExactlyTheKeysWithThePrefix() {
    for (String key : List.of("jobs/1/a", "jobs/1/b", "jobs/10/a", "jobs/2/a")) {
      store.put(key, HELLO, null);
    }

    int deleted = store.deleteByPrefix("jobs/1/");

    assertThat(deleted).isEqualTo(2);
    assertThat(keys(store.list("", null, 10))).containsExactly("jobs/10/a", "jobs/2/a");
  }

  @Test
  void deleteByTheEmptyPrefixIsRefused() {
    store.put("k", HELLO, null);

    assertKind(() -> store.deleteByPrefix(""), "storage.invalid_key")
        .hasMessage(
            "refusing to delete by the empty prefix in bucket \"cortex-bucket\": it would delete every object");
    assertThat(store.head("k")).isPresent();
  }

  @Test
  void twoStoresNeverSeeEachOthersObjects() {
    InMemoryObjectStore other = new InMemoryObjectStore("cortex-bucket", clock);
    store.put("k", HELLO, null);

    assertThat(other.head("k")).isEmpty();
    assertThat(other.list("", null, 10).objects()).isEmpty();
  }

  @Test
  void pagingThroughReturnsEachKeyWithThePrefixOnceInUtf8ByteOrder() {
    Gen<String> segment =
        lists()
            .of(arbitrary().pick("a", "b", "z", "-", "é", FULLWIDTH_A, GRINNING_FACE))
            .ofSizeBetween(1, 3)
            .map(parts -> String.join("", parts));
    Gen<String> key = lists().of(segment).ofSizeBetween(1, 3).map(parts -> String.join("/", parts));
    Gen<String> prefix = arbitrary().pick("", "a", "a/", "b/a", "é", FULLWIDTH_A, GRINNING_FACE);

    qt().withExamples(300)
        .forAll(lists().of(key).ofSizeBetween(0, 40), integers().between(1, 7), prefix)
        .checkAssert(
            (keys, pageSize, p) -> {
              InMemoryObjectStore fresh = new InMemoryObjectStore("cortex-bucket", clock);
              keys.forEach(k -> fresh.put(k, HELLO, null));

              List<String> listed = new ArrayList<>();
              String token = null;
              do {
                ObjectPage page = fresh.list(p, token, pageSize);
                assertThat(page.objects().size()).isLessThanOrEqualTo(pageSize);
                listed.addAll(keys(page));
                token = page.nextToken();
              } while (token != null);

              List<String> expected =
                  keys.stream().distinct().filter(k -> k.startsWith(p)).sorted(BY_UTF8_BYTES).toList();
              assertThat(listed).isEqualTo(expected);
            });
  }

  /** The oracle: compare the UTF-8 encodings as unsigned bytes, as S3 does. */
  private static final Comparator<String> BY_UTF8_BYTES =
      (a, b) ->
          Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private Instant clockSeconds() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  private static List<String> keys(ObjectPage page) {
    return page.objects().stream().map(ObjectInfo::key).toList();
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertKind(Runnable call, String kind) {
    return assertThatThrownBy(call::run)
        .isInstanceOf(BackendException.class)
        .satisfies(e -> assertThat(((BackendException) e).kind()).isEqualTo(kind));
  }
}
