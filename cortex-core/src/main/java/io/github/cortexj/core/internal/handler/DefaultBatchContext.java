package io.github.cortexj.core.internal.handler;

import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.JobSpec;
import java.util.Objects;

/** The immutable {@link BatchContext} that {@link BatchContext#builder()} builds. Thread safe. */
public final class DefaultBatchContext extends ContextWithCommonFields implements BatchContext {

  private final JobSpec jobSpec;
  private final String batchId;

  /**
   * Creates a context from validated parts.
   *
   * @param common the fields every context has
   * @param jobSpec the job spec
   * @param batchId the batch id
   */
  public DefaultBatchContext(CommonContext common, JobSpec jobSpec, String batchId) {
    super(common);
    this.jobSpec = Objects.requireNonNull(jobSpec, "jobSpec");
    this.batchId = Objects.requireNonNull(batchId, "batchId");
  }

  @Override
  public JobSpec jobSpec() {
    return jobSpec;
  }

  @Override
  public String batchId() {
    return batchId;
  }

  @Override
  public String toString() {
    return "BatchContext[apiName="
        + apiName()
        + ", jobId="
        + jobId()
        + ", batchId="
        + batchId
        + ", "
        + common.describe()
        + "]";
  }
}
