package io.github.cortexj.async.internal.gateway;

import java.time.Duration;

/**
 * Counts the requests being handled, so that closing the gateway can let them finish: once {@link #closeAndAwait}
 * is called no request enters, and the call returns when the ones inside have left or the bound has passed.
 *
 * <p>Thread safe.
 */
public final class InFlightRequests {

  private int inside;
  private boolean closed;

  /** Creates an open counter with no request inside. */
  public InFlightRequests() {}

  /**
   * Lets a request in, unless closing has begun.
   *
   * @return whether the request may be handled; when {@code true}, {@link #exit()} must follow
   */
  public synchronized boolean enter() {
    if (closed) {
      return false;
    }
    inside++;
    return true;
  }

  /** Marks a request that {@link #enter()} let in as done. */
  public synchronized void exit() {
    inside--;
    if (inside == 0) {
      notifyAll();
    }
  }

  /**
   * Lets no more request in and waits for the ones inside.
   *
   * @param bound how long to wait at most
   * @return whether every request left in time
   * @throws InterruptedException when the wait is interrupted
   */
  public synchronized boolean closeAndAwait(Duration bound) throws InterruptedException {
    closed = true;
    long deadline = System.nanoTime() + bound.toNanos();
    while (inside > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /**
   * Returns how many requests are being handled.
   *
   * @return the number
   */
  public synchronized int size() {
    return inside;
  }
}
