package io.github.cortexj.core.spec;

import io.github.cortexj.core.internal.spec.ConfigValues;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code definition} section of a {@code TaskAPI}: the Java class of the task and what it is given.
 *
 * <p>In cortex.yaml:
 *
 * <pre>{@code
 * definition:
 *   class: com.example.RetrainTask
 *   config: {epochs: 3}
 * }</pre>
 *
 * <p>Immutable and thread safe; {@code config} and {@code env} are unmodifiable copies. The canonical constructor
 * checks only for {@code null}; Cortex's rules are applied by {@link CortexYaml} and {@link ApiSpec.Builder}.
 *
 * @param className the task's Java binary class name, for example {@code com.example.RetrainTask}
 * @param config the API's configuration, merged with each submission's config; JSON-like values
 * @param env environment variables for the task, in file order
 * @param logLevel the task's log level
 */
public record DefinitionSpec(
    String className, Map<String, @Nullable Object> config, Map<String, String> env, LogLevel logLevel) {

  /**
   * Checks for {@code null} and copies the maps.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public DefinitionSpec {
    Objects.requireNonNull(className, "className");
    config = ConfigValues.immutableCopy(Objects.requireNonNull(config, "config"));
    env = ConfigValues.immutableEnv(Objects.requireNonNull(env, "env"));
    Objects.requireNonNull(logLevel, "logLevel");
  }
}
