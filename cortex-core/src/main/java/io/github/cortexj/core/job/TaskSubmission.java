package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A task job as submitted, with Cortex's schema (§9.2 of the reference): {@code workers} (must be 1),
 * {@code config} (deep-merged over the API's {@code definition.config}, the job wins) and {@code timeout} in
 * seconds. Unknown JSON keys are ignored, as Cortex does.
 *
 * <pre>{@code
 * TaskJobSpec job = client.submitTask("trainer", TaskSubmission.builder().config(Map.of("epochs", 3)).build());
 * }</pre>
 *
 * <p>Immutable. Not validated when built: the cluster validates it on submit and throws
 * {@link JobSubmissionException}.
 *
 * @param workers the number of workers; Cortex requires exactly 1
 * @param config the job's config, or {@code null}
 * @param timeout the timeout in seconds, or {@code null} for none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"workers", "config", "timeout"})
public record TaskSubmission(
    @JsonProperty("workers") int workers,
    @JsonProperty("config") @Nullable Map<String, @Nullable Object> config,
    @JsonProperty("timeout") @Nullable Integer timeout) {

  /** Copies the config. */
  public TaskSubmission {
    config = config == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }

  /**
   * Starts a builder: one worker, no config, no timeout.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TaskSubmission}. Not thread safe. */
  public static final class Builder {
    private int workers = 1;
    private @Nullable Map<String, @Nullable Object> config;
    private @Nullable Integer timeout;

    private Builder() {}

    /**
     * Sets the number of workers (default 1, the only value Cortex accepts).
     *
     * @param workers the number
     * @return this builder
     */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /**
     * Sets the job's config.
     *
     * @param config the config, or {@code null}
     * @return this builder
     */
    public Builder config(@Nullable Map<String, ?> config) {
      this.config = config == null ? null : new LinkedHashMap<>(config);
      return this;
    }

    /**
     * Sets the timeout in seconds.
     *
     * @param timeout at least 1 (validated on submit), or {@code null} for none
     * @return this builder
     */
    public Builder timeout(@Nullable Integer timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Builds the submission.
     *
     * @return the submission
     */
    public TaskSubmission build() {
      return new TaskSubmission(workers, config, timeout);
    }
  }
}
