package io.github.cortexj.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Thrown by a batch handler to report that some items of its batch failed and the others succeeded, instead of
 * failing the whole batch. Items not named here succeeded. Kind {@value #KIND}.
 *
 * <pre>{@code
 * PartialBatchFailure.Builder failures = PartialBatchFailure.builder();
 * for (int i = 0; i < batch.size(); i++) {
 *   try {
 *     process(batch.get(i));
 *   } catch (IOException e) {
 *     failures.fail(i, e);
 *   }
 * }
 * failures.throwIfAny();
 * }</pre>
 *
 * <p>Every {@link Throwable} given as a reason is attached as a suppressed exception, so logs keep its stack trace.
 * Instances are immutable once built, apart from the suppressed list {@link Throwable} manages.
 */
public final class PartialBatchFailure extends CortexException {

  private static final long serialVersionUID = 1L;

  /** The kind of this error. */
  public static final String KIND = "batch.partial_failure";

  /** The {@linkplain FailedItem#type() type} of an item whose reason was given as text. */
  public static final String TEXT_REASON_TYPE = "error";

  /** How many items the message lists before it abbreviates. */
  private static final int ITEMS_IN_MESSAGE = 5;

  @SuppressWarnings("serial") // an immutable list of records; not serialised in practice
  private final List<FailedItem> failedItems;

  private PartialBatchFailure(List<FailedItem> failedItems) {
    super(KIND, describe(failedItems));
    this.failedItems = failedItems;
  }

  /**
   * Starts a partial failure.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the failed items, sorted by index, never empty.
   *
   * @return the failed items
   */
  public List<FailedItem> failedItems() {
    return failedItems;
  }

  private static String describe(List<FailedItem> items) {
    StringBuilder message = new StringBuilder();
    message.append(items.size()).append(items.size() == 1 ? " item" : " items").append(" of the batch failed: ");
    for (int i = 0; i < items.size() && i < ITEMS_IN_MESSAGE; i++) {
      FailedItem item = items.get(i);
      if (i > 0) {
        message.append("; ");
      }
      message.append("item ").append(item.index()).append(" (").append(item.type());
      if (!item.message().isEmpty()) {
        message.append(": ").append(item.message());
      }
      message.append(')');
    }
    if (items.size() > ITEMS_IN_MESSAGE) {
      message.append("; and ").append(items.size() - ITEMS_IN_MESSAGE).append(" more");
    }
    return message.toString();
  }

  /**
   * One item that failed.
   *
   * @param index the item's index in its batch, from 0
   * @param type the Java class name of the exception that made it fail, or {@value #TEXT_REASON_TYPE} when the
   *     reason was given as text
   * @param message the exception's message or the text reason; empty when the exception had none
   */
  public record FailedItem(int index, String type, String message) {
    /** Validates the fields. */
    public FailedItem {
      if (index < 0) {
        throw new IllegalArgumentException("index must be >= 0, got " + index);
      }
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Collects the failed items of one batch. Not thread safe: use it from the thread that handles the batch.
   */
  public static final class Builder {

    private final TreeMap<Integer, FailedItem> items = new TreeMap<>();
    private final List<Throwable> causes = new ArrayList<>();
    private final Set<Throwable> seenCauses = Collections.newSetFromMap(new IdentityHashMap<>());

    private Builder() {}

    /**
     * Marks an item as failed because of an exception.
     *
     * @param itemIndex the item's index in the batch, from 0
     * @param reason the exception; it is attached to the built failure as a suppressed exception
     * @return this builder
     * @throws IllegalArgumentException if the index is negative or already marked
     */
    public Builder fail(int itemIndex, Throwable reason) {
      Objects.requireNonNull(reason, "reason");
      String message = reason.getMessage();
      add(new FailedItem(itemIndex, reason.getClass().getName(), message == null ? "" : message));
      if (seenCauses.add(reason)) {
        causes.add(reason);
      }
      return this;
    }

    /**
     * Marks an item as failed, with a reason given as text.
     *
     * @param itemIndex the item's index in the batch, from 0
     * @param reason why it failed
     * @return this builder
     * @throws IllegalArgumentException if the index is negative or already marked
     */
    public Builder fail(int itemIndex, String reason) {
      Objects.requireNonNull(reason, "reason");
      add(new FailedItem(itemIndex, TEXT_REASON_TYPE, reason));
      return this;
    }

    private void add(FailedItem item) {
      if (items.containsKey(item.index())) {
        throw new IllegalArgumentException("item " + item.index() + " is already marked as failed");
      }
      items.put(item.index(), item);
    }

    /**
     * Returns whether any item has been marked as failed.
     *
     * @return {@code true} when at least one item failed
     */
    public boolean hasFailures() {
      return !items.isEmpty();
    }

    /**
     * Builds the failure, to be thrown by the handler.
     *
     * @return the failure
     * @throws IllegalStateException if no item was marked as failed: return normally when every item succeeded
     */
    public PartialBatchFailure build() {
      if (items.isEmpty()) {
        throw new IllegalStateException(
            "a partial batch failure needs at least one failed item; return normally when every item succeeded");
      }
      // The TreeMap keeps the items sorted by index.
      PartialBatchFailure failure = new PartialBatchFailure(List.copyOf(items.values()));
      causes.forEach(failure::addSuppressed);
      return failure;
    }

    /**
     * Throws the built failure if any item was marked as failed; otherwise returns normally.
     *
     * @throws PartialBatchFailure when at least one item failed
     */
    public void throwIfAny() {
      if (hasFailures()) {
        throw build();
      }
    }
  }
}
