package io.github.cortexj.core;

import io.github.cortexj.core.payload.Payload;

/**
 * Handles the requests of an AsyncAPI: the Java form of Cortex's async {@code Handler} class. Each request's body,
 * decoded by its Content-Type, is passed to {@link #handleAsync(Payload, AsyncContext)}; what it returns is stored
 * as the request's result.
 *
 * <p>Implement it in a class whose single public constructor takes any of the merged config, a
 * {@link io.github.cortexj.core.metrics.MetricsClient}, the {@link ProjectFiles} and the {@link CortexClient} (see
 * {@link Handlers#async(Class)}), or build it yourself in a {@link HandlerFactory}.
 *
 * <p>A handler instance serves one API replica; a replica calls it from one thread at a time.
 */
@FunctionalInterface
public interface AsyncHandler {

  /**
   * Handles one request. The result must serialise to a JSON <em>object</em>: a {@link java.util.Map}, a record,
   * a POJO or an {@link com.fasterxml.jackson.databind.node.ObjectNode}. Anything else, {@code null} included,
   * fails the request with an {@link InvalidAsyncResultException} naming the returned type, as in Cortex; see
   * {@link AsyncResults#toJsonObject(Object, com.fasterxml.jackson.databind.ObjectMapper)}.
   *
   * @param payload the request body: JSON, text or bytes by its Content-Type
   * @param context the request id and the replica's services
   * @return the result, a value that serialises to a JSON object
   * @throws Exception to fail the request; Cortex does not retry it
   */
  Object handleAsync(Payload payload, AsyncContext context) throws Exception;
}
