package io.github.cortexj.task.internal;

import java.time.Clock;
import java.time.Instant;

/**
 * Makes task job ids as Cortex does (§1 of the reference): the lowercase hex of {@code (2^63 - 1) - nanos since
 * the epoch}, so that ids decrease over time and an ascending listing shows the newest job first. Unlike Cortex,
 * ids never repeat within one generator: when the clock has not moved since the last id, the next one is taken
 * one nanosecond later.
 *
 * <p>Thread safe.
 */
public final class TaskJobIds {

  private final Clock clock;
  private long lastNanos = Long.MIN_VALUE;

  /**
   * Creates a generator.
   *
   * @param clock the clock the ids come from
   */
  public TaskJobIds(Clock clock) {
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

  /**
   * Returns whether a caller's job id has the form of an id: 1 to 32 lowercase hex digits. Anything else names no
   * job, and is never turned into a storage key.
   *
   * @param jobId the id to check
   * @return {@code true} when it may name a job
   */
  public static boolean isWellFormed(String jobId) {
    return jobId.matches("[0-9a-f]{1,32}");
  }

  /**
   * Orders ids newest first, as Cortex's listing does: a shorter id, or a smaller one of equal length, is newer.
   *
   * @param a an id
   * @param b another id
   * @return negative when {@code a} is newer
   */
  public static int newestFirst(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }
}
