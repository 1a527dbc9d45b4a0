package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.internal.handler.GoTimeSerializer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The status of a batch job as Cortex's {@code job_status} object: the fields of its {@link JobSpec}, then
 * {@code status}, {@code end_time} (left out while the job runs), {@code batches_in_queue},
 * {@code batch_metrics} and {@code worker_counts}. Read from the object store, so any process that can read the
 * store gives the same answer.
 *
 * <p>Immutable.
 *
 * @param jobSpec the job's spec; {@code total_batch_count} is known once enqueuing has finished
 * @param status the status, from the job's markers with Cortex's precedence
 * @param endTime when the job ended, or {@code null} while it has not
 * @param batchesInQueue batches not yet ended (queued or being handled)
 * @param batchMetrics the batch counts
 * @param workerCounts the worker counts, or {@code null} when this process runs none of the job's workers
 */
@JsonPropertyOrder({"jobSpec", "status", "end_time", "batches_in_queue", "batch_metrics", "worker_counts"})
public record BatchJobStatus(
    @JsonUnwrapped JobSpec jobSpec,
    @JsonProperty("status") JobStatus status,
    @JsonProperty("end_time") @JsonInclude(JsonInclude.Include.NON_NULL) @JsonSerialize(using = GoTimeSerializer.class)
        @Nullable Instant endTime,
    @JsonProperty("batches_in_queue") long batchesInQueue,
    @JsonProperty("batch_metrics") BatchMetrics batchMetrics,
    @JsonProperty("worker_counts") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable WorkerCounts workerCounts) {

  /** Validates the fields. */
  public BatchJobStatus {
    Objects.requireNonNull(jobSpec, "jobSpec");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(batchMetrics, "batchMetrics");
  }

  /**
   * Returns the job id.
   *
   * @return the job id
   */
  @JsonIgnore
  public String jobId() {
    return jobSpec.jobId();
  }

  /**
   * Returns the end time, when the job has ended.
   *
   * @return the end time, or empty
   */
  @JsonIgnore
  public Optional<Instant> end() {
    return Optional.ofNullable(endTime);
  }
}
