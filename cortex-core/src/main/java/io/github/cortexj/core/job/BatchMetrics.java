package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The batch counts of a job, as Cortex's {@code batch_metrics}, except that {@code failed} counts distinct
 * batches that failed for good; failed deliveries (which Cortex counts as {@code failed}) are
 * {@code failed_attempts}.
 *
 * <p>Immutable.
 *
 * @param succeeded batches that succeeded
 * @param failed distinct batches that failed for good
 * @param failedAttempts deliveries that failed, retried ones included
 * @param averageTimePerBatch the mean handling time of a delivery, in seconds, or {@code null} before the first
 */
@JsonPropertyOrder({"succeeded", "failed", "failed_attempts", "average_time_per_batch"})
public record BatchMetrics(
    @JsonProperty("succeeded") long succeeded,
    @JsonProperty("failed") long failed,
    @JsonProperty("failed_attempts") long failedAttempts,
    @JsonProperty("average_time_per_batch") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
        Double averageTimePerBatch) {}
