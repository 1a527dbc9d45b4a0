package io.github.cortexj.batch.internal;

import java.time.Clock;
import java.time.Instant;

/**
 * Makes job ids as Cortex does (§1 of the reference): the lowercase hex of {@code (2^63 - 1) - nanos since the
 * epoch}, so that ids decrease over time and an ascending listing shows the newest job first. Unlike Cortex,
 * ids never repeat within one generator: when the clock has not moved (or moved back) since the last id, the
 * next id is taken one nanosecond later than the last.
 *
 * <p>Thread safe.
 */
public final class JobIds {

  private final Clock clock;
  private long lastNanos = Long.MIN_VALUE;

  /**
   * Creates a generator.
   *
   * @param clock the clock the ids come from
   */
  public JobIds(Clock clock) {
    this.clock = clock;
  }

  /**
   * Returns a new id, smaller (as a number) than every id this generator returned before.
   *
   * @return the id
   */
  public synchronized String next() {
    Instant now = clock.instant();
    long nanos = Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L) + now.getNano();
    if (nanos <= lastNanos) {
      nanos = lastNanos + 1;
    }
    lastNanos = nanos;
    return Long.toHexString(Long.MAX_VALUE - nanos);
  }
}
