package io.github.cortexj.batch.internal;

import io.github.cortexj.batch.BatchApiDeployment;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.RetryPolicy;
import io.github.cortexj.core.job.WorkerCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The state of one job run by this process: its spec and submission, its queues, its deadline, the batches its
 * workers are handling, its worker counts and delivery timings, and whether it has ended. The job's status is
 * not kept here but in the store; this only lets the process end its own work promptly.
 *
 * <p>Thread safe.
 */
public final class JobRun {

  private final BatchApiDeployment api;
  private volatile @Nullable JobSubmission submission;
  private final int maxAttempts;
  private final Duration backoff;
  private final @Nullable Duration batchTimeout;
  private volatile JobSpec spec;
  /** The batches this process's workers are handling (or keep until their group is recorded), by message id. */
  private final Map<String, InFlightBatch> inFlight = new ConcurrentHashMap<>();
  private final Set<Future<?>> tasks = ConcurrentHashMap.newKeySet();
  private final AtomicReference<@Nullable JobStatus> ended = new AtomicReference<>();
  private final CountDownLatch endedLatch = new CountDownLatch(1);
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger succeeded = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicBoolean completionClaimed =
      new java.util.concurrent.atomic.AtomicBoolean();
  // Added to by every worker after every batch: adders, so that workers do not contend on one counter.
  private final LongAdder deliveries = new LongAdder();
  private final LongAdder deliveryNanos = new LongAdder();
  private volatile @Nullable String queueUrl;
  private volatile @Nullable String completionQueueUrl;
  private volatile @Nullable Instant deadline;
  private final AtomicLong lastRemoteCheck = new AtomicLong(System.nanoTime());
  /** The enqueuer and workers of this process that have been submitted and have not yet left. */
  private final AtomicInteger activeTasks = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicBoolean queuesReleased =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** Worker threads waiting in a receive, guarded by {@code this}: the end wakes them. */
  private final Set<Thread> polling = new java.util.HashSet<>();
  /** Batches whose final outcome a worker of this process wrote. */
  private final AtomicLong endedHere = new AtomicLong();
  private final AtomicLong failedHere = new AtomicLong();
  private final AtomicLong failedAttemptsHere = new AtomicLong();
  /** The number of batches once enqueuing has ended, else -1. */
  private volatile long enqueuedBatches = -1;

  JobRun(BatchApiDeployment api, JobSpec spec, JobSubmission submission) {
    this.api = api;
    this.spec = spec;
    this.submission = submission;
    RetryPolicy retry = submission.retryPolicy();
    JobSpec.DeadLetterQueue dlq = submission.sqsDeadLetterQueue();
    if (dlq != null) {
      this.maxAttempts = retry == null ? dlq.maxReceiveCount() : Math.min(retry.maxAttempts(), dlq.maxReceiveCount());
    } else {
      this.maxAttempts = retry == null ? 1 : retry.maxAttempts();
    }
    this.backoff = retry == null ? Duration.ZERO : retry.backoff();
    Integer seconds = submission.batchTimeout();
    this.batchTimeout = seconds == null ? null : Duration.ofSeconds(seconds);
  }

  BatchApiDeployment api() {
    return api;
  }

  JobSpec spec() {
    return spec;
  }

  void spec(JobSpec updated) {
    this.spec = updated;
  }

  /**
   * Returns the submission until the enqueuer has read it; then it is released, so that a finished job does not
   * keep its items in memory.
   */
  JobSubmission submission() {
    JobSubmission held = submission;
    if (held == null) {
      throw new IllegalStateException("the submission was released after enqueuing");
    }
    return held;
  }

  void releaseSubmission() {
    submission = null;
  }

  /** How many deliveries a batch gets in all: the retry policy, capped by the dead-letter queue's count. */
  int maxAttempts() {
    return maxAttempts;
  }

  Duration backoff() {
    return backoff;
  }

  @Nullable Duration batchTimeout() {
    return batchTimeout;
  }

  void queues(String queueUrl, String completionQueueUrl) {
    this.queueUrl = queueUrl;
    this.completionQueueUrl = completionQueueUrl;
  }

  @Nullable String queueUrl() {
    return queueUrl;
  }

  @Nullable String completionQueueUrl() {
    return completionQueueUrl;
  }

  void deadline(@Nullable Instant deadline) {
    this.deadline = deadline;
  }

  @Nullable Instant deadline() {
    return deadline;
  }

  /** Returns whether it is time (in wall time) to look in the store for a stop made by another process. */
  boolean remoteCheckDue(long nanoTime, long periodNanos) {
    long last = lastRemoteCheck.get();
    return nanoTime - last >= periodNanos && lastRemoteCheck.compareAndSet(last, nanoTime);
  }

  void track(Future<?> task) {
    tasks.add(task);
  }

  void add(InFlightBatch batch) {
    inFlight.put(batch.messageId(), batch);
  }

  void remove(InFlightBatch batch) {
    inFlight.remove(batch.messageId(), batch);
  }

  /** Returns the batch with this message id that a worker of this process is handling, if any. */
  @Nullable InFlightBatch inFlight(String messageId) {
    return inFlight.get(messageId);
  }

  boolean hasBatchesInFlight() {
    return !inFlight.isEmpty();
  }

  /** Renews visibilities and enforces batch deadlines at {@code now}. */
  void tick(Instant now) {
    for (InFlightBatch batch : inFlight.values()) {
      batch.tick(now);
    }
  }

