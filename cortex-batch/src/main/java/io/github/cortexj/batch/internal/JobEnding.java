package io.github.cortexj.batch.internal;

import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.BatchMetrics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a job run exactly once, whatever ends it (completion, a failure, the timeout, a stop): records the error
 * when there is one, writes {@code metrics.json} and the status marker, interrupts the batches in flight and
 * deletes the job's queues, so that every worker of this process leaves its loop.
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
    JobSpec spec = run.spec();
    if (!run.end(status)) {
      return false;
    }
    JobStore store = settings.jobStore();
    try {
      if (error != null) {
        store.writeError(spec.apiName(), spec.jobId(), error);
      }
      JobStore.OutcomeCounts counts = store.outcomes(spec.apiName(), spec.jobId());
      store.writeMetrics(
          spec.apiName(),
          spec.jobId(),
          new BatchMetrics(
              counts.succeeded(), counts.failed(), counts.failedAttempts(), run.averageSecondsPerDelivery()));
      store.writeMarker(spec.apiName(), spec.jobId(), status);
      LOG.info("job {} of {} ended: {}", spec.jobId(), spec.apiName(), status.code());
    } finally {
      run.endRecorded();
      deleteQueue(run.queueUrl());
      deleteQueue(run.completionQueueUrl());
    }
    return true;
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
