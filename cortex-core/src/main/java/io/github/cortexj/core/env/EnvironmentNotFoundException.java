package io.github.cortexj.core.env;

import org.jspecify.annotations.Nullable;

/**
 * An environment was asked for by name (or as the default) and the CLI config has no such environment. Its
 * {@linkplain #kind() kind} is Cortex's {@value #KIND}; its message is the one Cortex's Python client or CLI gives
 * in the same case.
 */
public class EnvironmentNotFoundException extends CliConfigException {

  private static final long serialVersionUID = 1L;

  /** The kind of this error, as Cortex's CLI names it. */
  public static final String KIND = "cliconfig.environment_not_configured";

  private final @Nullable String environment;

  private EnvironmentNotFoundException(@Nullable String environment, String message) {
    super(KIND, message);
    this.environment = environment;
  }

  /**
   * No environment was named and the config has no default: Cortex's client message
   * {@code no default environment configured}.
   *
   * @return the exception
   */
  public static EnvironmentNotFoundException noDefault() {
    return new EnvironmentNotFoundException(null, "no default environment configured");
  }

  /**
   * A client was asked for an environment the config lacks. Cortex's client says {@code can't find environment X,
   * create one by calling cortex.new_client()}; the hint here names the Java equivalent.
   *
   * @param environment the name asked for
   * @return the exception
   */
  public static EnvironmentNotFoundException forClient(String environment) {
    return new EnvironmentNotFoundException(
        environment,
        "can't find environment " + environment + ", create one by calling `cortex env configure " + environment
            + " --operator-endpoint URL`");
  }

  /**
   * An edit of the config ({@code env delete}, {@code env default}) named an environment it lacks: Cortex's CLI
   * message {@code X environment is not configured}.
   *
   * @param environment the name given
   * @return the exception
   */
  public static EnvironmentNotFoundException notConfigured(String environment) {
    return new EnvironmentNotFoundException(environment, environment + " environment is not configured");
  }

  /**
   * Returns the environment that was asked for.
   *
   * @return its name, or {@code null} when the default was asked for and none is set
   */
  public @Nullable String environment() {
    return environment;
  }
}
