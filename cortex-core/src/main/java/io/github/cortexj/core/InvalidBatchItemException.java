package io.github.cortexj.core;

import org.jspecify.annotations.Nullable;

/**
 * An item of a batch cannot be bound to the item type of a {@link TypedBatchHandler}. The whole batch fails, as
 * when {@code handle_batch} raises in Cortex. The message names the item's index in the batch (from 0), the
 * target type and Jackson's path and message. Kind {@value #KIND}.
 */
public class InvalidBatchItemException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The kind of this error. */
  public static final String KIND = "batch.invalid_item";

  private final int itemIndex;

  /**
   * Creates an exception.
   *
   * @param itemIndex the index of the item in its batch, from 0
   * @param message what is wrong, naming the item index, the target type and the path at fault
   * @param cause Jackson's failure, or {@code null}
   */
  public InvalidBatchItemException(int itemIndex, String message, @Nullable Throwable cause) {
    super(KIND, message, cause);
    this.itemIndex = itemIndex;
  }

  /**
   * Returns the index, from 0, of the item that could not be bound.
   *
   * @return the item index
   */
  public int itemIndex() {
    return itemIndex;
  }
}
