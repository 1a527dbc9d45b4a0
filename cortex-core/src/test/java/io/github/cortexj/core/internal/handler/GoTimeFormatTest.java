package io.github.cortexj.core.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GoTimeFormatTest {

  /** 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, Go's range. */
  private static final long MIN_SECOND = -62135596800L;

  private static final long MAX_SECOND = 253402300799L;

  @Test
  void writesNineDigitsWhenAllAreSignificant() {
    assertThat(GoTimeFormat.format(Instant.parse("2021-06-01T12:00:00.123456789Z")))
        .isEqualTo("2021-06-01T12:00:00.123456789Z");
  }

  @Test
  void dropsTrailingZeros() {
    assertThat(GoTimeFormat.format(Instant.parse("2021-06-01T12:00:00.100Z"))).isEqualTo("2021-06-01T12:00:00.1Z");
  }

  @Test
  void omitsAZeroFraction() {
    assertThat(GoTimeFormat.format(Instant.parse("2021-06-01T12:00:00Z"))).isEqualTo("2021-06-01T12:00:00Z");
  }

  @Test
  void writesGosZeroTime() {
    assertThat(GoTimeFormat.format(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void refusesAYearGoCannotWrite() {
    assertThatThrownBy(() -> GoTimeFormat.format(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("year outside of range [0,9999]: +10000-01-01T00:00:00Z");
  }

  @Test
  void parsesAnOffset() {
    assertThat(GoTimeFormat.parse("2021-06-01T14:30:00.25+02:30")).isEqualTo(Instant.parse("2021-06-01T12:00:00.25Z"));
  }

  @Test
  void everyInstantInGosRangeRoundTripsAndEndsInZ() {
    qt().forAll(longs().between(MIN_SECOND, MAX_SECOND), integers().between(0, 999_999_999))
        .checkAssert(
            (second, nano) -> {
              Instant instant = Instant.ofEpochSecond(second, nano);
              String text = GoTimeFormat.format(instant);
              assertThat(GoTimeFormat.parse(text)).isEqualTo(instant);
              assertThat(text).endsWith("Z");
              if (text.contains(".")) {
                assertThat(text).doesNotEndWith("0Z");
              }
            });
  }
}
