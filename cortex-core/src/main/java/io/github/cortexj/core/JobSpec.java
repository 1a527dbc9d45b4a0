package io.github.cortexj.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cortexj.core.internal.handler.ConfigCopy;
import io.github.cortexj.core.internal.handler.GoTimeDeserializer;
import io.github.cortexj.core.internal.handler.GoTimeSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The spec of a batch job, with every field Cortex passes to a batch handler as {@code job_spec} and stores as the
 * job's {@code spec.json}. Its JSON form is Cortex's: snake_case names in Cortex's order,
 * {@code total_batch_count} omitted while it is 0, {@code start_time} as RFC 3339 with nanoseconds in UTC, as Go
 * writes it. Unknown JSON properties are ignored when reading, as Go does.
 *
 * <p>Immutable; {@link #config()} is a deep unmodifiable copy.
 *
 * @param jobId the job id
 * @param apiName the name of the BatchAPI
 * @param kind the API kind, {@code BatchAPI}
 * @param workers the number of workers, at least 1
 * @param sqsDeadLetterQueue the dead-letter queue, or {@code null} when failed batches are not retried
 * @param config the job's own config as submitted (not merged with the API's), or {@code null}
 * @param timeout the job timeout in seconds (at least 1), or {@code null} for none
 * @param apiId the id of the API deployment the job runs on
 * @param sqsUrl the URL of the job's queue; empty until the queue exists
 * @param totalBatchCount the number of batches enqueued; 0 until enqueuing has finished
 * @param startTime when the job was submitted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "job_id",
  "api_name",
  "kind",
  "workers",
  "sqs_dead_letter_queue",
  "config",
  "timeout",
  "api_id",
  "sqs_url",
  "total_batch_count",
  "start_time"
})
public record JobSpec(
    @JsonProperty("job_id") String jobId,
    @JsonProperty("api_name") String apiName,
    @JsonProperty("kind") String kind,
    @JsonProperty("workers") int workers,
    @JsonProperty("sqs_dead_letter_queue") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
        DeadLetterQueue sqsDeadLetterQueue,
    @JsonProperty("config") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Map<String, Object> config,
    @JsonProperty("timeout") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer timeout,
    @JsonProperty("api_id") String apiId,
    @JsonProperty("sqs_url") String sqsUrl,
    @JsonProperty("total_batch_count") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int totalBatchCount,
    @JsonProperty("start_time")
        @JsonSerialize(using = GoTimeSerializer.class)
        @JsonDeserialize(using = GoTimeDeserializer.class)
        Instant startTime) {

  /** The kind of every batch job. */
  public static final String BATCH_KIND = "BatchAPI";

  /**
   * Validates the fields. A {@code null} {@code apiId} or {@code sqsUrl} reads as empty, as Go's zero value.
   *
   * @throws IllegalArgumentException when a field is out of range
   */
  public JobSpec {
    requireText(jobId, "job_id");
    requireText(apiName, "api_name");
    requireText(kind, "kind");
    if (workers < 1) {
      throw new IllegalArgumentException("workers: must be greater than or equal to 1 (got " + workers + ")");
    }
    if (timeout != null && timeout < 1) {
      throw new IllegalArgumentException("timeout: must be greater than or equal to 1 (got " + timeout + ")");
    }
    if (totalBatchCount < 0) {
      throw new IllegalArgumentException(
          "total_batch_count: must be greater than or equal to 0 (got " + totalBatchCount + ")");
    }
    Objects.requireNonNull(startTime, "start_time");
    apiId = apiId == null ? "" : apiId;
    sqsUrl = sqsUrl == null ? "" : sqsUrl;
    config = config == null ? null : ConfigCopy.deepUnmodifiable(config);
  }

  private static void requireText(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": must not be empty");
    }
  }

  /**
   * Starts a spec. Required: {@link Builder#jobId(String)}, {@link Builder#apiName(String)} and
   * {@link Builder#startTime(Instant)}; the rest defaults to kind {@value #BATCH_KIND}, 1 worker, no dead-letter
   * queue, no config, no timeout, empty api id and queue URL, and a batch count of 0.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this spec's values, for example to add the queue URL and batch count once known.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.jobId = jobId;
    builder.apiName = apiName;
    builder.kind = kind;
    builder.workers = workers;
    builder.sqsDeadLetterQueue = sqsDeadLetterQueue;
    builder.config = config;
    builder.timeout = timeout;
    builder.apiId = apiId;
    builder.sqsUrl = sqsUrl;
    builder.totalBatchCount = totalBatchCount;
    builder.startTime = startTime;
    return builder;
  }

  /**
   * A batch job's dead-letter queue: failed batches are retried until SQS has received them
   * {@code maxReceiveCount} times, then moved to the queue {@code arn}.
   *
   * @param arn the queue's ARN, not empty
   * @param maxReceiveCount how many receives move a message to the queue, at least 1
   */
  public record DeadLetterQueue(
      @JsonProperty("arn") String arn, @JsonProperty("max_receive_count") int maxReceiveCount) {

    /**
     * Validates the fields, with Cortex's messages.
     *
     * @throws IllegalArgumentException when the ARN is empty or the count is below 1
     */
    public DeadLetterQueue {
      if (arn == null || arn.isEmpty()) {
        throw new IllegalArgumentException("sqs_dead_letter_queue: arn: cannot be empty");
      }
      if (maxReceiveCount < 1) {
        throw new IllegalArgumentException(
            "sqs_dead_letter_queue: max_receive_count: must be greater than or equal to 1 (got "
                + maxReceiveCount
                + ")");
      }
    }
  }

  /** Builds a {@link JobSpec}. Not thread safe. */
  public static final class Builder {
    private @Nullable String jobId;
    private @Nullable String apiName;
    private String kind = BATCH_KIND;
    private int workers = 1;
    private @Nullable DeadLetterQueue sqsDeadLetterQueue;
    private @Nullable Map<String, Object> config;
    private @Nullable Integer timeout;
    private String apiId = "";
    private String sqsUrl = "";
    private int totalBatchCount;
    private @Nullable Instant startTime;

    private Builder() {}

    /**
     * Sets the job id (required).
     *
     * @param jobId the job id
     * @return this builder
     */
    public Builder jobId(String jobId) {
      this.jobId = jobId;
      return this;
    }

    /**
     * Sets the API name (required).
     *
     * @param apiName the name of the BatchAPI
     * @return this builder
     */
    public Builder apiName(String apiName) {
      this.apiName = apiName;
      return this;
    }

    /**
     * Sets the API kind (default {@value JobSpec#BATCH_KIND}).
     *
     * @param kind the kind
     * @return this builder
     */
    public Builder kind(String kind) {
      this.kind = kind;
      return this;
    }

    /**
     * Sets the number of workers (default 1).
     *
     * @param workers at least 1
     * @return this builder
     */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /**
     * Sets the dead-letter queue (default none).
     *
     * @param sqsDeadLetterQueue the queue, or {@code null} for none
     * @return this builder
     */
    public Builder sqsDeadLetterQueue(@Nullable DeadLetterQueue sqsDeadLetterQueue) {
      this.sqsDeadLetterQueue = sqsDeadLetterQueue;
      return this;
    }

    /**
     * Sets the job's own config (default none). It is copied deeply when the spec is built.
     *
     * @param config the config, or {@code null} for none
     * @return this builder
     */
    public Builder config(@Nullable Map<String, ?> config) {
      this.config = config == null ? null : ConfigCopy.deepUnmodifiable(config);
      return this;
    }

    /**
     * Sets the timeout in seconds (default none).
     *
     * @param timeout at least 1, or {@code null} for none
     * @return this builder
     */
    public Builder timeout(@Nullable Integer timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the id of the API deployment (default empty).
     *
     * @param apiId the API id
     * @return this builder
     */
    public Builder apiId(String apiId) {
      this.apiId = apiId;
      return this;
    }

    /**
     * Sets the URL of the job's queue (default empty).
     *
     * @param sqsUrl the queue URL
     * @return this builder
     */
    public Builder sqsUrl(String sqsUrl) {
      this.sqsUrl = sqsUrl;
      return this;
    }

    /**
     * Sets the number of batches enqueued (default 0, which the JSON form omits).
     *
     * @param totalBatchCount at least 0
     * @return this builder
     */
    public Builder totalBatchCount(int totalBatchCount) {
      this.totalBatchCount = totalBatchCount;
      return this;
    }

    /**
     * Sets when the job was submitted (required).
     *
     * @param startTime the submission time
     * @return this builder
     */
    public Builder startTime(Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @return the spec
     * @throws IllegalStateException when a required field is missing
     * @throws IllegalArgumentException when a field is out of range
     */
    public JobSpec build() {
      if (jobId == null) {
        throw new IllegalStateException("JobSpec: jobId is required");
      }
      if (apiName == null) {
        throw new IllegalStateException("JobSpec: apiName is required");
      }
      if (startTime == null) {
        throw new IllegalStateException("JobSpec: startTime is required");
      }
      return new JobSpec(
          jobId,
          apiName,
          kind,
          workers,
          sqsDeadLetterQueue,
          config,
          timeout,
          apiId,
          sqsUrl,
          totalBatchCount,
          startTime);
    }
  }
}
