package io.github.cortexj.core.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.internal.spec.ApiSpecTrees;
import io.github.cortexj.core.internal.spec.ApiTreeValidator;
import io.github.cortexj.core.internal.spec.ConfigValues;
import io.github.cortexj.core.internal.spec.GoDurations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One API of a cortex.yaml file: its name, kind and the sections that kind accepts.
 *
 * <p>Specs come from {@link CortexYaml#parse(java.nio.file.Path)} or from the builders, which apply the same
 * validation and throw the same {@link ApiConfigException}:
 *
 * <pre>{@code
 * ApiSpec iris = ApiSpec.batch("iris")
 *     .handlerClass(IrisHandler.class)
 *     .config(Map.of("model", "s3://models/iris.onnx"))
 *     .build();
 * }</pre>
 *
 * <p>Which sections are present depends on the kind: {@code BATCH_API} and {@code ASYNC_API} have a
 * {@link HandlerSpec}, {@code TASK_API} a {@link DefinitionSpec}; only {@code ASYNC_API} has autoscaling and an
 * update strategy. Jackson serialises a spec to Cortex's spec JSON shape ({@link #toSpecJson()}).
 *
 * <p>Immutable and thread safe. The canonical constructor checks only which sections the kind requires; use
 * {@link CortexYaml} or the builders to get Cortex's validation.
 *
 * @param name the API's name (DNS-1035, at most 42 characters, not starting with {@code b-})
 * @param kind the API's kind
 * @param handler the handler section of a batch or async API, {@code null} for a task API
 * @param definition the definition section of a task API, {@code null} otherwise
 * @param networking the networking section (the endpoint)
 * @param compute the compute section
 * @param autoscaling the autoscaling section of an async API, {@code null} otherwise
 * @param updateStrategy the update strategy of an async API, {@code null} otherwise
 */
public record ApiSpec(
    String name,
    ApiKind kind,
    @Nullable HandlerSpec handler,
    @Nullable DefinitionSpec definition,
    NetworkingSpec networking,
    ComputeSpec compute,
    @Nullable AutoscalingSpec autoscaling,
    @Nullable UpdateStrategySpec updateStrategy) {

  /**
   * Checks that the sections present are the ones the kind requires.
   *
   * @throws NullPointerException if {@code name}, {@code kind}, {@code networking} or {@code compute} is null
   * @throws IllegalArgumentException if a section is present that the kind does not have, or missing
   */
  public ApiSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(networking, "networking");
    Objects.requireNonNull(compute, "compute");
    boolean task = kind == ApiKind.TASK_API;
    boolean async = kind == ApiKind.ASYNC_API;
    requireSection(kind, "handler", handler, !task);
    requireSection(kind, "definition", definition, task);
    requireSection(kind, "autoscaling", autoscaling, async);
    requireSection(kind, "update_strategy", updateStrategy, async);
  }

  private static void requireSection(ApiKind kind, String section, @Nullable Object value, boolean required) {
    if (required && value == null) {
      throw new IllegalArgumentException(kind + " requires a " + section + " section");
    }
    if (!required && value != null) {
      throw new IllegalArgumentException(kind + " has no " + section + " section");
    }
  }

  /**
   * Starts a builder for a {@code BatchAPI}.
   *
   * @param name the API's name
   * @return a new builder
   */
  public static Builder batch(String name) {
    return new Builder(ApiKind.BATCH_API, name);
  }

  /**
   * Starts a builder for an {@code AsyncAPI}.
   *
   * @param name the API's name
   * @return a new builder
   */
  public static Builder async(String name) {
    return new Builder(ApiKind.ASYNC_API, name);
  }

  /**
   * Starts a builder for a {@code TaskAPI}.
   *
   * @param name the API's name
   * @return a new builder
   */
  public static Builder task(String name) {
    return new Builder(ApiKind.TASK_API, name);
  }

  /**
   * Starts a builder holding this spec's values, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder(kind, name).endpoint(networking.endpoint()).compute(compute);
    if (handler != null) {
      builder
          .handlerClass(handler.className())
          .config(handler.config())
          .env(handler.env())
          .logLevel(handler.logLevel())
          .processesPerReplica(handler.processesPerReplica())
          .threadsPerProcess(handler.threadsPerProcess());
      handler.requestTimeoutIfAny().ifPresent(builder::requestTimeout);
      handler.requestTtlIfAny().ifPresent(builder::requestTtl);
    }
    if (definition != null) {
      builder
          .handlerClass(definition.className())
          .config(definition.config())
          .env(definition.env())
          .logLevel(definition.logLevel());
    }
    if (autoscaling != null) {
      builder.autoscaling(autoscaling);
    }
    if (updateStrategy != null) {
      builder.updateStrategy(updateStrategy);
    }
    return builder;
  }

  /**
   * Returns the class that does the work: the handler class, or the task class for a {@code TaskAPI}.
   *
   * @return a Java binary class name
   */
  public String className() {
    return handler != null ? handler.className() : Objects.requireNonNull(definition).className();
  }

  /**
   * Returns the API's configuration from {@code handler.config} or {@code definition.config}.
   *
   * @return the unmodifiable configuration, empty when none was given
   */
  public Map<String, @Nullable Object> config() {
    return handler != null ? handler.config() : Objects.requireNonNull(definition).config();
  }

  /**
   * Returns the API's environment variables from {@code handler.env} or {@code definition.env}.
   *
   * @return the unmodifiable variables, in file order
   */
  public Map<String, String> env() {
    return handler != null ? handler.env() : Objects.requireNonNull(definition).env();
  }

  /**
   * Returns the API's log level from {@code handler.log_level} or {@code definition.log_level}.
   *
   * @return the log level
   */
  public LogLevel logLevel() {
    return handler != null ? handler.logLevel() : Objects.requireNonNull(definition).logLevel();
  }

  /**
   * Returns the spec in Cortex's spec JSON shape: snake_case keys, every section of the kind present (the others
   * {@code null}), durations as integer nanoseconds, the kind as {@code "BatchAPI"} and so on. This is what
   * Jackson writes for an {@code ApiSpec}.
   *
   * @return a fresh JSON tree the caller may modify
   */
  @JsonValue
  public ObjectNode toSpecJson() {
    return ApiSpecTrees.toTree(this, ApiSpecTrees.DurationStyle.NANOSECONDS);
  }

  /**
   * Builds an {@link ApiSpec} in code with the same validation as cortex.yaml; not thread safe.
   *
   * <p>Unset fields take Cortex's defaults: the endpoint {@code /<name>}, {@link ComputeSpec#defaults()}, and for
   * an {@code AsyncAPI} {@link AutoscalingSpec#defaults()} and {@link UpdateStrategySpec#defaults()}.
   */
  public static final class Builder {
    private final ApiKind kind;
    private final String name;
    private @Nullable String className;
    private Map<String, @Nullable Object> config = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private LogLevel logLevel = LogLevel.INFO;
    private int processesPerReplica = 1;
    private int threadsPerProcess = 1;
    private @Nullable String endpoint;
    private @Nullable ComputeSpec compute;
    private @Nullable AutoscalingSpec autoscaling;
    private @Nullable UpdateStrategySpec updateStrategy;
    private @Nullable Duration requestTimeout;
    private @Nullable Duration requestTtl;

    private Builder(ApiKind kind, String name) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Sets the class that does the work ({@code handler.class}, or {@code definition.class} for a task).
     *
     * @param type the handler or task class
     * @return this builder
     */
    public Builder handlerClass(Class<?> type) {
      return handlerClass(type.getName());
    }

    /**
     * Sets the class that does the work by its binary name, for a class not on this class path.
     *
     * @param binaryName a Java binary name such as {@code com.example.Outer$Handler}
     * @return this builder
     */
    public Builder handlerClass(String binaryName) {
      this.className = Objects.requireNonNull(binaryName, "binaryName");
      return this;
    }

    /**
     * Replaces the API's configuration.
     *
     * @param config JSON-like values: maps with string keys, lists, strings, numbers, booleans, {@code null}
     * @return this builder
     */
    public Builder config(Map<String, ? extends @Nullable Object> config) {
      this.config = new LinkedHashMap<>(Objects.requireNonNull(config, "config"));
      return this;
    }

    /**
     * Adds environment variables, keeping their order.
     *
     * @param variables names (not starting with {@code CORTEX_}) and values
     * @return this builder
     */
    public Builder env(Map<String, String> variables) {
      this.env.putAll(Objects.requireNonNull(variables, "variables"));
      return this;
    }

    /**
     * Adds one environment variable.
     *
     * @param variable the name, not starting with {@code CORTEX_}
     * @param value the value
     * @return this builder
     */
    public Builder env(String variable, String value) {
      this.env.put(Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the log level (default {@code info}).
     *
     * @param level the level
     * @return this builder
     */
    public Builder logLevel(LogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Sets {@code handler.processes_per_replica}; Cortex requires 1 for batch and async APIs, and it is kept only
     * so that such configurations are reported as Cortex reports them.
     *
     * @param value 1
     * @return this builder
     */
    public Builder processesPerReplica(int value) {
      this.processesPerReplica = value;
      return this;
    }

    /**
     * Sets {@code handler.threads_per_process}; Cortex requires 1 for batch and async APIs.
     *
     * @param value 1
     * @return this builder
     */
    public Builder threadsPerProcess(int value) {
      this.threadsPerProcess = value;
      return this;
    }

    /**
     * Sets {@code handler.request_timeout} of an {@code AsyncAPI} (default none): how long one request may run
     * before its handler is interrupted and the request fails with error type {@code timed_out}. Beyond Cortex,
     * as SageMaker's {@code InvocationTimeoutSeconds}.
     *
     * @param timeout greater than 0
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets {@code handler.request_ttl} of an {@code AsyncAPI} (default none): how long a request may wait in the
     * queue; one older when a worker takes it fails with error type {@code expired}. Beyond Cortex, as
     * SageMaker's {@code RequestTTLSeconds}.
     *
     * @param ttl greater than 0
     * @return this builder
     */
    public Builder requestTtl(Duration ttl) {
      this.requestTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Sets the endpoint (default {@code /<name>}); it is canonicalised to a leading and no trailing {@code /}.
     *
     * @param endpoint for example {@code /iris} or {@code models/iris}
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /**
     * Sets the compute section (default {@link ComputeSpec#defaults()}).
     *
     * @param compute the section
     * @return this builder
     */
    public Builder compute(ComputeSpec compute) {
      this.compute = Objects.requireNonNull(compute, "compute");
      return this;
    }

    /**
     * Sets the autoscaling section; only an {@code AsyncAPI} accepts one.
     *
     * @param autoscaling the section
     * @return this builder
     */
    public Builder autoscaling(AutoscalingSpec autoscaling) {
      this.autoscaling = Objects.requireNonNull(autoscaling, "autoscaling");
      return this;
    }

    /**
     * Sets the update strategy; only an {@code AsyncAPI} accepts one.
     *
     * @param updateStrategy the section
     * @return this builder
     */
    public Builder updateStrategy(UpdateStrategySpec updateStrategy) {
      this.updateStrategy = Objects.requireNonNull(updateStrategy, "updateStrategy");
      return this;
    }

    /**
     * Validates the spec with cortex.yaml's rules and returns it.
     *
     * @return the validated spec
     * @throws ApiConfigException listing every problem, with the API's name and the field paths
     */
    public ApiSpec build() {
      ObjectNode api = ApiSpecTrees.newObject();
      api.put("name", name);
      api.put("kind", kind.cortexName());
      ObjectNode section = api.putObject(kind == ApiKind.TASK_API ? "definition" : "handler");
      if (kind != ApiKind.TASK_API) {
        section.put("type", HandlerSpec.JAVA_TYPE);
      }
      if (className != null) {
        section.put("class", className);
      }
      if (kind != ApiKind.TASK_API) {
        section.put("processes_per_replica", processesPerReplica);
        section.put("threads_per_process", threadsPerProcess);
      }
      section.put("log_level", logLevel.cortexName());
      section.set("config", ConfigValues.toTree(config));
      section.set("env", ConfigValues.toTree(env));
      if (requestTimeout != null) {
        section.put("request_timeout", GoDurations.format(requestTimeout));
      }
      if (requestTtl != null) {
        section.put("request_ttl", GoDurations.format(requestTtl));
      }
      if (endpoint != null) {
        api.putObject("networking").put("endpoint", endpoint);
      }
      ApiSpecTrees.DurationStyle style = ApiSpecTrees.DurationStyle.GO_STRING;
      if (compute != null) {
        api.set("compute", ApiSpecTrees.computeTree(compute));
      }
      if (autoscaling != null) {
        api.set("autoscaling", ApiSpecTrees.autoscalingTree(autoscaling, style));
      }
      if (updateStrategy != null) {
        api.set("update_strategy", ApiSpecTrees.updateStrategyTree(updateStrategy));
      }
      return ApiTreeValidator.validateBuilt(api);
    }
  }
}
