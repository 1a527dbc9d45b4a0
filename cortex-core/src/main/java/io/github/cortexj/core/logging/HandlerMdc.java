package io.github.cortexj.core.logging;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.slf4j.spi.MDCAdapter;

/**
 * A scope during which the ids of the work a handler is doing are in the SLF4J {@link MDC}, so that every log
 * event the handler writes carries them. The runtime opens one around every handler call:
 *
 * <pre>{@code
 * try (HandlerMdc mdc = HandlerMdc.builder().apiName("iris").jobId(jobId).batchId(batchId).open()) {
 *   handler.handleBatch(batch, context);
 * }
 * }</pre>
 *
 * <p>Only the ids given are put; on {@link #close()} each of those keys gets back exactly the value it had when the
 * scope opened, or is removed if it had none. Other MDC keys are never touched, so scopes nest, and an
 * application's own MDC entries survive.
 *
 * <p>The MDC is per thread: a scope must be closed on the thread that opened it, and nested scopes closed in
 * reverse order of opening (as try-with-resources does). The MDC stores nothing unless the SLF4J provider has a
 * real MDC: Logback and Log4j 2 have one; slf4j-simple and the no-op provider do not.
 *
 * <p>Not thread safe: a scope belongs to one thread.
 */
public final class HandlerMdc implements AutoCloseable {

  /** The MDC key of the API name, as Cortex names the field. */
  public static final String API_NAME = "api_name";

  /** The MDC key of the batch job id. */
  public static final String JOB_ID = "job_id";

  /** The MDC key of the batch id (the id of the queue message holding the batch). */
  public static final String BATCH_ID = "batch_id";

  /** The MDC key of the async request id. */
  public static final String REQUEST_ID = "request_id";

  private final MDCAdapter mdc;
  // The keys this scope set, in the order they were set, and the value each had before. Arrays, not a map: a
  // scope is opened around every handler call.
  private final String[] keys;
  private final @Nullable String[] previousValues;
  private final Thread owner;
  private boolean closed;

  private HandlerMdc(MDCAdapter mdc, String[] keys, String[] values, int count) {
    this.mdc = mdc;
    this.owner = Thread.currentThread();
    this.keys = Arrays.copyOf(keys, count);
    this.previousValues = new String[count];
    for (int i = 0; i < count; i++) {
      previousValues[i] = mdc.get(keys[i]);
      mdc.put(keys[i], values[i]);
    }
  }

  /**
   * Starts describing a scope.
   *
   * @return a builder with no ids set
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Restores the MDC keys this scope set to the values they had when it opened. Closing twice does nothing.
   *
   * @throws IllegalStateException if called on a thread other than the one that opened the scope, whose MDC this
   *     scope does not own
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException(
          "HandlerMdc opened on thread " + owner.getName() + " closed on thread " + Thread.currentThread().getName());
    }
    closed = true;
    for (int i = 0; i < keys.length; i++) {
      String previous = previousValues[i];
      if (previous == null) {
        mdc.remove(keys[i]);
      } else {
        mdc.put(keys[i], previous);
      }
    }
  }

  /**
   * The ids to put in the MDC. Each one is optional; a builder can open any number of scopes.
   *
   * <p>Not thread safe.
   */
  public static final class Builder {

    /** The ids set, in the order their keys were first set; at most the four keys above. */
    private final String[] keys = new String[4];

    private final String[] values = new String[4];
    private int count;

    private Builder() {}

    /**
     * Sets the API name, under {@value HandlerMdc#API_NAME}.
     *
     * @param apiName the API name
     * @return this builder
     */
    public Builder apiName(String apiName) {
      return set(API_NAME, apiName);
    }

    /**
     * Sets the batch job id, under {@value HandlerMdc#JOB_ID}.
     *
     * @param jobId the job id
     * @return this builder
     */
    public Builder jobId(String jobId) {
      return set(JOB_ID, jobId);
    }

    /**
     * Sets the batch id, under {@value HandlerMdc#BATCH_ID}.
     *
     * @param batchId the batch id
     * @return this builder
     */
    public Builder batchId(String batchId) {
      return set(BATCH_ID, batchId);
    }

    /**
     * Sets the async request id, under {@value HandlerMdc#REQUEST_ID}.
     *
     * @param requestId the request id
     * @return this builder
     */
    public Builder requestId(String requestId) {
      return set(REQUEST_ID, requestId);
    }

    /**
     * Puts the ids set so far in the current thread's MDC, that of the SLF4J provider in use
     * ({@link MDC#getMDCAdapter()}).
     *
     * @return the open scope; close it to restore the MDC
     */
    public HandlerMdc open() {
      return open(MDC.getMDCAdapter());
    }

    /**
     * Puts the ids set so far in the current thread's entries of a given MDC adapter, for code that manages its
     * own adapter, and for tests (slf4j-simple's MDC stores nothing).
     *
     * @param mdc the MDC adapter
     * @return the open scope; close it to restore the MDC
     */
    public HandlerMdc open(MDCAdapter mdc) {
      return new HandlerMdc(Objects.requireNonNull(mdc, "mdc"), keys, values, count);
    }

    private Builder set(String key, String value) {
      Objects.requireNonNull(value, key);
      for (int i = 0; i < count; i++) {
        if (keys[i].equals(key)) {
          values[i] = value;
          return this;
        }
      }
      keys[count] = key;
      values[count] = value;
      count++;
      return this;
    }
  }
}
