package io.github.cortexj.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GoDurationsTest {

  @ParameterizedTest
  @CsvSource({"60s,60000", "5m,300000", "1h30m,5400000", "1.5s,1500", "250ms,250", "0,0", "-1m,-60000",
      "1h2m3s4ms,3723004", ".5s,500", "2000us,2", "1000000ns,1"})
  void parsesGoDurations(String text, long millis) {
    assertThat(GoDurations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "60", "1 m", "5 minutes", "1d", "s", "1.s5", "--1s"})
  void rejectsTextThatIsNotAGoDuration(String text) {
    assertThatThrownBy(() -> GoDurations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a duration");
  }

  @ParameterizedTest
  @CsvSource({"60000,1m", "90000,90s", "0,0s", "3600000,1h", "1500,1500ms"})
  void formatsInTheLargestExactUnit(long millis, String text) {
    assertThat(GoDurations.format(Duration.ofMillis(millis))).isEqualTo(text);
  }

  @Test
  void formattedDurationsParseBack() {
    qt().forAll(longs().between(-86_400_000_000_000L, 86_400_000_000_000L))
        .checkAssert(nanos -> assertThat(GoDurations.parse(GoDurations.format(Duration.ofNanos(nanos))))
            .isEqualTo(Duration.ofNanos(nanos)));
  }
}
