package io.github.cortexj.core.spec;

import io.github.cortexj.core.internal.spec.ConfigValues;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code handler} section of a {@code BatchAPI} or {@code AsyncAPI}: the Java class that handles the work and
 * what it is given.
 *
 * <p>In cortex.yaml:
 *
 * <pre>{@code
 * handler:
 *   type: java
 *   class: com.example.IrisHandler
 *   config: {model: s3://bucket/iris.onnx}
 *   env: {REGION: eu-west-1}
 * }</pre>
 *
 * <p>Immutable and thread safe; {@code config} and {@code env} are unmodifiable copies. The canonical constructor
 * checks only for {@code null}; Cortex's rules are applied by {@link CortexYaml} and {@link ApiSpec.Builder}.
 *
 * @param className the handler's Java binary class name, for example {@code com.example.IrisHandler}
 * @param config the API's configuration, passed to the handler (merged with each job's config for batch); values
 *     are JSON-like: maps, lists, strings, numbers, booleans and {@code null}
 * @param env environment variables for the handler, in file order
 * @param processesPerReplica always 1 for the kinds cortex-java runs, kept for Cortex compatibility
 * @param threadsPerProcess always 1 for the kinds cortex-java runs, kept for Cortex compatibility
 * @param logLevel the handler's log level
 * @param requestTimeout AsyncAPI only ({@code handler.request_timeout}, beyond Cortex, as SageMaker's
 *     {@code InvocationTimeoutSeconds}): how long one request may run before its handler is interrupted and the
 *     request fails with error type {@code timed_out}; {@code null} for no limit
 * @param requestTtl AsyncAPI only ({@code handler.request_ttl}, beyond Cortex, as SageMaker's
 *     {@code RequestTTLSeconds}): how long a request may wait in the queue; one found older when dequeued fails
 *     with error type {@code expired} without reaching the handler; {@code null} for no limit
 */
public record HandlerSpec(
    String className,
    Map<String, @Nullable Object> config,
    Map<String, String> env,
    int processesPerReplica,
    int threadsPerProcess,
    LogLevel logLevel,
    @Nullable Duration requestTimeout,
    @Nullable Duration requestTtl) {

  /** The only handler {@code type} cortex-java accepts. */
  public static final String JAVA_TYPE = "java";

  /**
   * Checks for {@code null} and copies the maps.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public HandlerSpec {
    Objects.requireNonNull(className, "className");
    config = ConfigValues.immutableCopy(Objects.requireNonNull(config, "config"));
    env = ConfigValues.immutableEnv(Objects.requireNonNull(env, "env"));
    Objects.requireNonNull(logLevel, "logLevel");
  }

  /**
   * Creates a handler section without a request timeout or queue TTL.
   *
   * @param className the handler's Java binary class name
   * @param config the API's configuration
   * @param env environment variables for the handler
   * @param processesPerReplica always 1
   * @param threadsPerProcess always 1
   * @param logLevel the handler's log level
   */
  public HandlerSpec(
      String className,
      Map<String, @Nullable Object> config,
      Map<String, String> env,
      int processesPerReplica,
      int threadsPerProcess,
      LogLevel logLevel) {
    this(className, config, env, processesPerReplica, threadsPerProcess, logLevel, null, null);
  }

  /**
   * Returns the per-request timeout of an AsyncAPI, when one is set.
   *
   * @return the timeout, or empty for none
   */
  public Optional<Duration> requestTimeoutIfAny() {
    return Optional.ofNullable(requestTimeout);
  }

  /**
   * Returns the queue TTL of an AsyncAPI's requests, when one is set.
   *
   * @return the TTL, or empty for none
   */
  public Optional<Duration> requestTtlIfAny() {
    return Optional.ofNullable(requestTtl);
  }

  /**
   * Returns the handler type, always {@value #JAVA_TYPE}.
   *
   * @return {@value #JAVA_TYPE}
   */
  public String type() {
    return JAVA_TYPE;
  }
}
