package io.github.cortexj.core;

import io.github.cortexj.core.internal.handler.ContextIds;
import io.github.cortexj.core.internal.handler.DefaultTaskContext;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Task} knows about the job it runs: its id, on top of what every {@link HandlerContext} gives. A
 * task receives no job spec, as in Cortex.
 *
 * <p>New methods are added with default implementations. Contexts built with {@link #builder()} are immutable and
 * thread safe.
 */
public interface TaskContext extends HandlerContext {

  /**
   * Returns the id of the task job.
   *
   * @return the job id
   */
  String jobId();

  /**
   * Starts a context. Required: {@link Builder#apiName(String)} and {@link Builder#jobId(String)}; see
   * {@link HandlerContext.Builder} for the defaults of the rest.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TaskContext}. Not thread safe. */
  final class Builder extends HandlerContext.Builder<Builder> {
    private @Nullable String apiName;
    private @Nullable String jobId;

    Builder() {}

    /**
     * Sets the API name (required).
     *
     * @param apiName the name of the TaskAPI
     * @return this builder
     */
    public Builder apiName(String apiName) {
      this.apiName = apiName;
      return this;
    }

    /**
     * Sets the job id (required): not blank, without {@code /} or control characters.
     *
     * @param jobId the job id
     * @return this builder
     */
    public Builder jobId(String jobId) {
      this.jobId = jobId;
      return this;
    }

    @Override
    public TaskContext build() {
      return new DefaultTaskContext(common("TaskContext", apiName), ContextIds.require("TaskContext", "jobId", jobId));
    }

    @Override
    Builder self() {
      return this;
    }
  }
}
