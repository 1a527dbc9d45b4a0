package io.github.cortexj.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class JobIdsTest {

  private static final Instant T = Instant.parse("2021-06-01T12:00:00.123456789Z");

  @Test
  void isTheHexOfMaxLongMinusTheEpochNanos() {
    JobIds ids = new JobIds(Clock.fixed(T, ZoneOffset.UTC));
    long nanos = T.getEpochSecond() * 1_000_000_000L + T.getNano();
    assertThat(ids.next()).isEqualTo(Long.toHexString(Long.MAX_VALUE - nanos));
  }

  @Test
  void neverRepeatsOnAClockThatStandsStillAndNewerIdsSortFirst() {
    JobIds ids = new JobIds(Clock.fixed(T, ZoneOffset.UTC));
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      made.add(ids.next());
    }
    assertThat(new HashSet<>(made)).hasSize(1000);
    List<String> sorted = new ArrayList<>(made);
    sorted.sort(null);
    List<String> newestFirst = new ArrayList<>(made);
    Collections.reverse(newestFirst);
    assertThat(sorted).isEqualTo(newestFirst);
  }

  @Test
  void isUniqueAcrossThreads() {
    JobIds ids = new JobIds(Clock.fixed(T, ZoneOffset.UTC));
    Set<String> made = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 10_000).parallel().forEach(i -> made.add(ids.next()));
    assertThat(made).hasSize(10_000);
  }

  @Test
  void wellFormedIdsAreOneToThirtyTwoLowercaseHexDigits() {
    Gen<String> unit = arbitrary().pick("0", "9", "a", "f", "g", "A", "F", "/", ".", "-", " ", "\u00e9", "\u0660");
    Gen<String> id = lists().of(unit).ofSizeBetween(0, 34).map(parts -> String.join("", parts));

    qt().withExamples(3000)
        .forAll(id)
        .checkAssert(i -> assertThat(JobIds.isWellFormed(i)).isEqualTo(i.matches("[0-9a-f]{1,32}")));
  }

  @Test
  void newestFirstOrdersLaterIdsBeforeEarlierOnes() {
    qt().withExamples(2000)
        .forAll(integers().between(0, 1_000_000_000), integers().between(0, 1_000_000_000))
        .checkAssert(
            (earlier, later) -> {
              long base = T.getEpochSecond() * 1_000_000_000L + T.getNano();
              String first = Long.toHexString(Long.MAX_VALUE - (base + earlier));
              String second = Long.toHexString(Long.MAX_VALUE - (base + (long) earlier + later + 1));
              assertThat(JobIds.NEWEST_FIRST.compare(second, first)).isNegative();
              assertThat(JobIds.NEWEST_FIRST.compare(first, second)).isPositive();
            });
  }

  @Test
  void newestFirstPutsAShorterIdFirst() {
    assertThat(JobIds.NEWEST_FIRST.compare("fff", "1000")).isNegative();
    assertThat(JobIds.NEWEST_FIRST.compare("abc", "abc")).isZero();
  }
}
