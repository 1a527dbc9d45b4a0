package io.github.cortexj.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.internal.handler.ConfigCopy;
import io.github.cortexj.core.internal.handler.DetachedCortexClient;
import io.github.cortexj.core.internal.handler.JacksonProblems;
import io.github.cortexj.core.metrics.MetricsClient;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the runtime gives a {@link HandlerFactory} to build a handler: the Java form of the keyword arguments
 * Cortex passes to a handler's constructor.
 *
 * <p>Immutable (the config is a deep unmodifiable copy) and thread safe, as far as the services it holds are.
 *
 * @param config the merged config: the API's config deep-merged with the job's (the job wins); a deep
 *     unmodifiable copy whose values may be {@code null}
 * @param jobSpec the job's spec for batch handlers; empty for async handlers and tasks, as in Cortex
 * @param metrics the client for the handler's own metrics
 * @param projectFiles the files of the project the API was deployed from
 * @param client the client of the cluster the handler runs in
 * @param objectMapper the mapper the runtime binds JSON with: {@link #configAs(Class)}, record and POJO constructor
 *     parameters, and the items of a {@link TypedBatchHandler} use it
 */
public record HandlerInit(
    Map<String, Object> config,
    Optional<JobSpec> jobSpec,
    MetricsClient metrics,
    ProjectFiles projectFiles,
    CortexClient client,
    ObjectMapper objectMapper) {

  /** Validates the fields and copies the config deeply. */
  public HandlerInit {
    config = ConfigCopy.deepUnmodifiable(Objects.requireNonNull(config, "config"));
    Objects.requireNonNull(jobSpec, "jobSpec");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(projectFiles, "projectFiles");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(objectMapper, "objectMapper");
  }

  /**
   * Starts an init. Every option has a default: an empty config, no job spec, a metrics client that drops
   * everything, {@link ProjectFiles#none()}, a client that reaches no cluster, and a plain {@link ObjectMapper}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the merged config to a record or POJO with {@link #objectMapper()}.
   *
   * @param type the target type
   * @param <T> the target type
   * @return the bound config
   * @throws HandlerDefinitionException of kind {@value HandlerDefinitionException#INVALID_CONFIG} naming the type
   *     and Jackson's path when the config does not fit
   */
  public <T> T configAs(Class<T> type) {
    return type.cast(bindConfig(objectMapper.constructType(type)));
  }

  /**
   * Binds the merged config to a generic type with {@link #objectMapper()}.
   *
   * @param type the target type
   * @param <T> the target type
   * @return the bound config
   * @throws HandlerDefinitionException of kind {@value HandlerDefinitionException#INVALID_CONFIG} naming the type
   *     and Jackson's path when the config does not fit
   */
  @SuppressWarnings("unchecked") // Jackson bound the value to the type the reference names
  public <T> T configAs(TypeReference<T> type) {
    return (T) bindConfig(objectMapper.constructType(type));
  }

  private Object bindConfig(JavaType type) {
    try {
      Object value = objectMapper.convertValue(config, type);
      if (value == null) {
        throw new IllegalArgumentException("the binding gave null");
      }
      return value;
    } catch (IllegalArgumentException e) {
      throw new HandlerDefinitionException(
          HandlerDefinitionException.INVALID_CONFIG,
          "the config cannot be bound to " + type.toCanonical() + ": " + JacksonProblems.describe(e),
          JacksonProblems.unwrap(e));
    }
  }

  /**
   * Returns the merged config as a fresh JSON tree, which the caller may change.
   *
   * @return the config as an object node
   */
  public ObjectNode configTree() {
    return objectMapper.valueToTree(config);
  }

  /** Builds a {@link HandlerInit}. Not thread safe. */
  public static final class Builder {
    private Map<String, ?> config = Map.of();
    private @Nullable JobSpec jobSpec;
    private MetricsClient metrics = MetricsClient.noop();
    private ProjectFiles projectFiles = ProjectFiles.none();
    private @Nullable CortexClient client;
    private @Nullable ObjectMapper objectMapper;

    private Builder() {}

    /**
     * Sets the merged config (default empty). It is copied deeply when built.
     *
     * @param config the merged config
     * @return this builder
     */
    public Builder config(Map<String, ?> config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Sets the job spec, for batch handlers (default none).
     *
     * @param jobSpec the spec, or {@code null} for none
     * @return this builder
     */
    public Builder jobSpec(@Nullable JobSpec jobSpec) {
      this.jobSpec = jobSpec;
      return this;
    }

    /**
     * Sets the metrics client (default: one that drops everything).
     *
     * @param metrics the client
     * @return this builder
     */
    public Builder metrics(MetricsClient metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Sets the project files (default {@link ProjectFiles#none()}).
     *
     * @param projectFiles the files
     * @return this builder
     */
    public Builder projectFiles(ProjectFiles projectFiles) {
      this.projectFiles = Objects.requireNonNull(projectFiles, "projectFiles");
      return this;
    }

    /**
     * Sets the cluster's client (default: one that reaches no cluster).
     *
     * @param client the client
     * @return this builder
     */
    public Builder client(CortexClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the mapper used for binding (default: a plain {@link ObjectMapper}).
     *
     * @param objectMapper the mapper
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
      return this;
    }

    /**
     * Builds the init.
     *
     * @return the init
     */
    public HandlerInit build() {
      return new HandlerInit(
          ConfigCopy.deepUnmodifiable(config),
          Optional.ofNullable(jobSpec),
          metrics,
          projectFiles,
          client == null ? DetachedCortexClient.create() : client,
          objectMapper == null ? new ObjectMapper() : objectMapper);
    }
  }
}
