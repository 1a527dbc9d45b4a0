package io.github.cortexj.core.internal.handler;

import io.github.cortexj.core.TaskContext;
import java.util.Objects;

/** The immutable {@link TaskContext} that {@link TaskContext#builder()} builds. Thread safe. */
public final class DefaultTaskContext extends ContextWithCommonFields implements TaskContext {

  private final String jobId;

  /**
   * Creates a context from validated parts.
   *
   * @param common the fields every context has
   * @param jobId the job id
   */
  public DefaultTaskContext(CommonContext common, String jobId) {
    super(common);
    this.jobId = Objects.requireNonNull(jobId, "jobId");
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public String toString() {
    return "TaskContext[apiName=" + apiName() + ", jobId=" + jobId + ", " + common.describe() + "]";
  }
}
