package io.github.cortexj.core.internal.handler;

import io.github.cortexj.core.TaskContext;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The immutable {@link TaskContext} that {@link TaskContext#builder()} builds. Thread safe. */
public final class DefaultTaskContext implements TaskContext {

  private final CommonContext common;
  private final String jobId;

  /**
   * Creates a context from validated parts.
   *
   * @param common the fields every context has
   * @param jobId the job id
   */
  public DefaultTaskContext(CommonContext common, String jobId) {
    this.common = Objects.requireNonNull(common, "common");
    this.jobId = Objects.requireNonNull(jobId, "jobId");
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public String apiName() {
    return common.apiName();
  }

  @Override
  public int attempt() {
    return common.attempt();
  }

  @Override
  public Optional<Instant> deadline() {
    return common.deadlineIfAny();
  }

  @Override
  public MetricsClient metrics() {
    return common.metrics();
  }

  @Override
  public ProjectFiles projectFiles() {
    return common.projectFiles();
  }

  @Override
  public Map<String, String> env() {
    return common.env();
  }

  @Override
  public CortexClient client() {
    return common.client();
  }

  @Override
  public String toString() {
    return "TaskContext[apiName=" + apiName() + ", jobId=" + jobId + ", " + common.describe() + "]";
  }
}
