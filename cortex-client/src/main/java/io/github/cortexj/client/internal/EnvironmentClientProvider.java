package io.github.cortexj.client.internal;

import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.CloseableCortexClient;
import io.github.cortexj.core.env.CortexClientProvider;
import io.github.cortexj.core.env.Environment;
import io.github.cortexj.core.env.UnsupportedEndpointException;
import java.util.Locale;

/**
 * cortex-client's {@link CortexClientProvider}, registered in {@code META-INF/services}: the endpoint
 * {@value Environment#LOCAL_ENDPOINT} gets a new {@link EmbeddedCortexClient} with default options; an
 * {@code http://} or {@code https://} operator is recognised but refused with
 * {@value UnsupportedEndpointException#HTTP_NOT_SUPPORTED} until the HTTP client exists, so that a program meant
 * for a remote cluster never runs on an embedded one by mistake. Stateless and thread safe.
 */
public final class EnvironmentClientProvider implements CortexClientProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public EnvironmentClientProvider() {}

  @Override
  public boolean supports(Environment environment) {
    return environment.isLocal() || isHttp(environment.operatorEndpoint());
  }

  @Override
  public CloseableCortexClient create(Environment environment) {
    if (environment.isLocal()) {
      return EmbeddedCortexClient.builder().build();
    }
    throw new UnsupportedEndpointException(
        UnsupportedEndpointException.HTTP_NOT_SUPPORTED,
        environment,
        "the HTTP client is not available yet: environment " + environment.name() + " points at operator "
            + environment.operatorEndpoint() + "; only environments whose operator_endpoint is "
            + Environment.LOCAL_ENDPOINT + " (an embedded cluster) can be used");
  }

  private static boolean isHttp(String endpoint) {
    String lower = endpoint.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }
}
