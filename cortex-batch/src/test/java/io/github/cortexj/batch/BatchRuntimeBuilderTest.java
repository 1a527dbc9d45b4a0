package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder refuses settings under which no job could run, when they are set rather than in a worker later. */
class BatchRuntimeBuilderTest {

  @Test
  void rejectsAPollWaitLongerThanAQueueReceiveAccepts() {
    assertThatThrownBy(() -> BatchRuntime.builder().pollWait(Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pollWait must be between 0 and 20 seconds (got PT30S)");
  }

  @Test
  void rejectsANegativePollWait() {
    assertThatThrownBy(() -> BatchRuntime.builder().pollWait(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pollWait must be between 0 and 20 seconds (got PT-1S)");
  }

  @Test
  void rejectsARenewalPeriodThatComesOnlyAfterTheVisibilityLapsed() {
    assertThatThrownBy(() -> BatchRuntime.builder().visibility(Duration.ofSeconds(10), Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("renewalPeriod must be positive and shorter than visibilityTimeout (got PT10S and PT10S)");
  }

  @Test
  void rejectsANegativeCompletionRecheckDelay() {
    assertThatThrownBy(() -> BatchRuntime.builder().completionRecheckDelay(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("completionRecheckDelay must not be negative (got PT-0.005S)");
  }

  @Test
  void rejectsATickPeriodShorterThanAMillisecond() {
    assertThatThrownBy(() -> BatchRuntime.builder().tickPeriod(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tickPeriod must be at least 1 ms (got PT0S)");
  }
}