  /**
   * Returns the earliest clock instant at which the ticker will act on this run: its job timeout or a batch
   * timeout; {@code null} when the run has ended or has neither.
   */
  @Nullable Instant nextDeadline() {
    if (isEnded()) {
      return null;
    }
    Instant earliest = deadline;
    for (InFlightBatch batch : inFlight.values()) {
      Instant next = batch.pendingDeadline();
      if (next != null && (earliest == null || next.isBefore(earliest))) {
        earliest = next;
      }
    }
    return earliest;
  }

  /**
   * Marks the run ended with a status, once: the first caller wins and interrupts every in-flight batch.
   *
   * @return {@code true} for the caller that ended the run
   */
  boolean end(JobStatus status) {
    if (!ended.compareAndSet(null, status)) {
      return false;
    }
    for (InFlightBatch batch : inFlight.values()) {
      batch.interrupt();
    }
    synchronized (this) {
      for (Thread thread : polling) {
        thread.interrupt(); // a receive returns at once when interrupted, so the worker sees the end promptly
      }
    }
    return true;
  }

  /**
   * Records that the current thread is about to wait in a receive, unless the run has ended.
   *
   * @return {@code false} when the run has ended and the worker should not poll
   */
  synchronized boolean enterPoll() {
    if (isEnded()) {
      return false;
    }
    polling.add(Thread.currentThread());
    return true;
  }

  /** Records that the current thread's receive has returned; no interrupt from the end reaches it from now. */
  synchronized void leavePoll() {
    polling.remove(Thread.currentThread());
  }

  /** Records that a worker of this process wrote a batch's failure for good. */
  void batchFailedHere() {
    endedHere.incrementAndGet();
    failedHere.incrementAndGet();
  }

  /** Records that a worker of this process wrote the success of this many batches. */
  void batchesSucceededHere(int count) {
    endedHere.addAndGet(count);
  }

  /** Records that a worker of this process wrote a failed delivery. */
  void failedAttemptHere() {
    failedAttemptsHere.incrementAndGet();
  }

  /**
   * Returns the batch counts of the workers of this process: the live counts of a job run only here, read
   * without listing the store (a batch handled twice after a lost renewal counts twice).
   */
  JobStore.OutcomeCounts countsHere() {
    long failedCount = failedHere.get();
    return new JobStore.OutcomeCounts(endedHere.get() - failedCount, failedCount, failedAttemptsHere.get());
  }

  /** Records that enqueuing has ended with this many batches. */
  void enqueued(long batches) {
    enqueuedBatches = batches;
  }

  /**
   * Returns whether this process has seen as many batches end as were enqueued: a hint (never a decision, which
   * the store's counts make) that the completion message may be looked at without waiting for a batch first.
   */
  boolean allBatchesEndedHere() {
    long total = enqueuedBatches;
    return total >= 0 && endedHere.get() >= total;
  }

  /** Counts a task (the enqueuer or a worker) about to be submitted; the queues outlive every counted task. */
  void taskSubmitted() {
    activeTasks.incrementAndGet();
  }

  /** Counts a task that has left (or was never run). */
  void taskLeft() {
    activeTasks.decrementAndGet();
  }

  /**
   * Claims the deletion of the job's queues, once: only after the run has ended and every local task that uses
   * the queues has left, so that no sibling worker still polls a deleted queue.
   *
   * @param force claim even while tasks remain (closing, after waiting for them)
   * @return {@code true} for the one caller that must delete them
   */
  boolean claimQueueRelease(boolean force) {
    return isEnded() && (force || activeTasks.get() == 0) && queuesReleased.compareAndSet(false, true);
  }

  /**
   * Claims the right to run {@code onJobComplete} in this process, once: a guard on top of the single completion
   * message.
   *
   * @return {@code true} for the first caller only
   */
  boolean claimCompletion() {
    return completionClaimed.compareAndSet(false, true);
  }

  /** Records that the end has been written to the store: {@link #awaitEnd(Duration)} returns from now on. */
  void endRecorded() {
    endedLatch.countDown();
  }

  boolean isEnded() {
    return ended.get() != null;
  }

  @Nullable JobStatus endStatus() {
    return ended.get();
  }

  /**
   * Waits until the run has ended and its end has been written to the store.
   *
   * @return {@code true} when it ended within the wait
   */
  boolean awaitEnd(Duration wait) throws InterruptedException {
    return endedLatch.await(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  void workerStarted() {
    running.incrementAndGet();
  }

  void workerEnded(boolean ok) {
    running.decrementAndGet();
    (ok ? succeeded : failed).incrementAndGet();
  }

  WorkerCounts workerCounts() {
    return new WorkerCounts(running.get(), succeeded.get(), failed.get());
  }

  void recordDelivery(long nanos) {
    deliveries.increment();
    deliveryNanos.add(nanos);
  }

  @Nullable Double averageSecondsPerDelivery() {
    long count = deliveries.sum();
    return count == 0 ? null : deliveryNanos.sum() / 1e9 / count;
  }

  /** Waits for the run's tasks to finish (after it has ended), up to {@code wait}. */
  void awaitTasks(Duration wait) {
    long deadlineNanos = System.nanoTime() + wait.toNanos();
    for (Future<?> task : tasks) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        task.get(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // The task's own failure is recorded by the task; here we only wait.
      }
    }
  }
}
