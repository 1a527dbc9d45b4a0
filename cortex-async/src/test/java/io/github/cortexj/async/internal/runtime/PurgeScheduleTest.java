package io.github.cortexj.async.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurgeScheduleTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final Duration PERIOD = Duration.ofMinutes(1);
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void waitsUntilTheFirstRequestEndingAfterThePurgeCanExpireWhenNothingWasKept() {
    assertThat(AsyncApiRun.nextPurgeAfter(NOW, null, PERIOD, WEEK))
        .isEqualTo(NOW.minus(AsyncApiRun.MARKER_CLOCK_SKEW).plus(WEEK));
  }

  @Test
  void waitsUntilTheEarliestKeptRequestExpires() {
    Instant earliest = NOW.minus(Duration.ofDays(3));

    assertThat(AsyncApiRun.nextPurgeAfter(NOW, earliest, PERIOD, WEEK)).isEqualTo(earliest.plus(WEEK));
  }

  @Test
  void purgesAPeriodLaterWhenSomethingExpiresSooner() {
    Instant earliest = NOW.minus(WEEK).plusSeconds(10);

    assertThat(AsyncApiRun.nextPurgeAfter(NOW, earliest, PERIOD, WEEK)).isEqualTo(NOW.plus(PERIOD));
  }

  @Test
  void purgesEveryPeriodWhenTheRetentionIsShorterThanTheClockSkew() {
    assertThat(AsyncApiRun.nextPurgeAfter(NOW, null, PERIOD, Duration.ofSeconds(30))).isEqualTo(NOW.plus(PERIOD));
  }
}
