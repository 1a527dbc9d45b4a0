package io.github.cortexj.task.internal;

import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.task.TaskApiDeployment;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One task job run by this process: its deployment and spec, its deadline, the thread running it, and whether it
 * has ended. The status itself is kept in the store; this only lets the process end its own work promptly (a
 * stop or a timeout interrupts the task's thread).
 *
 * <p>Thread safe.
 */
final class TaskRun {

  private final TaskApiDeployment api;
  private final TaskJobSpec spec;
  private final @Nullable Instant deadline;
  private final AtomicReference<@Nullable JobStatus> ended = new AtomicReference<>();
  private final CountDownLatch recorded = new CountDownLatch(1);
  private final AtomicInteger holders = new AtomicInteger(2);
  private final AtomicLong lastRemoteCheck = new AtomicLong(System.nanoTime());
  private @Nullable Thread thread;
  private boolean started;
  private volatile @Nullable Future<?> future;

  TaskRun(TaskApiDeployment api, TaskJobSpec spec, @Nullable Instant deadline) {
    this.api = api;
    this.spec = spec;
    this.deadline = deadline;
  }

  TaskApiDeployment api() {
    return api;
  }

  TaskJobSpec spec() {
    return spec;
  }

  @Nullable Instant deadline() {
    return deadline;
  }

  void future(Future<?> future) {
    this.future = future;
  }

  /** Records the thread that runs the task, so that ending the run interrupts it; interrupts it at once if ended. */
  synchronized void attach(Thread runner) {
    thread = runner;
    started = true;
    if (isEnded()) {
      runner.interrupt();
    }
  }

  /**
   * Forgets the runner thread and clears its interrupt flag, under the same lock {@link #end(JobStatus)} interrupts
   * with, so that no interrupt meant for this task reaches the next work of a pooled thread.
   */
  synchronized void detach() {
    thread = null;
    Thread.interrupted();
  }

  synchronized boolean isStarted() {
    return started;
  }

  /**
   * Marks the run ended with a status, once: the first caller wins and interrupts the task's thread, unless it is
   * that thread (a task ending itself must not interrupt the store writes that record its end).
   *
   * @return {@code true} for the caller that ended the run
   */
  boolean end(JobStatus status) {
    if (!ended.compareAndSet(null, status)) {
      return false;
    }
    synchronized (this) {
      Thread running = thread;
      if (running != null && running != Thread.currentThread()) {
        running.interrupt();
      }
    }
    return true;
  }

  boolean isEnded() {
    return ended.get() != null;
  }

  /** Records that the end has been written to the store: {@link #awaitEnd(Duration)} returns from now on. */
  void endRecorded() {
    recorded.countDown();
  }

  boolean awaitEnd(Duration wait) throws InterruptedException {
    return recorded.await(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Records that one of the run's two holders is done with it: the runner thread (when it leaves) and the ending
   * (once the end is stored). The run may be forgotten when both are, so that a waiter never finds it gone before
   * its end is stored.
   *
   * @return {@code true} for the last holder
   */
  boolean release() {
    return holders.decrementAndGet() == 0;
  }

  /** Returns whether it is time (in wall time) to look in the store for a stop made by another process. */
  boolean remoteCheckDue(long nanoTime, long periodNanos) {
    long last = lastRemoteCheck.get();
    return nanoTime - last >= periodNanos && lastRemoteCheck.compareAndSet(last, nanoTime);
  }

  /** Waits up to {@code wait} for the task's thread to leave it (after it has ended). */
  void awaitRunner(Duration wait) {
    Future<?> running = future;
    if (running == null) {
      return;
    }
    try {
      running.get(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // The runner records its own failures; here we only wait.
    }
  }
}
