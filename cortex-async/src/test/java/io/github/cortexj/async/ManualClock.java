package io.github.cortexj.async;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test advances it, and counts the ticks of the runtime: the reads made by
 * {@code AsyncRuntime.tick()} itself, once at the start of each tick (reads by the backends during a tick are not
 * counted). Thread safe.
 */
final class ManualClock extends Clock {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2021-06-01T12:00:00Z"));
  private final AtomicLong tickerReads = new AtomicLong();

  void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public Instant instant() {
    if (Thread.currentThread().getName().equals("cortex-async-ticker") && calledByTick()) {
      tickerReads.incrementAndGet(); // before reading the time: a tick counted after a snapshot sees the new time
    }
    return now.get();
  }

  private static boolean calledByTick() {
    return StackWalker.getInstance()
        .walk(frames -> frames.skip(2).findFirst()) // past calledByTick and instant
        .map(f -> f.getClassName().equals(AsyncRuntime.class.getName()) && f.getMethodName().equals("tick"))
        .orElse(false);
  }

  /** How many ticks the runtime has started. */
  long tickerReads() {
    return tickerReads.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a ManualClock is always UTC");
  }
}
