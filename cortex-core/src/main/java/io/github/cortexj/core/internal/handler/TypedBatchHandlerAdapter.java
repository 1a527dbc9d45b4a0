package io.github.cortexj.core.internal.handler;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.InvalidBatchItemException;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.TypedBatchHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Presents a {@link TypedBatchHandler} as a {@link BatchHandler}: binds each item with Jackson, then hands the
 * typed list over. An item that does not bind, or is JSON {@code null}, fails the whole batch with an
 * {@link InvalidBatchItemException} naming its index, the item type and Jackson's path and message. As thread
 * safe as the handler it adapts.
 *
 * @param <T> the item type
 */
public final class TypedBatchHandlerAdapter<T> implements BatchHandler {

  private final TypedBatchHandler<T> delegate;
  private final JavaType itemType;
  private final ObjectReader reader;

  /**
   * Adapts a handler.
   *
   * @param delegate the typed handler
   * @param itemType the item type
   * @param mapper the mapper to bind items with
   */
  public TypedBatchHandlerAdapter(TypedBatchHandler<T> delegate, JavaType itemType, ObjectMapper mapper) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.itemType = Objects.requireNonNull(itemType, "itemType");
    this.reader = mapper.readerFor(itemType);
  }

  @Override
  public void handleBatch(List<JsonNode> batch, BatchContext context) throws Exception {
    delegate.handleBatch(bind(batch), context);
  }

  @Override
  public void onJobComplete(JobSummary summary) throws Exception {
    delegate.onJobComplete(summary);
  }

  /**
   * Returns the handler this adapter calls.
   *
   * @return the typed handler
   */
  public TypedBatchHandler<T> delegate() {
    return delegate;
  }

  /**
   * Returns the type the items are bound to.
   *
   * @return the item type
   */
  public JavaType itemType() {
    return itemType;
  }

  private List<T> bind(List<JsonNode> batch) {
    List<T> items = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      JsonNode node = batch.get(i);
      if (node == null || node.isNull() || node.isMissingNode()) {
        throw new InvalidBatchItemException(
            i, "batch item " + i + " is null, which cannot be bound to " + itemType.toCanonical(), null);
      }
      T item;
      try {
        item = reader.readValue(node);
      } catch (IOException | IllegalArgumentException e) {
        throw new InvalidBatchItemException(
            i,
            "batch item " + i + " cannot be bound to " + itemType.toCanonical() + ": " + JacksonProblems.describe(e),
            JacksonProblems.unwrap(e));
      }
      if (item == null) {
        throw new InvalidBatchItemException(
            i, "batch item " + i + " is null, which cannot be bound to " + itemType.toCanonical(), null);
      }
      items.add(item);
    }
    return Collections.unmodifiableList(items);
  }

  @Override
  public String toString() {
    return "TypedBatchHandler[" + delegate + ", items " + itemType.toCanonical() + "]";
  }
}
