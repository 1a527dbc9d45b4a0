package io.github.cortexj.core.internal.backend;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the writers inside a short critical section, spread over counters on separate cache lines, so that one
 * thread can wait until every writer that entered before a given moment has left ({@link #awaitWritersBefore}).
 *
 * <p>Why not a read-write lock: every write to the in-memory store would then update one shared word twice, and
 * the threads of a busy gateway would take turns owning its cache line. Here a writer updates a counter that few
 * other threads share. The waiting side is rare (once per packing of the recent writes) and may spin.
 *
 * <p>The protocol the caller follows: a writer {@link #enter}s, then reads a volatile flag that the waiting side
 * sets before it calls {@link #awaitWritersBefore}; a writer that saw the flag unset is waited for, and a writer
 * that entered later sees it set.
 *
 * <p>Thread safe.
 */
final class WriterStripes {

  /** Ints per 128 bytes: one counter per two cache lines, against adjacent-line prefetching. */
  private static final int SPACING = 32;

  private final AtomicIntegerArray counts;
  private final int mask;

  /** Creates counters for about four per processor. */
  WriterStripes() {
    int stripes = Integer.highestOneBit(Math.max(4, Runtime.getRuntime().availableProcessors() * 4) * 2 - 1);
    this.counts = new AtomicIntegerArray(stripes * SPACING);
    this.mask = stripes - 1;
  }

  /**
   * Counts the calling thread in.
   *
   * @return the stripe to pass to {@link #exit}
   */
  int enter() {
    int stripe = (System.identityHashCode(Thread.currentThread()) & mask) * SPACING;
    counts.getAndIncrement(stripe);
    return stripe;
  }

  /**
   * Counts the calling thread out.
   *
   * @param stripe what {@link #enter} returned
   */
  void exit(int stripe) {
    counts.getAndDecrement(stripe);
  }

  /**
   * Waits until every writer inside when this is called has left: each stripe is seen empty once. Writers that
   * enter meanwhile may delay it but are not waited for by design of the caller's protocol.
   */
  void awaitWritersBefore() {
    for (int stripe = 0; stripe <= mask; stripe++) {
      int spins = 0;
      while (counts.get(stripe * SPACING) != 0) {
        if (++spins < 100) {
          Thread.onSpinWait();
        } else if (spins < 200) {
          Thread.yield();
        } else {
          LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50)); // a writer was descheduled inside
        }
      }
    }
  }
}
