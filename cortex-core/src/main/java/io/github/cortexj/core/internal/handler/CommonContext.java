package io.github.cortexj.core.internal.handler;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What every handler context holds, validated.
 *
 * @param apiName the API name
 * @param attempt the delivery attempt, from 1
 * @param deadline when the runtime stops the work, or {@code null}
 * @param metrics the metrics client
 * @param projectFiles the project files
 * @param env the variables of {@code .env}, in file order; copied, unmodifiable
 * @param client the cluster's client
 */
public record CommonContext(
    String apiName,
    int attempt,
    @Nullable Instant deadline,
    MetricsClient metrics,
    ProjectFiles projectFiles,
    Map<String, String> env,
    CortexClient client) {

  /** Validates the fields and copies the environment. */
  public CommonContext {
    Objects.requireNonNull(apiName, "apiName");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, got " + attempt);
    }
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(projectFiles, "projectFiles");
    // An empty environment (the usual case) needs no copy: a context is built per batch.
    env = env.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
    Objects.requireNonNull(client, "client");
  }

  /**
   * Returns the deadline as an optional.
   *
   * @return the deadline, or empty
   */
  public Optional<Instant> deadlineIfAny() {
    return Optional.ofNullable(deadline);
  }

  /**
   * Describes the common fields for {@code toString}, without the environment's values, which may be secrets.
   *
   * @return the description
   */
  public String describe() {
    return "attempt="
        + attempt
        + ", deadline="
        + (deadline == null ? "none" : deadline.toString())
        + ", env="
        + env.keySet()
        + ", client="
        + client.describe();
  }
}
