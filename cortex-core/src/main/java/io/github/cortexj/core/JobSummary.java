package io.github.cortexj.core;

import java.util.Objects;

/**
 * What a batch handler's {@link BatchHandler#onJobComplete(JobSummary)} learns about the job that just ended: how
 * many of its batches succeeded and failed. With a dead-letter queue, a batch that failed and then succeeded on a
 * retry counts as succeeded.
 *
 * <p>Immutable.
 *
 * @param apiName the name of the BatchAPI
 * @param jobId the job id
 * @param succeededBatchCount the batches that succeeded
 * @param failedBatchCount the batches that failed for good
 * @param totalBatchCount the batches enqueued
 * @param failedItemCount the items reported failed through {@link PartialBatchFailure}, over all batches
 */
public record JobSummary(
    String apiName,
    String jobId,
    int succeededBatchCount,
    int failedBatchCount,
    int totalBatchCount,
    long failedItemCount) {

  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException when a count is negative or a name is blank
   */
  public JobSummary {
    Objects.requireNonNull(apiName, "apiName");
    Objects.requireNonNull(jobId, "jobId");
    if (apiName.isBlank() || jobId.isBlank()) {
      throw new IllegalArgumentException("apiName and jobId must not be blank");
    }
    requireNonNegative(succeededBatchCount, "succeededBatchCount");
    requireNonNegative(failedBatchCount, "failedBatchCount");
    requireNonNegative(totalBatchCount, "totalBatchCount");
    requireNonNegative(failedItemCount, "failedItemCount");
  }

  private static void requireNonNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, got " + value);
    }
  }

  /**
   * Returns whether every batch succeeded and no item failed.
   *
   * @return {@code true} when nothing failed
   */
  public boolean succeeded() {
    return failedBatchCount == 0 && failedItemCount == 0;
  }
}
