package io.github.cortexj.core;

import io.github.cortexj.core.internal.handler.ContextIds;
import io.github.cortexj.core.internal.handler.DefaultAsyncContext;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link AsyncHandler} knows about the request it handles: its id, on top of what every
 * {@link HandlerContext} gives.
 *
 * <p>New methods are added with default implementations. Contexts built with {@link #builder()} are immutable and
 * thread safe.
 */
public interface AsyncContext extends HandlerContext {

  /**
   * Returns the id of the request: the {@code x-request-id} it was submitted with, under which clients read its
   * status and result.
   *
   * @return the request id
   */
  String requestId();

  /**
   * Starts a context. Required: {@link Builder#apiName(String)} and {@link Builder#requestId(String)}; see
   * {@link HandlerContext.Builder} for the defaults of the rest.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AsyncContext}. Not thread safe. */
  final class Builder extends HandlerContext.Builder<Builder> {
    private @Nullable String apiName;
    private @Nullable String requestId;

    Builder() {}

    /**
     * Sets the API name (required).
     *
     * @param apiName the name of the AsyncAPI
     * @return this builder
     */
    public Builder apiName(String apiName) {
      this.apiName = apiName;
      return this;
    }

    /**
     * Sets the request id (required): not blank, without {@code /} or control characters.
     *
     * @param requestId the request id
     * @return this builder
     */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    @Override
    public AsyncContext build() {
      return new DefaultAsyncContext(
          common("AsyncContext", apiName), ContextIds.require("AsyncContext", "requestId", requestId));
    }

    @Override
    Builder self() {
      return this;
    }
  }
}
