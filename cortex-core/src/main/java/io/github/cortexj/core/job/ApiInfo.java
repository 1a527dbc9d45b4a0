package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.cortexj.core.spec.ApiSpec;
import java.util.List;
import java.util.Objects;

/**
 * A deployed API as the cluster describes it (Cortex's {@code APIResponse}): its spec, the id of its deployment
 * and, for a BatchAPI, the statuses of its jobs (newest first; left out of the JSON when there are none).
 *
 * <p>Immutable.
 *
 * @param spec the API's spec
 * @param apiId the id of the deployment, which changes when the spec changes
 * @param batchJobStatuses the API's batch jobs, newest first
 */
@JsonPropertyOrder({"spec", "api_id", "batch_job_statuses"})
public record ApiInfo(
    @JsonProperty("spec") ApiSpec spec,
    @JsonProperty("api_id") String apiId,
    @JsonProperty("batch_job_statuses") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<BatchJobStatus> batchJobStatuses) {

  /** Validates and copies the fields. */
  public ApiInfo {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(apiId, "apiId");
    batchJobStatuses = List.copyOf(batchJobStatuses);
  }

  /**
   * Returns the API's name.
   *
   * @return the name
   */
  public String name() {
    return spec.name();
  }
}
