package io.github.cortexj.core.env;

import io.github.cortexj.core.CloseableCortexClient;

/**
 * Builds the client of an environment: the service-provider interface behind
 * {@link io.github.cortexj.core.CortexClient#fromEnvironment()}. cortex-core cannot depend on the module that
 * implements clients, so implementations are found with {@link java.util.ServiceLoader}: a provider is a public
 * class with a public no-argument constructor, listed in
 * {@code META-INF/services/io.github.cortexj.core.env.CortexClientProvider}. cortex-client registers one that
 * answers the endpoint {@value Environment#LOCAL_ENDPOINT} with an embedded cluster.
 *
 * <p>The first provider (in {@link java.util.ServiceLoader} order) that {@linkplain #supports supports} an
 * environment builds its client. Implementations must be thread safe.
 */
public interface CortexClientProvider {

  /**
   * Tells whether this provider builds clients for an environment, judging by its operator endpoint.
   *
   * @param environment the environment
   * @return whether {@link #create(Environment)} should be called for it
   */
  boolean supports(Environment environment);

  /**
   * Builds a new client for an environment this provider {@linkplain #supports supports}. The caller owns the
   * client and closes it.
   *
   * @param environment the environment
   * @return a new client
   * @throws UnsupportedEndpointException when the endpoint is recognised but cannot be served yet
   */
  CloseableCortexClient create(Environment environment);
}
