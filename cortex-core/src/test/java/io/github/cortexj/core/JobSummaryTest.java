package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobSummaryTest {

  @Test
  void succeededWhenNoBatchAndNoItemFailed() {
    assertThat(new JobSummary("api", "1f", 10, 0, 10, 0).succeeded()).isTrue();
  }

  @Test
  void notSucceededWhenABatchFailed() {
    assertThat(new JobSummary("api", "1f", 9, 1, 10, 0).succeeded()).isFalse();
  }

  @Test
  void notSucceededWhenAnItemFailed() {
    assertThat(new JobSummary("api", "1f", 10, 0, 10, 2).succeeded()).isFalse();
  }

  @Test
  void rejectsANegativeCount() {
    assertThatThrownBy(() -> new JobSummary("api", "1f", 1, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failedBatchCount must be >= 0, got -1");
  }

  @Test
  void rejectsABlankJobId() {
    assertThatThrownBy(() -> new JobSummary("api", "", 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiName and jobId must not be blank");
  }
}
