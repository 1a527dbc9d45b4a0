package io.github.cortexj.core;

import io.github.cortexj.core.internal.handler.CommonContext;
import io.github.cortexj.core.internal.handler.ContextIds;
import io.github.cortexj.core.internal.handler.DetachedCortexClient;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What every handler call can ask of the runtime that runs it: which API it serves, which delivery attempt this
 * is, until when it may run, and the services of its worker (metrics, project files, the {@code .env}
 * variables, the client of the cluster it runs in). {@link BatchContext}, {@link AsyncContext} and
 * {@link TaskContext} add the ids of the work at hand.
 *
 * <p>New methods are added with default implementations, so implementing this interface (for example in a test
 * double) keeps compiling. The runtime and tests build contexts with {@link BatchContext#builder()},
 * {@link AsyncContext#builder()} and {@link TaskContext#builder()}; those contexts are immutable and thread safe.
 */
public interface HandlerContext {

  /**
   * Returns the name of the API this handler serves.
   *
   * @return the API name
   */
  String apiName();

  /**
   * Returns which delivery of this work this is, from 1: a batch retried through a dead-letter queue is delivered
   * again with the next number.
   *
   * @return the attempt, at least 1
   */
  default int attempt() {
    return 1;
  }

  /**
   * Returns when the runtime will stop this work, when there is such a time: the job's timeout.
   *
   * @return the deadline, or empty when the work has none
   */
  default Optional<Instant> deadline() {
    return Optional.empty();
  }

  /**
   * Returns the client that publishes the handler's own metrics.
   *
   * @return the metrics client
   */
  MetricsClient metrics();

  /**
   * Returns the files of the project the API was deployed from.
   *
   * @return the project files; {@link ProjectFiles#none()} when there are none
   */
  ProjectFiles projectFiles();

  /**
   * Returns the variables of the project's {@code .env} file, in file order.
   *
   * @return the variables; unmodifiable, empty when there is no {@code .env}
   */
  default Map<String, String> env() {
    return projectFiles().env();
  }

  /**
   * Returns the client of the cluster this handler runs in, to deploy APIs or submit work from a handler.
   *
   * @return the client
   */
  CortexClient client();

  /**
   * What every context builder accepts. Every option has a default: attempt 1, no deadline, a metrics client that
   * drops everything, {@link ProjectFiles#none()}, the environment of the project files, and a client that reaches
   * no cluster (its operations fail with kind {@code handler.no_client}). Not thread safe.
   *
   * @param <B> the concrete builder
   */
  abstract class Builder<B extends Builder<B>> {
    private int attempt = 1;
    private @Nullable Instant deadline;
    private MetricsClient metrics = MetricsClient.noop();
    private ProjectFiles projectFiles = ProjectFiles.none();
    private @Nullable Map<String, String> env;
    private @Nullable CortexClient client;
    private @Nullable CortexClient detached;

    Builder() {}

    /**
     * Sets which delivery this is (default 1).
     *
     * @param attempt at least 1
     * @return this builder
     */
    public B attempt(int attempt) {
      this.attempt = attempt;
      return self();
    }

    /**
     * Sets when the runtime will stop this work (default none).
     *
     * @param deadline the deadline, or {@code null} for none
     * @return this builder
     */
    public B deadline(@Nullable Instant deadline) {
      this.deadline = deadline;
      return self();
    }

    /**
     * Sets the metrics client (default: one that drops everything).
     *
     * @param metrics the metrics client
     * @return this builder
     */
    public B metrics(MetricsClient metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return self();
    }

    /**
     * Sets the project files (default {@link ProjectFiles#none()}).
     *
     * @param projectFiles the project files
     * @return this builder
     */
    public B projectFiles(ProjectFiles projectFiles) {
      this.projectFiles = Objects.requireNonNull(projectFiles, "projectFiles");
      return self();
    }

    /**
     * Sets the {@code .env} variables (default: those of the project files). The map is copied.
     *
     * @param env the variables
     * @return this builder
     */
    public B env(Map<String, String> env) {
      this.env = Objects.requireNonNull(env, "env");
      return self();
    }

    /**
     * Sets the client of the cluster (default: one that reaches no cluster).
     *
     * @param client the client
     * @return this builder
     */
    public B client(CortexClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return self();
    }

    /**
     * Builds the context.
     *
     * @return the context, immutable
     * @throws IllegalStateException when a required id is missing
     * @throws IllegalArgumentException when an id or the attempt is invalid
     */
    public abstract HandlerContext build();

    abstract B self();

    final CommonContext common(String contextType, @Nullable String apiName) {
      return new CommonContext(
          ContextIds.require(contextType, "apiName", apiName),
          attempt,
          deadline,
          metrics,
          projectFiles,
          env == null ? projectFiles.env() : env,
          client == null ? detachedClient() : client);
    }

    /** The client that reaches no cluster, made once per builder: the runtime builds a context per batch. */
    private CortexClient detachedClient() {
      CortexClient detached = this.detached;
      if (detached == null) {
        detached = DetachedCortexClient.create();
        this.detached = detached;
      }
      return detached;
    }
  }
}
