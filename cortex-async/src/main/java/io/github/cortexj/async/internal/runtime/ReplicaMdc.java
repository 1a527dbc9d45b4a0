package io.github.cortexj.async.internal.runtime;

import io.github.cortexj.core.logging.HandlerMdc;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.slf4j.spi.MDCAdapter;

/**
 * The logging context of one replica's thread, with the keys {@link HandlerMdc} uses: {@code api_name} while the
 * replica runs, and {@code request_id} while it handles a request. It is opened once per replica instead of once
 * per request, since a replica handles many requests on the same thread; {@code api_name} is put again with each
 * request, in case a handler cleared the context. Closing restores what the thread held before.
 *
 * <p>Not thread safe: it belongs to the replica's thread, as SLF4J's context does.
 */
final class ReplicaMdc implements AutoCloseable {

  private final MDCAdapter mdc;
  private final String apiName;
  private final @Nullable String previousApiName;
  private final @Nullable String previousRequestId;

  /**
   * Puts {@code api_name} in the calling thread's context, SLF4J's.
   *
   * @param apiName the replica's API
   */
  ReplicaMdc(String apiName) {
    this(apiName, MDC.getMDCAdapter());
  }

  /**
   * Puts {@code api_name} in the calling thread's context.
   *
   * @param apiName the replica's API
   * @param mdc the context
   */
  ReplicaMdc(String apiName, MDCAdapter mdc) {
    this.mdc = mdc;
    this.apiName = apiName;
    this.previousApiName = mdc.get(HandlerMdc.API_NAME);
    this.previousRequestId = mdc.get(HandlerMdc.REQUEST_ID);
    mdc.put(HandlerMdc.API_NAME, apiName);
  }

  /** Puts a request's id (and the API's name) in the context, until {@link #endRequest()}. */
  void startRequest(String requestId) {
    mdc.put(HandlerMdc.API_NAME, apiName);
    mdc.put(HandlerMdc.REQUEST_ID, requestId);
  }

  /** Takes the request's id out of the context again. */
  void endRequest() {
    restore(HandlerMdc.REQUEST_ID, previousRequestId);
  }

  @Override
  public void close() {
    restore(HandlerMdc.REQUEST_ID, previousRequestId);
    restore(HandlerMdc.API_NAME, previousApiName);
  }

  private void restore(String key, @Nullable String previous) {
    if (previous == null) {
      mdc.remove(key);
    } else {
      mdc.put(key, previous);
    }
  }
}
