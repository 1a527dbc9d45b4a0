package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cortexj.core.internal.handler.GoTimeDeserializer;
import io.github.cortexj.core.internal.handler.GoTimeSerializer;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The spec of a task job as Cortex answers a task submission and stores it as {@code spec.json} (§9.2 of the
 * reference): {@code job_id, api_name, kind, workers, config, timeout, api_id, spec_id, handler_id, start_time}.
 *
 * <p>Immutable.
 *
 * @param jobId the job id
 * @param apiName the TaskAPI
 * @param kind always {@value #TASK_KIND}
 * @param workers always 1
 * @param config the job's own config as submitted (not merged), or {@code null}
 * @param timeout the timeout in seconds, or {@code null}
 * @param apiId the id of the API deployment
 * @param specId the id of the API's spec
 * @param handlerId the id of the task's code
 * @param startTime when the job was submitted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "job_id", "api_name", "kind", "workers", "config", "timeout", "api_id", "spec_id", "handler_id", "start_time"
})
public record TaskJobSpec(
    @JsonProperty("job_id") String jobId,
    @JsonProperty("api_name") String apiName,
    @JsonProperty("kind") String kind,
    @JsonProperty("workers") int workers,
    @JsonProperty("config") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Map<String, @Nullable Object> config,
    @JsonProperty("timeout") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer timeout,
    @JsonProperty("api_id") String apiId,
    @JsonProperty("spec_id") String specId,
    @JsonProperty("handler_id") String handlerId,
    @JsonProperty("start_time")
        @JsonSerialize(using = GoTimeSerializer.class)
        @JsonDeserialize(using = GoTimeDeserializer.class)
        Instant startTime) {

  /** The kind of every task job. */
  public static final String TASK_KIND = "TaskAPI";

  /** Validates and copies the fields. */
  public TaskJobSpec {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(apiName, "apiName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(apiId, "apiId");
    Objects.requireNonNull(specId, "specId");
    Objects.requireNonNull(handlerId, "handlerId");
    Objects.requireNonNull(startTime, "startTime");
    config = config == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }
}
