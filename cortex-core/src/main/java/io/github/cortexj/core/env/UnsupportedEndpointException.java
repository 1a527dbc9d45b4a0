package io.github.cortexj.core.env;

import io.github.cortexj.core.CortexException;

/**
 * An environment's operator endpoint names a cluster no client on the class path can reach: no
 * {@link CortexClientProvider} supports it ({@value #NO_PROVIDER}), or the provider that would reach it is not
 * available yet ({@value #HTTP_NOT_SUPPORTED}). Raised instead of falling back silently to another cluster.
 */
public class UnsupportedEndpointException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** No provider on the class path supports the endpoint (typically: cortex-client is missing). */
  public static final String NO_PROVIDER = "client.no_provider";

  /** The endpoint is an {@code http(s)://} operator, and the HTTP client is not available yet. */
  public static final String HTTP_NOT_SUPPORTED = "client.http_not_supported";

  private final Environment environment;

  /**
   * Creates an exception.
   *
   * @param kind one of the kinds declared here
   * @param environment the environment whose endpoint is unsupported
   * @param message what went wrong, naming the environment and its endpoint
   */
  public UnsupportedEndpointException(String kind, Environment environment, String message) {
    super(kind, message);
    this.environment = environment;
  }

  /**
   * Returns the environment whose endpoint no client supports.
   *
   * @return the environment
   */
  public Environment environment() {
    return environment;
  }
}
