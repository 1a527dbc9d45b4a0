package io.github.cortexj.batch.internal;

import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.BatchMetrics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a job run exactly once, whatever ends it (completion, a failure, the timeout, a stop): records the error
 * when there is one, writes {@code metrics.json} and the status marker, and interrupts the batches in flight and
 * the workers waiting for one, so that every worker of this process leaves its loop. The job's queues are deleted
 * only once the enqueuer and every worker of this process have left ({@link #taskLeft(JobRun)}), so that no
 * sibling worker polls a queue that is already gone.
 *
 * <p>Thread safe.
 */
final class JobEnding {

  private static final Logger LOG = LoggerFactory.getLogger(JobEnding.class);

  private final RuntimeSettings settings;

  JobEnding(RuntimeSettings settings) {
    this.settings = settings;
  }

  /**
   * Ends the run with a status, unless it has already ended.
   *
   * @param run the run
   * @param status the terminal status
   * @param error the error to store, or {@code null}
   * @return {@code true} when this call ended the run
   */
  boolean end(JobRun run, JobStatus status, @Nullable Throwable error) {
    return end(run, status, error, null);
  }

  /**
   * Ends the run with a status and batch counts already read from the store, unless it has already ended.
   *
   * @param counts the final counts, or {@code null} to read them
   * @return {@code true} when this call ended the run
   */
  boolean end(JobRun run, JobStatus status, @Nullable Throwable error, JobStore.@Nullable OutcomeCounts counts) {
    JobSpec spec = run.spec();
    if (!run.end(status)) {
      return false;
    }
    JobStore store = settings.jobStore();
    boolean recorded = false;
    try {
      if (error != null) {
        store.writeError(spec.apiName(), spec.jobId(), error);
      }
      JobStore.OutcomeCounts ended = counts != null ? counts : store.outcomes(spec.apiName(), spec.jobId());
      store.writeMetrics(
          spec.apiName(),
          spec.jobId(),
          new BatchMetrics(
              ended.succeeded(), ended.failed(), ended.failedAttempts(), run.averageSecondsPerDelivery()));
      store.writeMarker(spec.apiName(), spec.jobId(), status);
      recorded = true;
      LOG.info("job {} of {} ended: {}", spec.jobId(), spec.apiName(), status.code());
    } finally {
      run.endRecorded();
      if (recorded) {
        deleteSucceeded(spec); // counted in metrics.json now; after the latch, so that no waiter waits for it
      }
      if (run.claimQueueRelease(false)) {
        deleteQueues(run);
      }
    }
    return true;
  }

  /**
   * Records that a task of the run (its enqueuer or a worker) has left; the last to leave an ended run deletes
   * its queues.
   *
   * @param run the run
   */
  void taskLeft(JobRun run) {
    run.taskLeft();
    if (run.claimQueueRelease(false)) {
      deleteQueues(run);
    }
  }

  /**
   * Deletes the queues of an ended run even if some of its tasks have not left, when closing after waiting for
   * them.
   *
   * @param run the run
   */
  void releaseQueuesNow(JobRun run) {
    if (run.claimQueueRelease(true)) {
      deleteQueues(run);
    }
  }

  private void deleteSucceeded(JobSpec spec) {
    try {
      settings.jobStore().deleteSucceeded(spec.apiName(), spec.jobId());
    } catch (RuntimeException e) {
      LOG.debug("could not delete the success records of job {}: {}", spec.jobId(), e.getMessage());
    }
  }

  private void deleteQueues(JobRun run) {
    deleteQueue(run.queueUrl());
    deleteQueue(run.completionQueueUrl());
  }

  private void deleteQueue(@Nullable String url) {
    if (url == null) {
      return;
    }
    try {
      settings.queues().deleteQueue(url);
    } catch (RuntimeException e) {
      LOG.debug("queue {} already gone: {}", url, e.getMessage());
    }
  }
}
