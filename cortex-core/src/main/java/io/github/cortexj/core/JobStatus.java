package io.github.cortexj.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The status of a batch or task job, with Cortex's codes ({@code pkg/types/status/job_code.go}). The JSON value is
 * the {@linkplain #code() code}, as in Cortex's API answers; a code Cortex does not define reads as
 * {@link #UNKNOWN}.
 *
 * <p>A job's status is derived from the marker objects stored under its key prefix, which are never deleted, so
 * several coexist: {@link #fromBatchMarkers(Collection)} and {@link #fromTaskMarkers(Collection)} apply Cortex's
 * precedence.
 *
 * <p>Immutable and thread safe, as every enum.
 */
public enum JobStatus {
  /** Submitted; enqueuing has not started. Also the value of an uninitialised status. */
  PENDING("pending", "pending"),
  /** The enqueuer is running, or has finished and the workers have not been created yet. */
  ENQUEUING("enqueuing", "enqueuing"),
  /** Workers are active. */
  RUNNING("running", "running"),
  /** The enqueuer failed. */
  ENQUEUE_FAILED("enqueue_failed", "failed while enqueuing"),
  /** All workers finished and at least one failed batch was recorded. */
  COMPLETED_WITH_FAILURES("completed_with_failures", "completed with failures"),
  /** All workers finished and no failed batch was recorded. */
  SUCCEEDED("succeeded", "succeeded"),
  /** The job disappeared without reaching an end (in Cortex v0.35, a task whose Kubernetes Job is missing). */
  UNEXPECTED_ERROR("unexpected_error", "unexpected error"),
  /** Workers failed. */
  WORKER_ERROR("worker_error", "worker error"),
  /** A worker ran out of memory. */
  WORKER_OOM("worker_oom", "out of memory"),
  /** The job's timeout passed. */
  TIMED_OUT("timed_out", "timed out"),
  /** Stopped by the user, or by deleting the API. */
  STOPPED("stopped", "stopped"),
  /** Unparseable or unknown. */
  UNKNOWN("unknown", "unknown");

  /** Batch marker precedence (Cortex's {@code pkg/operator/resources/job/state.go}), highest first. */
  private static final List<JobStatus> BATCH_PRECEDENCE =
      List.of(
          TIMED_OUT,
          WORKER_OOM,
          WORKER_ERROR,
          ENQUEUE_FAILED,
          UNEXPECTED_ERROR,
          COMPLETED_WITH_FAILURES,
          SUCCEEDED,
          STOPPED,
          RUNNING,
          ENQUEUING,
          PENDING);

  /** Task marker precedence: the batch one with {@link #STOPPED} moved first. */
  private static final List<JobStatus> TASK_PRECEDENCE =
      Stream.concat(Stream.of(STOPPED), BATCH_PRECEDENCE.stream().filter(s -> s != STOPPED)).toList();

  private static final Map<String, JobStatus> BY_CODE =
      Stream.of(values()).collect(Collectors.toUnmodifiableMap(JobStatus::code, Function.identity()));

  private final String code;
  private final String message;

  JobStatus(String code, String message) {
    this.code = code;
    this.message = message;
  }

  /**
   * Returns Cortex's code for this status, for example {@code completed_with_failures}: its JSON value and the
   * name of its marker object.
   *
   * @return the code
   */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * Returns Cortex's human message for this status, for example {@code failed while enqueuing}, as the CLI shows
   * it.
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  /**
   * Returns whether the job has ended: enqueue failed, completed with failures, succeeded, unexpected error,
   * worker error, out of memory, timed out or stopped.
   *
   * @return {@code true} for a terminal status
   */
  public boolean isTerminal() {
    return switch (this) {
      case ENQUEUE_FAILED,
          COMPLETED_WITH_FAILURES,
          SUCCEEDED,
          UNEXPECTED_ERROR,
          WORKER_ERROR,
          WORKER_OOM,
          TIMED_OUT,
          STOPPED -> true;
      case PENDING, ENQUEUING, RUNNING, UNKNOWN -> false;
    };
  }

  /**
   * Returns whether the job is in progress: enqueuing or running. A job in progress can be stopped.
   *
   * @return {@code true} for {@link #ENQUEUING} and {@link #RUNNING}
   */
  public boolean isInProgress() {
    return this == ENQUEUING || this == RUNNING;
  }

  /**
   * Reads a status code as Cortex does: a code it does not define, or {@code null}, reads as {@link #UNKNOWN}.
   *
   * @param code a code such as {@code running}; matched exactly (case-sensitive)
   * @return the status
   */
  @JsonCreator
  public static JobStatus fromCode(@Nullable String code) {
    if (code == null) {
      return UNKNOWN;
    }
    return BY_CODE.getOrDefault(code, UNKNOWN);
  }

  /**
   * Derives a batch job's status from the names of the marker objects found under its key prefix, with Cortex's
   * precedence: {@code timed_out} > {@code worker_oom} > {@code worker_error} > {@code enqueue_failed} >
   * {@code unexpected_error} > {@code completed_with_failures} > {@code succeeded} > {@code stopped} >
   * {@code running} > {@code enqueuing} > {@code pending}.
   *
   * <p>Names that are not status codes ({@code spec.json}, {@code metrics.json}, ...) are ignored, as is anything up
   * to the last {@code /}, so full object keys may be passed. The order of the names does not matter.
   *
   * @param markers the names (or keys) of the objects found
   * @return the status of the highest-precedence marker present, or {@link #UNKNOWN} when there is none
   */
  public static JobStatus fromBatchMarkers(Collection<String> markers) {
    return fromMarkers(markers, BATCH_PRECEDENCE);
  }

  /**
   * Derives a task job's status from the names of its marker objects: the batch precedence of
   * {@link #fromBatchMarkers(Collection)}, except that {@code stopped} wins over everything, as in Cortex.
   *
   * @param markers the names (or keys) of the objects found
   * @return the status of the highest-precedence marker present, or {@link #UNKNOWN} when there is none
   */
  public static JobStatus fromTaskMarkers(Collection<String> markers) {
    return fromMarkers(markers, TASK_PRECEDENCE);
  }

  private static JobStatus fromMarkers(Collection<String> markers, List<JobStatus> precedence) {
    Set<String> names = new HashSet<>();
    for (String marker : markers) {
      names.add(marker.substring(marker.lastIndexOf('/') + 1));
    }
    for (JobStatus status : precedence) {
      if (names.contains(status.code)) {
        return status;
      }
    }
    return UNKNOWN;
  }
}
