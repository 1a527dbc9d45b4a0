package io.github.cortexj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  @Test
  void startsAtTheDefaultInstantInUtc() {
    ManualClock clock = new ManualClock();
    assertThat(clock.instant()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void staysStillUntilAdvanced() {
    ManualClock clock = new ManualClock(Instant.parse("2030-05-01T10:00:00Z"));
    assertThat(clock.instant()).isEqualTo(clock.instant());
    assertThat(clock.advance(Duration.ofMinutes(50))).isEqualTo(Instant.parse("2030-05-01T10:50:00Z"));
    assertThat(clock.millis()).isEqualTo(Instant.parse("2030-05-01T10:50:00Z").toEpochMilli());
  }

  @Test
  void refusesToGoBackwardsByAdvance() {
    ManualClock clock = new ManualClock();
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a ManualClock only moves forward (got PT-1S)");
  }

  @Test
  void setMovesToAnyInstant() {
    ManualClock clock = new ManualClock();
    clock.set(Instant.parse("2000-01-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
  }

  @Test
  void zonedCopySharesTheInstant() {
    ManualClock clock = new ManualClock();
    ManualClock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.advance(Duration.ofHours(1));
    assertThat(paris.instant()).isEqualTo(clock.instant());
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(paris).isNotEqualTo(clock);
    assertThat(paris.withZone(ZoneOffset.UTC)).isEqualTo(clock);
  }

  @Test
  void concurrentAdvancesAreNeverLost() throws InterruptedException {
    ManualClock clock = new ManualClock();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 1_000; i++) {
          clock.advance(Duration.ofMillis(1));
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(8));
  }
}
