package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A batch that failed for good, kept with its items so that it can be inspected and retried with {@code
 * retryFailedBatches}. When the handler reported a partial failure, {@code items} holds only the items it named.
 *
 * <p>Immutable.
 *
 * @param batchId the batch id (its queue message id)
 * @param items the items that failed, in batch order
 * @param errorType the Java class name of the error, for example {@code java.lang.IllegalStateException}
 * @param errorMessage the error's message; empty when it had none
 * @param attempts how many deliveries the batch got
 */
@JsonPropertyOrder({"batch_id", "items", "error_type", "error_message", "attempts"})
public record FailedBatch(
    @JsonProperty("batch_id") String batchId,
    @JsonProperty("items") List<JsonNode> items,
    @JsonProperty("error_type") String errorType,
    @JsonProperty("error_message") String errorMessage,
    @JsonProperty("attempts") int attempts) {

  /** Validates and copies the fields. */
  public FailedBatch {
    Objects.requireNonNull(batchId, "batchId");
    items = List.copyOf(items);
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(errorMessage, "errorMessage");
  }
}
