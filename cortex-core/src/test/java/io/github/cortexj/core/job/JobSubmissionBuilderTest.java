package io.github.cortexj.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSubmissionBuilderTest {

  @Test
  void aTimeoutWithAFractionOfASecondIsRoundedUpToWholeSeconds() {
    qt().withExamples(1000)
        .forAll(integers().between(0, 100_000), integers().between(0, 999_999_999))
        .checkAssert(
            (seconds, nanos) -> {
              Duration timeout = Duration.ofSeconds(seconds, nanos);
              Integer kept = JobSubmission.items(List.of(1)).timeout(timeout).build().timeout();
              assertThat(kept).isEqualTo(nanos == 0 ? seconds : seconds + 1);
              assertThat(Duration.ofSeconds(kept)).isGreaterThanOrEqualTo(timeout);
            });
  }

  @Test
  void halfASecondBecomesOneSecondNotZero() {
    assertThat(JobSubmission.items(List.of(1)).timeout(Duration.ofMillis(500)).build().timeout()).isEqualTo(1);
  }

  @Test
  void aNullItemListIsRefusedByName() {
    assertThatThrownBy(() -> JobSubmission.items(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("items");
  }
}
