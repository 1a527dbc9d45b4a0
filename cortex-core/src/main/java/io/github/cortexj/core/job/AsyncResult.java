package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.internal.handler.GoTimeSerializer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a client reads of an async request, as Cortex's gateway answers {@code GET /<endpoint>/<id>}: its id and
 * status, and once {@code completed} the handler's JSON object and when it was stored; once {@code failed}, why.
 *
 * <p>Immutable, as far as the {@link JsonNode} is left unmodified.
 *
 * @param id the request id
 * @param status the status
 * @param result the handler's JSON object, keys in the handler's order, when completed; otherwise {@code null}
 * @param timestamp when the result was stored, when completed; otherwise {@code null}
 * @param error why the request failed, when failed; otherwise {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "status", "result", "timestamp", "error"})
public record AsyncResult(
    @JsonProperty("id") String id,
    @JsonProperty("status") AsyncStatus status,
    @JsonProperty("result") @Nullable JsonNode result,
    @JsonProperty("timestamp") @JsonSerialize(using = GoTimeSerializer.class) @Nullable Instant timestamp,
    @JsonProperty("error") @Nullable WorkloadError error) {

  /** Validates the fields. */
  public AsyncResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
  }

  /**
   * Returns the result when the request has completed.
   *
   * @return the handler's JSON object, or empty
   */
  public Optional<JsonNode> resultIfCompleted() {
    return Optional.ofNullable(result);
  }
}
