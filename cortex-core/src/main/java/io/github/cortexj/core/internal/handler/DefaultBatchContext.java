package io.github.cortexj.core.internal.handler;

import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The immutable {@link BatchContext} that {@link BatchContext#builder()} builds. Thread safe. */
public final class DefaultBatchContext implements BatchContext {

  private final CommonContext common;
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
    this.common = Objects.requireNonNull(common, "common");
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
