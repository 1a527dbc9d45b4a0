package io.github.cortexj.core.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one daemon thread on which a runtime (batch, async, task) runs its periodic check: timeouts, visibility
 * renewals, scaling. The runtimes start one each and close it when they close.
 *
 * <p>Closing stops the thread <em>and waits for it to leave</em>, so that a closed runtime leaves no thread of its
 * own behind; only a close called from the ticking thread itself (a callback run by a tick) does not wait, since it
 * would wait for itself.
 *
 * <p>Thread-safe.
 */
public final class Ticker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);
  private static final Duration DEFAULT_CLOSE_WAIT = Duration.ofSeconds(10);

  private final String name;
  private final ScheduledExecutorService executor;
  private volatile @Nullable Thread thread;

  private Ticker(String name) {
    this.name = name;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread created = new Thread(runnable, name);
              created.setDaemon(true);
              thread = created;
              return created;
            });
  }

  /**
   * Starts a thread named {@code threadName} that runs {@code tick} every {@code period} (wall time), the first
   * time one period from now. A tick that throws is not run again, so {@code tick} should catch what it can
   * survive.
   *
   * @param threadName the thread's name, as thread dumps and leak checks show it
   * @param period the wall time between ticks; below one millisecond counts as one millisecond
   * @param tick what to run
   * @return the running ticker
   */
  public static Ticker start(String threadName, Duration period, Runnable tick) {
    Objects.requireNonNull(tick, "tick");
    Ticker ticker = new Ticker(Objects.requireNonNull(threadName, "threadName"));
    long millis = Math.max(1, period.toMillis());
    ticker.executor.scheduleAtFixedRate(tick, millis, millis, TimeUnit.MILLISECONDS);
    return ticker;
  }

  /**
   * Stops ticking, interrupts a tick in progress and waits up to {@code wait} for the thread to end (not at all
   * when called from the ticking thread). Later calls do nothing more than wait again.
   *
   * @param wait the longest wall time to wait for the thread
   */
  public void close(Duration wait) {
    executor.shutdownNow();
    if (Thread.currentThread() == thread) {
      return;
    }
    long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
    try {
      if (!executor.awaitTermination(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} still running {} after it was stopped", name, wait);
        return;
      }
      // A terminated executor's worker thread may still be on its way out: the thread itself is waited for.
      Thread worker = thread;
      if (worker != null) {
        TimeUnit.NANOSECONDS.timedJoin(worker, Math.max(1, deadline - System.nanoTime()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops ticking and waits up to 10 seconds for the thread to end; see {@link #close(Duration)}. */
  @Override
  public void close() {
    close(DEFAULT_CLOSE_WAIT);
  }
}
