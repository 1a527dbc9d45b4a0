package io.github.cortexj.testkit;

import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.BatchJobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * AssertJ assertions on a {@link BatchJobStatus}: its status, its batch counts and its times.
 *
 * <pre>{@code
 * assertThat(status).succeeded().hasBatchStatistics(stats -> stats.total(3).succeeded(3).failedAttempts(1));
 * assertThat(status).hasStatus(JobStatus.TIMED_OUT).ranFor(Duration.ofHours(1));
 * }</pre>
 *
 * <p>Not thread safe.
 */
public final class BatchJobStatusAssert extends CortexAssert<BatchJobStatusAssert, BatchJobStatus> {

  BatchJobStatusAssert(BatchJobStatus actual) {
    super(actual, BatchJobStatusAssert.class);
  }

  /**
   * Verifies the job's status.
   *
   * @param expected the status
   * @return this
   */
  public BatchJobStatusAssert hasStatus(JobStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWith("expected job " + actual.jobId() + " to be " + expected.code() + " but it was "
          + actual.status().code() + " (" + summary() + ")");
    }
    return this;
  }

  /**
   * Verifies that the job succeeded: every batch did.
   *
   * @return this
   */
  public BatchJobStatusAssert succeeded() {
    return hasStatus(JobStatus.SUCCEEDED);
  }

  /**
   * Verifies that the job ended with some batches failed.
   *
   * @return this
   */
  public BatchJobStatusAssert completedWithFailures() {
    return hasStatus(JobStatus.COMPLETED_WITH_FAILURES);
  }

  /**
   * Verifies that the job ran out of its timeout.
   *
   * @return this
   */
  public BatchJobStatusAssert timedOut() {
    return hasStatus(JobStatus.TIMED_OUT);
  }

  /**
   * Verifies that the job has ended, whatever its status.
   *
   * @return this
   */
  public BatchJobStatusAssert isTerminal() {
    isNotNull();
    if (!actual.status().isTerminal()) {
      failWith("expected job " + actual.jobId() + " to have ended but it is " + actual.status().code() + " ("
          + summary() + ")");
    }
    return this;
  }

  /**
   * Verifies the job's batch counts, stated in one lambda; every mismatch is reported.
   *
   * @param expectations states the expected counts
   * @return this
   */
  public BatchJobStatusAssert hasBatchStatistics(Consumer<BatchStatistics> expectations) {
    isNotNull();
    BatchStatistics statistics = new BatchStatistics();
    expectations.accept(statistics);
    List<String> mismatches = statistics.mismatches(actual);
    if (!mismatches.isEmpty()) {
      failWith("unexpected batch statistics of job " + actual.jobId() + ":\n  " + String.join("\n  ", mismatches)
          + "\n(" + summary() + ")");
    }
    return this;
  }

  /**
   * Verifies how many batches have ended, succeeded or failed.
   *
   * @param expected the count
   * @return this
   */
  public BatchJobStatusAssert hasProcessedBatches(long expected) {
    isNotNull();
    long processed = actual.batchMetrics().succeeded() + actual.batchMetrics().failed();
    if (processed != expected) {
      failWith("expected job " + actual.jobId() + " to have processed " + expected + " batches but it processed "
          + processed + " (" + summary() + ")");
    }
    return this;
  }

  /**
   * Verifies the cluster time between the job's submission and its end.
   *
   * @param expected the duration
   * @return this
   */
  public BatchJobStatusAssert ranFor(Duration expected) {
    isNotNull();
    Instant end = actual.endTime();
    Duration ran = end == null ? null : Duration.between(actual.jobSpec().startTime(), end);
    if (!Objects.equals(ran, expected)) {
      failWith("expected job " + actual.jobId() + " to have run for " + expected + " but "
          + (ran == null ? "it has not ended" : "it ran for " + ran) + " (" + summary() + ")");
    }
    return this;
  }

  private String summary() {
    return "status " + actual.status().code() + ", total " + actual.jobSpec().totalBatchCount() + ", succeeded "
        + actual.batchMetrics().succeeded() + ", failed " + actual.batchMetrics().failed() + ", failed attempts "
        + actual.batchMetrics().failedAttempts() + ", in queue " + actual.batchesInQueue();
  }
}
