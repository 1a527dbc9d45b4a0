package io.github.cortexj.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
