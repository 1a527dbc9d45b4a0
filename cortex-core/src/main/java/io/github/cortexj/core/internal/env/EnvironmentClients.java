package io.github.cortexj.core.internal.env;

import io.github.cortexj.core.CloseableCortexClient;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.env.CliConfigFile;
import io.github.cortexj.core.env.CortexClientProvider;
import io.github.cortexj.core.env.Environment;
import io.github.cortexj.core.env.UnsupportedEndpointException;
import java.util.Objects;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Opens the client of a CLI environment: resolves the environment in the config file, then asks the
 * {@link CortexClientProvider}s found by {@link ServiceLoader} for the first that supports it. The logic behind
 * {@link CortexClient#fromEnvironment()}; stateless and thread safe.
 */
public final class EnvironmentClients {

  private EnvironmentClients() {}

  /**
   * Opens the client of an environment, with the providers visible to the current thread's context class loader
   * (or, when it has none, to cortex-core's).
   *
   * @param file the CLI config file
   * @param name the environment, or {@code null} for the default
   * @return a new client the caller owns
   */
  public static CloseableCortexClient open(CliConfigFile file, @Nullable String name) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = context != null ? context : CortexClient.class.getClassLoader();
    return open(file, name, ServiceLoader.load(CortexClientProvider.class, loader));
  }

  /**
   * Opens the client of an environment with given providers.
   *
   * @param file the CLI config file
   * @param name the environment, or {@code null} for the default
   * @param providers the providers to ask, in order
   * @return a new client the caller owns
   * @throws io.github.cortexj.core.env.EnvironmentNotFoundException when there is no such environment (or no
   *     default)
   * @throws UnsupportedEndpointException of kind {@value UnsupportedEndpointException#NO_PROVIDER} when no provider
   *     supports the environment
   */
  public static CloseableCortexClient open(
      CliConfigFile file, @Nullable String name, Iterable<CortexClientProvider> providers) {
    Objects.requireNonNull(file, "file");
    Environment environment = file.load().resolve(name);
    for (CortexClientProvider provider : providers) {
      if (provider.supports(environment)) {
        return Objects.requireNonNull(provider.create(environment), "CortexClientProvider.create returned null");
      }
    }
    throw new UnsupportedEndpointException(
        UnsupportedEndpointException.NO_PROVIDER,
        environment,
        "no CortexClientProvider on the class path supports operator endpoint " + environment.operatorEndpoint()
            + " of environment " + environment.name() + " (is cortex-client on the class path?)");
  }
}
