package io.github.cortexj.batch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition that worker threads will make true: a wait for other threads, never for time to pass (time
 * is the manual clock's).
 */
final class Eventually {

  private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

  private Eventually() {}

  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
  }
}
