package io.github.cortexj.core.internal.handler;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerContext;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The part every immutable context implementation shares: the {@link CommonContext} fields, handed out through
 * {@link HandlerContext}'s methods. Subclasses add their ids. Thread safe.
 */
abstract class ContextWithCommonFields implements HandlerContext {

  /** The fields every context has. */
  protected final CommonContext common;

  ContextWithCommonFields(CommonContext common) {
    this.common = Objects.requireNonNull(common, "common");
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
}
