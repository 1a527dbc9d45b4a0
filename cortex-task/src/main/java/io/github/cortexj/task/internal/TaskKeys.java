package io.github.cortexj.task.internal;

import io.github.cortexj.core.JobStatus;

/**
 * The object keys of task jobs: Cortex's layout (§2 of the reference) under the cluster's key prefix, without
 * Cortex's version segment (as cortex-batch's keys). {@code <root>/jobs/TaskAPI/<api>/<job id>/} holds
 * {@code spec.json}, the status markers and {@code error.json}; {@code <root>/jobs/TaskAPI/in_progress/<api>/<job
 * id>} exists while the task is in progress. API names cannot contain {@code _}, so no API's prefix meets the
 * {@code in_progress} one.
 *
 * <p>Immutable and thread safe.
 *
 * @param root the cluster's key prefix, without a trailing {@code /}; empty for none
 */
public record TaskKeys(String root) {

  private String tasks() {
    return (root.isEmpty() ? "" : root + "/") + "jobs/TaskAPI/";
  }

  /**
   * Returns the prefix of every task job of an API.
   *
   * @param api the API name
   * @return the prefix, ending in {@code /}
   */
  public String apiJobs(String api) {
    return tasks() + api + "/";
  }

  /**
   * Returns the prefix of one task job.
   *
   * @param api the API name
   * @param jobId the job id
   * @return the prefix, ending in {@code /}
   */
  public String job(String api, String jobId) {
    return apiJobs(api) + jobId + "/";
  }

  /**
   * Returns the key of a task's spec.
   *
   * @param api the API name
   * @param jobId the job id
   * @return the key of {@code spec.json}
   */
  public String spec(String api, String jobId) {
    return job(api, jobId) + "spec.json";
  }

  /**
   * Returns the key of a task's error: why it failed or timed out.
   *
   * @param api the API name
   * @param jobId the job id
   * @return the key of {@code error.json}
   */
  public String error(String api, String jobId) {
    return job(api, jobId) + "error.json";
  }

  /**
   * Returns the key of one of a task's status markers.
   *
   * @param api the API name
   * @param jobId the job id
   * @param status the status
   * @return the key, named for the status code
   */
  public String marker(String api, String jobId, JobStatus status) {
    return job(api, jobId) + status.code();
  }

  /**
   * Returns the key of a task's in-progress marker.
   *
   * @param api the API name
   * @param jobId the job id
   * @return the key
   */
  public String inProgress(String api, String jobId) {
    return tasks() + "in_progress/" + api + "/" + jobId;
  }
}
