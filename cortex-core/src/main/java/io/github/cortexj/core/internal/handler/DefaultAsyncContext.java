package io.github.cortexj.core.internal.handler;

import io.github.cortexj.core.AsyncContext;
import java.util.Objects;

/** The immutable {@link AsyncContext} that {@link AsyncContext#builder()} builds. Thread safe. */
public final class DefaultAsyncContext extends ContextWithCommonFields implements AsyncContext {

  private final String requestId;

  /**
   * Creates a context from validated parts.
   *
   * @param common the fields every context has
   * @param requestId the request id
   */
  public DefaultAsyncContext(CommonContext common, String requestId) {
    super(common);
    this.requestId = Objects.requireNonNull(requestId, "requestId");
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return "AsyncContext[apiName=" + apiName() + ", requestId=" + requestId + ", " + common.describe() + "]";
  }
}
