package io.github.cortexj.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test advances it. Thread safe. */
public final class ManualClock extends Clock {

  private final AtomicReference<Instant> now;
  private final AtomicLong tickerReads = new AtomicLong();

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public ManualClock() {
    this(Instant.parse("2021-06-01T12:00:00.123456789Z"));
  }

  public void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public Instant instant() {
    if (Thread.currentThread().getName().equals("cortex-batch-ticker")) {
      tickerReads.incrementAndGet();
    }
    return now.get();
  }

  /** How often the runtime's ticker has read this clock: each read starts one tick. */
  public long tickerReads() {
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
