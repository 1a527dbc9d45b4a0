package io.github.cortexj.core;

import io.github.cortexj.core.internal.handler.ContextIds;
import io.github.cortexj.core.internal.handler.DefaultBatchContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link BatchHandler} knows about the batch it handles: the job (its id and {@link JobSpec}) and the batch
 * id, on top of what every {@link HandlerContext} gives.
 *
 * <p>New methods are added with default implementations. Contexts built with {@link #builder()} are immutable and
 * thread safe.
 */
public interface BatchContext extends HandlerContext {

  /**
   * Returns the spec of the job this batch belongs to.
   *
   * @return the job spec
   */
  JobSpec jobSpec();

  /**
   * Returns the id of the job this batch belongs to.
   *
   * @return the job id
   */
  default String jobId() {
    return jobSpec().jobId();
  }

  /**
   * Returns the name of the BatchAPI, from the job spec.
   *
   * @return the API name
   */
  @Override
  default String apiName() {
    return jobSpec().apiName();
  }

  /**
   * Returns the id of this batch: the id of its queue message, which stays the same when the batch is delivered
   * again.
   *
   * @return the batch id
   */
  String batchId();

  /**
   * Starts a context. Required: {@link Builder#jobSpec(JobSpec)} (which gives the API name and job id) and
   * {@link Builder#batchId(String)}; see {@link HandlerContext.Builder} for the defaults of the rest.
   *
   * <pre>{@code
   * BatchContext context = BatchContext.builder().jobSpec(spec).batchId("b-1").attempt(2).build();
   * }</pre>
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BatchContext}. Not thread safe. */
  final class Builder extends HandlerContext.Builder<Builder> {
    private @Nullable JobSpec jobSpec;
    private @Nullable String batchId;

    Builder() {}

    /**
     * Sets the job's spec (required).
     *
     * @param jobSpec the spec
     * @return this builder
     */
    public Builder jobSpec(JobSpec jobSpec) {
      this.jobSpec = Objects.requireNonNull(jobSpec, "jobSpec");
      return this;
    }

    /**
     * Sets the batch id (required): not blank, without {@code /} or control characters.
     *
     * @param batchId the batch id
     * @return this builder
     */
    public Builder batchId(String batchId) {
      this.batchId = batchId;
      return this;
    }

    @Override
    public BatchContext build() {
      JobSpec spec = jobSpec;
      if (spec == null) {
        throw new IllegalStateException("BatchContext: jobSpec is required");
      }
      ContextIds.require("BatchContext", "jobId", spec.jobId());
      return new DefaultBatchContext(
          common("BatchContext", spec.apiName()), spec, ContextIds.require("BatchContext", "batchId", batchId));
    }

    @Override
    Builder self() {
      return this;
    }
  }
}
