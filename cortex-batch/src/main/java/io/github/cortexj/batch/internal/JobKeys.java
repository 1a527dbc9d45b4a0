package io.github.cortexj.batch.internal;

import io.github.cortexj.core.JobStatus;
import java.util.List;

/**
 * The object keys of batch jobs (Cortex's layout, §2 of the reference, under the cluster's key prefix):
 * {@code <root>/jobs/BatchAPI/<api>/<job id>/} holds {@code spec.json}, {@code payload.json},
 * {@code max_batch_count}, {@code metrics.json}, {@code error.json} and the status markers, as Cortex. The
 * per-batch records cortex-java adds live beside that tree, so that listing an API's jobs reads a few keys per
 * job rather than one per batch, under {@code <root>/batch_outcomes/<api>/<job id>/}: {@code <batch id>/failed}
 * (the failed batch) for each batch that failed for good, {@code <batch id>/attempts/<n>} for each failed
 * delivery, and {@code .succeeded/<batch id>.<batch id>...} for each group of up to
 * {@value #MAX_GROUP} batches that succeeded (a worker records its successes a group at a time; the ids are in
 * the key, so that counting the batches that ended is one listing, with no reads). Batch ids are message ids (a
 * UUID on SQS and in memory): they never contain {@code .} nor start with it.
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

  /** The most batch ids one group of successes holds: keys stay far below S3's 1,024 bytes. */
  static final int MAX_GROUP = 10;

  /** The folder, under a job's batch records, of its groups of successes; no batch id starts with a dot. */
  static final String SUCCEEDED_GROUPS = ".succeeded/";

  /** The separator of the batch ids in a group's key. */
  static final char GROUP_SEPARATOR = '.';

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

  String succeededGroups(String api, String jobId) {
    return batches(api, jobId) + SUCCEEDED_GROUPS;
  }

  String succeededGroup(String api, String jobId, List<String> batchIds) {
    if (batchIds.isEmpty() || batchIds.size() > MAX_GROUP) {
      throw new IllegalArgumentException("a group holds 1 to " + MAX_GROUP + " batch ids, not " + batchIds.size());
    }
    StringBuilder key = new StringBuilder(succeededGroups(api, jobId));
    for (int i = 0; i < batchIds.size(); i++) {
      String id = batchIds.get(i);
      if (id.isEmpty() || id.indexOf(GROUP_SEPARATOR) >= 0 || id.indexOf('/') >= 0) {
        throw new IllegalArgumentException("batch id \"" + id + "\" cannot be recorded in a group");
      }
      if (i > 0) {
        key.append(GROUP_SEPARATOR);
      }
      key.append(id);
    }
    return key.toString();
  }

  String failedAttempt(String api, String jobId, String batchId, int attempt) {
    return batches(api, jobId) + batchId + "/attempts/" + attempt;
  }
}
