package io.github.cortexj.async.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReceiveBatchSizeTest {

  @Test
  void asksForOneMessageBeforeAnyRequestWasHandled() {
    assertThat(new ReceiveBatchSize().next()).isEqualTo(1);
  }

  @Test
  void asksForTenMessagesOnceHandlersTakeMicroseconds() {
    ReceiveBatchSize size = new ReceiveBatchSize(Duration.ofMillis(2));
    for (int i = 0; i < 40; i++) {
      size.handled(20_000);
    }

    assertThat(size.next()).isEqualTo(10);
  }

  @Test
  void asksForAsManyAsFitInTheBudget() {
    ReceiveBatchSize size = new ReceiveBatchSize(Duration.ofMillis(2));
    for (int i = 0; i < 200; i++) {
      size.handled(500_000);
    }

    assertThat(size.next()).isEqualTo(4);
  }

  @Test
  void goesBackToOneMessageWhenTheHandlerSlowsDown() {
    ReceiveBatchSize size = new ReceiveBatchSize(Duration.ofMillis(2));
    for (int i = 0; i < 40; i++) {
      size.handled(20_000);
    }
    for (int i = 0; i < 5; i++) {
      size.handled(Duration.ofSeconds(1).toNanos());
    }

    assertThat(size.next()).isEqualTo(1);
  }

  @Test
  void alwaysAsksForOneToTenMessages() {
    qt().forAll(longs().between(-1_000, Duration.ofHours(1).toNanos()), longs().between(1, 100))
        .checkAssert(
            (nanos, times) -> {
              ReceiveBatchSize size = new ReceiveBatchSize();
              for (long i = 0; i < times; i++) {
                size.handled(nanos);
              }
              assertThat(size.next()).isBetween(1, 10);
            });
  }
}
