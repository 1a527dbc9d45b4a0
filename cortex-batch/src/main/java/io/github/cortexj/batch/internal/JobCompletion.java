package io.github.cortexj.batch.internal;

import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.PartialBatchFailure;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.logging.HandlerMdc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code onJobComplete} exactly once per job, after every batch has ended. The enqueuer sends one
 * completion message to a queue of its own (no dead-letter redrive can move it) after writing
 * {@code max_batch_count}; each batch writes its final outcome to the store before its message is deleted. The
 * worker that receives the completion message compares the number of batches with an outcome against
 * {@code max_batch_count}: while it is lower, the message is made invisible for a clock-measured delay and
 * looked at again later; once it is equal, no batch can be in flight, and the holder runs {@code onJobComplete}
 * with the message's visibility renewed, then ends the job. Exact counts from the store decide, never the
 * queue's approximate counts.
 *
 * <p>Thread safe.
 */
final class JobCompletion {

  private static final Logger LOG = LoggerFactory.getLogger(JobCompletion.class);

  private final RuntimeSettings settings;
  private final JobEnding ending;

  JobCompletion(RuntimeSettings settings, JobEnding ending) {
    this.settings = settings;
    this.ending = ending;
  }

  /** Ends the job as {@code worker_error}, storing the error: a worker could not build its handler. */
  void fail(JobRun run, Throwable error) {
    ending.end(run, JobStatus.WORKER_ERROR, error);
  }

  void handle(JobRun run, BatchHandler handler, ReceivedMessage message) {
    JobSpec spec = run.spec();
    String url = run.completionQueueUrl();
    if (url == null) {
      return;
    }
    JobStore store = settings.jobStore();
    long total = store.readMaxBatchCount(spec.apiName(), spec.jobId()).orElse(Long.MAX_VALUE);
    JobStore.OutcomeCounts counts = store.outcomes(spec.apiName(), spec.jobId());
    // The store's counts decide; batches in flight in this process also wait (a batch whose visibility lapsed
    // during a long pause may be running twice, and its first copy must finish too).
    if (counts.ended() < total || run.hasBatchesInFlight()) {
      settings.queues().changeVisibility(url, message.receiptHandle(), settings.completionRecheckDelay());
      return;
    }
    if (run.isEnded() || !run.claimCompletion()) {
      return;
    }
    VisibilityRenewer renewer =
        new VisibilityRenewer(
            settings.queues(),
            url,
            message.receiptHandle(),
            settings.clock().instant(),
            settings.visibilityTimeout(),
            settings.renewalPeriod());
    InFlightBatch inFlight = new InFlightBatch(message.messageId(), Thread.currentThread(), renewer, null);
    run.add(inFlight);
    // A stop may have ended the run since the claim above; checked again now that the completion is registered in
    // flight, so a stop either is seen here (and onJobComplete never starts) or interrupts onJobComplete.
    if (run.isEnded()) {
      inFlight.finish();
      run.remove(inFlight);
      return;
    }
    long failedItems = 0;
    if (counts.failed() > 0) {
      for (FailedBatch failed : store.failedBatches(spec.apiName(), spec.jobId())) {
        if (failed.errorType().equals(PartialBatchFailure.class.getName())) {
          failedItems += failed.items().size();
        }
      }
    }
    JobSummary summary =
        new JobSummary(
            spec.apiName(),
            spec.jobId(),
            (int) counts.succeeded(),
            (int) counts.failed(),
            (int) Math.min(Integer.MAX_VALUE, total),
            failedItems);
    JobStatus status;
    Throwable error = null;
    try (HandlerMdc mdc = HandlerMdc.builder().apiName(spec.apiName()).jobId(spec.jobId()).open()) {
      LOG.info("executing on_job_complete for job {}", spec.jobId());
      handler.onJobComplete(summary);
      status = counts.failed() > 0 ? JobStatus.COMPLETED_WITH_FAILURES : JobStatus.SUCCEEDED;
    } catch (Exception | Error e) {
      LOG.error("failed to run on_job_complete of job {}", spec.jobId(), e);
      status = JobStatus.WORKER_ERROR;
      error = e;
    } finally {
      inFlight.finish();
      run.remove(inFlight);
      Thread.interrupted();
    }
    // The end is recorded before anything else, so that a stop arriving once onJobComplete has returned finds the
    // run ended and is refused, instead of turning a completed job into a stopped one.
    ending.end(run, status, error, counts); // the counts cannot change any more: every batch has ended
    try {
      settings.queues().delete(url, message.receiptHandle());
    } catch (RuntimeException e) {
      LOG.debug("completion message of job {} already gone: {}", spec.jobId(), e.getMessage());
    }
  }
}
