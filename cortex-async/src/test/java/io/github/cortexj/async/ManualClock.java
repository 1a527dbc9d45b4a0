package io.github.cortexj.async;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test advances it, and counts the runtime ticker's reads. Thread safe. */
final class ManualClock extends Clock {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2021-06-01T12:00:00Z"));
  private final AtomicLong tickerReads = new AtomicLong();

  void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public Instant instant() {
    if (Thread.currentThread().getName().equals("cortex-async-ticker")) {
      tickerReads.incrementAndGet();
    }
    return now.get();
  }

  /** How often the runtime's ticker has read this clock: each read starts one tick. */
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
