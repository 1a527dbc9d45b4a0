package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How many of a job's workers are running, ended normally or failed, as Cortex's {@code worker_counts} (zero
 * fields are left out of the JSON).
 *
 * <p>Immutable.
 *
 * @param running workers still looping
 * @param succeeded workers that ended normally
 * @param failed workers that ended with an error
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonPropertyOrder({"running", "succeeded", "failed"})
public record WorkerCounts(
    @JsonProperty("running") int running,
    @JsonProperty("succeeded") int succeeded,
    @JsonProperty("failed") int failed) {}
