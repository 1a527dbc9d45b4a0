package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.internal.handler.GoTimeSerializer;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The status of a task job as Cortex's {@code job_status} object (§9.5 of the reference): the fields of its
 * {@link TaskJobSpec}, then {@code end_time}, {@code status} and {@code worker_counts} (present only while the
 * task runs), plus cortex-java's {@code error} when it ended with {@code worker_error} or {@code timed_out}.
 *
 * <p>Immutable.
 *
 * @param jobSpec the task's spec
 * @param endTime when the task ended, or {@code null} while it runs
 * @param status the status, from the job's markers with Task's precedence
 * @param workerCounts the worker counts while in progress, otherwise {@code null}
 * @param error why the task failed, or {@code null}
 */
@JsonPropertyOrder({"jobSpec", "end_time", "status", "worker_counts", "error"})
public record TaskJobStatus(
    @JsonUnwrapped TaskJobSpec jobSpec,
    @JsonProperty("end_time") @JsonInclude(JsonInclude.Include.ALWAYS) @JsonSerialize(using = GoTimeSerializer.class)
        @Nullable Instant endTime,
    @JsonProperty("status") JobStatus status,
    @JsonProperty("worker_counts") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable WorkerCounts workerCounts,
    @JsonProperty("error") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable WorkloadError error) {

  /** Validates the fields. */
  public TaskJobStatus {
    Objects.requireNonNull(jobSpec, "jobSpec");
    Objects.requireNonNull(status, "status");
  }

  /**
   * Returns the job id.
   *
   * @return the job id
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public String jobId() {
    return jobSpec.jobId();
  }
}
