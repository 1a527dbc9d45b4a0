package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code item_list} input of a job: items given inline, split into batches of {@code batch_size}.
 *
 * <p>Immutable. Not validated here: {@code JobSubmission} validation reports problems in Cortex's order.
 *
 * @param items the items, any JSON values, in order; empty when absent
 * @param batchSize how many items each batch holds
 */
@JsonPropertyOrder({"items", "batch_size"})
public record ItemList(
    @JsonProperty("items") List<JsonNode> items, @JsonProperty("batch_size") int batchSize) {

  /** Copies the items; a {@code null} list reads as empty. */
  public ItemList {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
