package io.github.cortexj.async.internal.gateway;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a request path leads: the AsyncAPI it belongs to and, for {@code /<endpoint>/<id>}, the request id.
 * Immutable.
 *
 * @param apiName the AsyncAPI
 * @param requestId the id of {@code GET /<endpoint>/<id>}, or {@code null} for {@code /<endpoint>} itself
 */
record Route(String apiName, @Nullable String requestId) {

  /** Checks for {@code null}. */
  public Route {
    Objects.requireNonNull(apiName, "apiName");
  }

  /**
   * Tells whether the path is the endpoint itself, where workloads are created.
   *
   * @return {@code true} for {@code /<endpoint>}, {@code false} for {@code /<endpoint>/<id>}
   */
  public boolean isEndpoint() {
    return requestId == null;
  }
}
