package io.github.cortexj.core.internal.handler;

import io.github.cortexj.core.AsyncContext;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The immutable {@link AsyncContext} that {@link AsyncContext#builder()} builds. Thread safe. */
public final class DefaultAsyncContext implements AsyncContext {

  private final CommonContext common;
  private final String requestId;

  /**
   * Creates a context from validated parts.
   *
   * @param common the fields every context has
   * @param requestId the request id
   */
  public DefaultAsyncContext(CommonContext common, String requestId) {
    this.common = Objects.requireNonNull(common, "common");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
  }

  @Override
  public String requestId() {
    return requestId;
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
    return "AsyncContext[apiName=" + apiName() + ", requestId=" + requestId + ", " + common.describe() + "]";
  }
}
