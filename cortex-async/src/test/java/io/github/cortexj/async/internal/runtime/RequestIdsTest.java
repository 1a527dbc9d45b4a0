package io.github.cortexj.async.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  /** Up to the year 10889, where the 48 bits of milliseconds end. */
  private static final long LAST_MILLI = 0xFFFF_FFFF_FFFFL;

  @Test
  void generatedIdIsAVersion7UuidCarryingTheClocksMillisecond() {
    Instant now = Instant.parse("2026-11-25T17:30:00.123456Z");
    String id = RequestIds.generate(Clock.fixed(now, ZoneOffset.UTC));

    UUID uuid = UUID.fromString(id);
    assertThat(uuid.toString()).isEqualTo(id);
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    assertThat(RequestIds.isValid(id)).isTrue();
  }

  @Test
  void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
    // The gap is one millisecond as often as it is anything up to the whole range.
    qt().forAll(longs().between(0, LAST_MILLI - 1), longs().between(1, LAST_MILLI).mix(longs().between(1, 1), 50))
        .checkAssert(
            (earlier, gap) -> {
              long later = Math.min(LAST_MILLI, earlier + gap);
              String first = RequestIds.generate(clockAt(earlier));
              String second = RequestIds.generate(clockAt(later));
              assertThat(first).as("ids at %d and %d ms", earlier, later).isLessThan(second);
            });
  }

  @Test
  void idsOfOneMillisecondAreDistinct() {
    Clock frozen = clockAt(1_764_000_000_000L);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(RequestIds.generate(frozen));
    }
    assertThat(ids).hasSize(100_000);
  }

  @Test
  void randomBitsVaryInBothHalves() {
    Clock frozen = clockAt(1_764_000_000_000L);
    Set<Long> randA = new HashSet<>();
    Set<Long> randB = new HashSet<>();
    for (int i = 0; i < 64; i++) {
      UUID uuid = UUID.fromString(RequestIds.generate(frozen));
      randA.add(uuid.getMostSignificantBits() & 0xFFFL);
      randB.add(uuid.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL);
    }
    assertThat(randA).hasSizeGreaterThan(32);
    assertThat(randB).hasSize(64);
  }

  private static Clock clockAt(long millis) {
    return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }
}
