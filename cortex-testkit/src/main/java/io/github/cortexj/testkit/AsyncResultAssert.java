package io.github.cortexj.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.WorkloadError;
import java.util.function.Consumer;

/**
 * AssertJ assertions on an {@link AsyncResult}: status, result JSON and error.
 *
 * <pre>{@code
 * assertThat(result).isCompleted().hasResult("{\"label\":\"positive\"}");
 * assertThat(result).isFailed().hasError("java.lang.IllegalArgumentException", "text is empty");
 * }</pre>
 *
 * <p>Not thread safe.
 */
public final class AsyncResultAssert extends CortexAssert<AsyncResultAssert, AsyncResult> {

  private static final ObjectMapper JSON = new ObjectMapper();

  AsyncResultAssert(AsyncResult actual) {
    super(actual, AsyncResultAssert.class);
  }

  /**
   * Verifies the request's status.
   *
   * @param expected the status
   * @return this
   */
  public AsyncResultAssert hasStatus(AsyncStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWith("expected async request " + actual.id() + " to be " + expected.code() + " but it was "
          + actual.status().code() + describeError());
    }
    return this;
  }

  /**
   * Verifies that the request completed.
   *
   * @return this
   */
  public AsyncResultAssert isCompleted() {
    return hasStatus(AsyncStatus.COMPLETED);
  }

  /**
   * Verifies that the request failed.
   *
   * @return this
   */
  public AsyncResultAssert isFailed() {
    return hasStatus(AsyncStatus.FAILED);
  }

  /**
   * Verifies the result, compared as JSON (key order and spacing do not matter).
   *
   * @param expectedJson the expected result, as JSON text
   * @return this
   */
  public AsyncResultAssert hasResult(String expectedJson) {
    isNotNull();
    JsonNode expected;
    try {
      expected = JSON.readTree(expectedJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the expected result is not JSON: " + expectedJson, e);
    }
    if (!expected.equals(actual.result())) {
      failWith("expected async request " + actual.id() + " to have result " + expected + " but it had "
          + actual.result() + " (status " + actual.status().code() + ")" + describeError());
    }
    return this;
  }

  /**
   * Verifies the result with a consumer of assertions.
   *
   * @param requirements assertions on the result
   * @return this
   */
  public AsyncResultAssert hasResultSatisfying(Consumer<JsonNode> requirements) {
    isNotNull();
    JsonNode result = actual.result();
    if (result == null) {
      failWith("expected async request " + actual.id() + " to have a result but it has none (status "
          + actual.status().code() + ")" + describeError());
      return this;
    }
    requirements.accept(result);
    return this;
  }

  /**
   * Verifies the error stored for a failed request.
   *
   * @param type the error's type, an exception class name
   * @param message the error's message
   * @return this
   */
  public AsyncResultAssert hasError(String type, String message) {
    isNotNull();
    WorkloadError error = actual.error();
    if (error == null || !error.type().equals(type) || !error.message().equals(message)) {
      failWith("expected async request " + actual.id() + " to have failed with " + type + ": " + message
          + " but " + (error == null ? "it has no error" : "it failed with " + error.type() + ": " + error.message())
          + " (status " + actual.status().code() + ")");
    }
    return this;
  }

  private String describeError() {
    WorkloadError error = actual.error();
    return error == null ? "" : " (error " + error.type() + ": " + error.message() + ")";
  }
}
