package io.github.cortexj.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TickerTest {

  private static boolean threadAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  @Test
  void ticksRepeatedlyOnADaemonThreadOfTheGivenName() throws Exception {
    CountDownLatch three = new CountDownLatch(3);
    AtomicReference<Thread> seen = new AtomicReference<>();
    try (Ticker ticker =
        Ticker.start("ticker-test-repeat", Duration.ofMillis(5), () -> {
          seen.set(Thread.currentThread());
          three.countDown();
        })) {
      assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(seen.get().getName()).isEqualTo("ticker-test-repeat");
    assertThat(seen.get().isDaemon()).isTrue();
  }

  @Test
  void closeReturnsOnlyOnceTheThreadHasEndedEvenWhenATickIsBusy() throws Exception {
    CountDownLatch inTick = new CountDownLatch(1);
    Ticker ticker =
        Ticker.start("ticker-test-busy", Duration.ofMillis(1), () -> {
          inTick.countDown();
          long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
          while (System.nanoTime() < until) {
            Thread.onSpinWait(); // ignores its interrupt, as a slow store call might
          }
        });
    assertThat(inTick.await(10, TimeUnit.SECONDS)).isTrue();

    ticker.close(Duration.ofSeconds(10));

    assertThat(threadAlive("ticker-test-busy")).as("ticker thread alive after close").isFalse();
  }

  @Test
  void closeLeavesNoThreadBehindOverManyStartsAndCloses() throws Exception {
    // The executor can report itself terminated while its thread is still on its way out: 14 of 3,000 closes left
    // it alive on a loaded machine before close joined the thread as well.
    for (int round = 0; round < 500; round++) {
      String name = "ticker-test-round-" + round;
      CountDownLatch inTick = new CountDownLatch(1);
      Ticker ticker =
          Ticker.start(name, Duration.ofMillis(1), () -> {
            inTick.countDown();
            long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(200);
            while (System.nanoTime() < until) {
              Thread.onSpinWait();
            }
          });
      assertThat(inTick.await(10, TimeUnit.SECONDS)).isTrue();

      ticker.close(Duration.ofSeconds(10));

      assertThat(threadAlive(name)).as("thread alive after close, round %d", round).isFalse();
    }
  }

  @Test
  void closeCalledFromATickDoesNotWaitForItself() throws Exception {
    AtomicReference<Ticker> self = new AtomicReference<>();
    CountDownLatch closed = new CountDownLatch(1);
    AtomicInteger ticks = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    Ticker ticker =
        Ticker.start("ticker-test-self", Duration.ofMillis(1), () -> {
          try {
            started.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          ticks.incrementAndGet();
          long before = System.nanoTime();
          self.get().close(Duration.ofSeconds(30));
          if (System.nanoTime() - before < TimeUnit.SECONDS.toNanos(5)) {
            closed.countDown();
          }
        });
    self.set(ticker);
    started.countDown();

    assertThat(closed.await(10, TimeUnit.SECONDS)).as("close from the tick returned at once").isTrue();
    ticker.close();
    assertThat(ticks.get()).isEqualTo(1);
    assertThat(threadAlive("ticker-test-self")).isFalse();
  }
}
