package io.github.cortexj.batch.internal;

import io.github.cortexj.core.JobStatus;

/**
 * The object keys of batch jobs (Cortex's layout, §2 of the reference, under the cluster's key prefix):
 * {@code <root>/jobs/BatchAPI/<api>/<job id>/} holds {@code spec.json}, {@code payload.json},
 * {@code max_batch_count}, {@code metrics.json}, {@code error.json} and the status markers, as Cortex. The
 * per-batch records cortex-java adds live beside that tree, so that listing an API's jobs reads a few keys per
 * job rather than one per batch: {@code <root>/batch_outcomes/<api>/<job id>/<batch id>/<outcome>} for each
 * batch that ended, plus {@code .../<batch id>/attempts/<n>} for each failed delivery.
 *
 * <p>Immutable and thread safe.
 *
 * @param root the cluster's key prefix, without a trailing {@code /}; empty for none
 */
public record JobKeys(String root) {

  /** The outcome name of a batch that succeeded. */
  public static final String SUCCEEDED = "succeeded";

  /** The outcome name of a batch that failed for good. */
  public static final String FAILED = "failed";

  /**
   * Returns the prefix of every job of an API.
   *
   * @param api the API name
   * @return the prefix, ending in {@code /}
   */
  public String apiJobs(String api) {
    return (root.isEmpty() ? "" : root + "/") + "jobs/BatchAPI/" + api + "/";
  }

  /**
   * Returns the prefix of one job.
   *
   * @param api the API name
   * @param jobId the job id
   * @return the prefix, ending in {@code /}
   */
  public String job(String api, String jobId) {
    return apiJobs(api) + jobId + "/";
  }

  String spec(String api, String jobId) {
    return job(api, jobId) + "spec.json";
  }

  String payload(String api, String jobId) {
    return job(api, jobId) + "payload.json";
  }

  String maxBatchCount(String api, String jobId) {
    return job(api, jobId) + "max_batch_count";
  }

  String metrics(String api, String jobId) {
    return job(api, jobId) + "metrics.json";
  }

  String error(String api, String jobId) {
    return job(api, jobId) + "error.json";
  }

  String marker(String api, String jobId, JobStatus status) {
    return job(api, jobId) + status.code();
  }

  String batches(String api, String jobId) {
    return (root.isEmpty() ? "" : root + "/") + "batch_outcomes/" + api + "/" + jobId + "/";
  }

  String outcome(String api, String jobId, String batchId, String outcome) {
    return batches(api, jobId) + batchId + "/" + outcome;
  }

  String failedAttempt(String api, String jobId, String batchId, int attempt) {
    return batches(api, jobId) + batchId + "/attempts/" + attempt;
  }
}
