package io.github.cortexj.core.job;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Makes and checks batch and task job ids as Cortex does (§1 of the reference): the lowercase hex of {@code (2^63 -
 * 1) - nanos since the epoch}, so that ids decrease over time and an ascending listing shows the newest job first.
 * Unlike Cortex, ids never repeat within one generator: when the clock has not moved (or moved back) since the last
 * id, the next id is taken one nanosecond later than the last.
 *
 * <p>Thread safe.
 */
public final class JobIds {

  /** Orders ids newest first, as Cortex's listing does: a shorter id, or a smaller one of equal length, is newer. */
  public static final Comparator<String> NEWEST_FIRST =
      (a, b) -> a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);

  private final Clock clock;
  private long lastNanos = Long.MIN_VALUE;

  /**
   * Creates a generator.
   *
   * @param clock the clock the ids come from
   */
  public JobIds(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
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

  /**
   * Returns whether a caller's job id has the form of an id: 1 to 32 lowercase hex digits. Anything else names no
   * job, and is never turned into a storage key.
   *
   * @param jobId the id to check
   * @return {@code true} when it may name a job
   */
  public static boolean isWellFormed(String jobId) {
    int length = jobId.length();
    if (length < 1 || length > 32) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = jobId.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }
}
