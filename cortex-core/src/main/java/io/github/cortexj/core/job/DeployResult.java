package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of deploying one API, as Cortex's {@code DeployResult}: the API, and a message such as
 * {@code created reviews (BatchAPI)}, {@code updated reviews (BatchAPI)} or {@code reviews (BatchAPI) is up to
 * date}. Errors are thrown, so {@code error} is empty here; it is kept for Cortex's JSON shape.
 *
 * <p>Immutable.
 *
 * @param api the deployed API
 * @param message what the deploy did
 * @param error always empty: a failed deploy throws
 */
@JsonPropertyOrder({"api", "message", "error"})
public record DeployResult(
    @JsonProperty("api") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable ApiInfo api,
    @JsonProperty("message") String message,
    @JsonProperty("error") String error) {

  /** Validates the fields. */
  public DeployResult {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(error, "error");
  }

  /**
   * Returns whether the deploy changed nothing because the API was up to date.
   *
   * @return {@code true} for an up-to-date API
   */
  public boolean upToDate() {
    return message.endsWith(" is up to date");
  }
}
