package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code item_list} input of a job: items given inline, split into batches of {@code batch_size}.
 *
 * <p>The items are serialised once, when the list is made, and kept as compact JSON bytes rather than as
 * {@link JsonNode} trees, so that a large list takes little memory and a batch's message body is a slice of those
 * bytes ({@link #jsonArray(int, int)}). {@link #items()} decodes each item when it is read.
 *
 * <p>Immutable and thread safe. Not validated here: {@code JobSubmission} validation reports problems in Cortex's
 * order.
 *
 * @param items the items, any JSON values, in order; empty when absent. The list returned is unmodifiable and
 *     decodes a new node on each {@code get}
 * @param batchSize how many items each batch holds
 */
@JsonPropertyOrder({"items", "batch_size"})
public record ItemList(
    @JsonProperty("items") List<JsonNode> items, @JsonProperty("batch_size") int batchSize) {

  /**
   * Serialises the items once into compact JSON; a {@code null} list reads as empty.
   *
   * @throws IllegalArgumentException naming the index of an item that cannot be written as JSON
   */
  public ItemList {
    items = items == null ? CompactItems.empty() : CompactItems.encode(items);
  }

  /**
   * Returns the size of one item as compact UTF-8 JSON, the size Cortex's per-item limit applies to, without
   * decoding it.
   *
   * @param index the item's index
   * @return its size in bytes
   * @throws IndexOutOfBoundsException when there is no such item
   */
  public int jsonSize(int index) {
    return ((CompactItems) items).jsonSize(index);
  }

  /**
   * Returns the index of the first item whose compact UTF-8 JSON is larger than {@code bytes}, without decoding
   * or measuring the items one by one: the largest size of each run of items is kept when the list is made.
   *
   * @param bytes the size limit
   * @return the index of the first larger item, or -1 when none is larger
   */
  public int firstItemLargerThan(int bytes) {
    return ((CompactItems) items).firstLargerThan(bytes);
  }

  /**
   * Returns the size in bytes of a run of items as one compact JSON array (the size of
   * {@link #jsonArray(int, int)}'s UTF-8), without building it.
   *
   * @param fromIndex the first item, inclusive
   * @param toIndex the last item, exclusive
   * @return the size in bytes
   * @throws IndexOutOfBoundsException when the range is not within the items
   */
  public int jsonArraySize(int fromIndex, int toIndex) {
    return ((CompactItems) items).jsonArraySize(fromIndex, toIndex);
  }

  /**
   * Returns a run of items as one compact JSON array, the message body of a batch, without decoding them.
   *
   * @param fromIndex the first item, inclusive
   * @param toIndex the last item, exclusive
   * @return the JSON array text
   * @throws IndexOutOfBoundsException when the range is not within the items
   */
  public String jsonArray(int fromIndex, int toIndex) {
    return ((CompactItems) items).jsonArray(fromIndex, toIndex);
  }
}
