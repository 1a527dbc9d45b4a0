package io.github.cortexj.core.env;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The content of Cortex's CLI config file ({@code cli.yaml}): the environments, in file order, and which one is
 * used when none is named.
 *
 * <pre>{@code
 * CliConfig config = CliConfig.empty().withEnvironment(Environment.of("prod", "https://operator.example.com"));
 * config.resolve(null).operatorEndpoint();   // "https://operator.example.com": the first becomes the default
 * }</pre>
 *
 * <p>The {@code with...} methods apply Cortex's CLI rules and return new configs; {@link CliConfigFile} reads and
 * writes them. Top-level keys other than {@code default_environment} and {@code environments} (such as Cortex's
 * {@code telemetry}) are kept in {@link #otherFields()} so that saving does not lose them.
 *
 * <p>Immutable and thread safe.
 *
 * @param defaultEnvironment the environment used when none is named, or {@code null}; it may name an
 *     environment the config lacks, which Cortex tolerates until the default is used
 * @param environments the environments, names unique
 * @param otherFields the file's other top-level keys, in file order
 */
public record CliConfig(
    @Nullable String defaultEnvironment, List<Environment> environments, Map<String, JsonNode> otherFields) {

  private static final CliConfig EMPTY = new CliConfig(null, List.of(), Map.of());

  private static final CliConfig LOCAL_ONLY =
      new CliConfig(
          Environment.LOCAL_ENDPOINT, List.of(Environment.of("local", Environment.LOCAL_ENDPOINT)), Map.of());

  /**
   * Validates a config.
   *
   * @throws CliConfigException of kind {@value CliConfigException#DUPLICATE_ENVIRONMENT_NAMES} when two
   *     environments have the same name, or {@value CliConfigException#INVALID} when the other fields hold
   *     {@code default_environment} or {@code environments}
   */
  public CliConfig {
    environments = List.copyOf(environments);
    otherFields = Environment.copyOf(otherFields);
    Set<String> names = new HashSet<>();
    for (Environment environment : environments) {
      if (!names.add(environment.name())) {
        throw new CliConfigException(
            CliConfigException.DUPLICATE_ENVIRONMENT_NAMES,
            "duplicate environment names (" + environment.name() + " is defined more than once)");
      }
    }
    for (String key : otherFields.keySet()) {
      if (key.equals("default_environment") || key.equals("environments")) {
        throw new CliConfigException(
            CliConfigException.INVALID, "other fields must not hold \"" + key + "\", a field of its own");
      }
    }
  }

  /**
   * Returns the config with no environment and no default: what an empty {@code cli.yaml} holds.
   *
   * @return the empty config
   */
  public static CliConfig empty() {
    return EMPTY;
  }

  /**
   * Returns what an absent {@code cli.yaml} means: one environment {@code local}, the default, whose endpoint is
   * {@value Environment#LOCAL_ENDPOINT}, so that a program run without any configuration gets an embedded cluster.
   *
   * @return the config of an absent file
   */
  public static CliConfig localOnly() {
    return LOCAL_ONLY;
  }

  /**
   * Returns the file's other top-level keys, in file order.
   *
   * @return an unmodifiable copy whose nodes are copies too
   */
  @Override
  public Map<String, JsonNode> otherFields() {
    return Environment.copyOf(otherFields);
  }

  /**
   * Looks an environment up by name.
   *
   * @param name the name
   * @return the environment, or empty when there is none of that name
   */
  public Optional<Environment> environment(String name) {
    Objects.requireNonNull(name, "name");
    return environments.stream().filter(environment -> environment.name().equals(name)).findFirst();
  }

  /**
   * Finds the environment a client should use, as Cortex's {@code cortex.client(env)} does.
   *
   * @param name the environment's name, or {@code null} for the default
   * @return the environment
   * @throws EnvironmentNotFoundException with Cortex's messages: {@code no default environment configured} when
   *     {@code name} is null and there is no default, {@code can't find environment X, ...} when there is no
   *     environment of that name
   */
  public Environment resolve(@Nullable String name) {
    String wanted = name != null ? name : defaultEnvironment;
    if (wanted == null) {
      throw EnvironmentNotFoundException.noDefault();
    }
    return environment(wanted).orElseThrow(() -> EnvironmentNotFoundException.forClient(wanted));
  }

  /**
   * Applies Cortex's loading rule: when no default is set and there are environments, the first one becomes the
   * default.
   *
   * @return this config if it has a default or no environment, otherwise a copy whose default is the first
   */
  public CliConfig withFirstAsDefault() {
    if (defaultEnvironment != null || environments.isEmpty()) {
      return this;
    }
    return new CliConfig(environments.get(0).name(), environments, otherFields);
  }

  /**
   * Adds an environment, or replaces the one of the same name in place ({@code cortex env configure}). When the
   * config has no default, the environment becomes it.
   *
   * @param environment the environment
   * @return the new config
   */
  public CliConfig withEnvironment(Environment environment) {
    Objects.requireNonNull(environment, "environment");
    List<Environment> updated = new ArrayList<>(environments);
    boolean replaced = false;
    for (int i = 0; i < updated.size(); i++) {
      if (updated.get(i).name().equals(environment.name())) {
        updated.set(i, environment);
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      updated.add(environment);
    }
    String newDefault = defaultEnvironment == null ? environment.name() : defaultEnvironment;
    return new CliConfig(newDefault, updated, otherFields);
  }

  /**
   * Removes an environment with Cortex's rules ({@code cortex env delete}): when it was the default, the config is
   * left without a default, unless exactly one environment remains, which becomes the default.
   *
   * @param name the environment's name
   * @return the new config
   * @throws EnvironmentNotFoundException ({@code X environment is not configured}) when there is no environment of
   *     that name
   */
  public CliConfig withoutEnvironment(String name) {
    Environment removed = environment(name).orElseThrow(() -> EnvironmentNotFoundException.notConfigured(name));
    List<Environment> updated = new ArrayList<>(environments);
    updated.remove(removed);
    String newDefault = name.equals(defaultEnvironment) ? null : defaultEnvironment;
    if (updated.size() == 1) {
      newDefault = updated.get(0).name();
    }
    return new CliConfig(newDefault, updated, otherFields);
  }

  /**
   * Makes an environment the default ({@code cortex env default}).
   *
   * @param name the environment's name
   * @return the new config
   * @throws EnvironmentNotFoundException ({@code X environment is not configured}) when there is no environment of
   *     that name
   */
  public CliConfig withDefaultEnvironment(String name) {
    Environment chosen = environment(name).orElseThrow(() -> EnvironmentNotFoundException.notConfigured(name));
    return new CliConfig(chosen.name(), environments, otherFields);
  }
}
