package io.github.cortexj.core;

import java.util.List;

/**
 * A {@link BatchHandler} whose items are bound to a Java type with Jackson before each call. The item type is
 * the type argument of the implementing class ({@code implements TypedBatchHandler<Order>}), or is given with
 * {@link Handlers#typedBatch(Class, HandlerFactory)} when the handler is built by a factory.
 *
 * <p>An item that cannot be bound fails the whole batch with an {@link InvalidBatchItemException} naming the item's
 * index and the path at fault; {@link #handleBatch(List, BatchContext)} is then not called. A JSON {@code null}
 * item is refused the same way, so the list never holds {@code null}.
 *
 * <p>A handler instance serves one job on one worker; a worker calls it from one thread at a time.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface TypedBatchHandler<T> {

  /**
   * Handles one batch, as {@link BatchHandler#handleBatch(List, BatchContext)}.
   *
   * @param batch the bound items of the batch, in submission order; unmodifiable, never holding {@code null}
   * @param context the batch's ids, the job spec, and the worker's services
   * @throws Exception to fail the batch, or {@link PartialBatchFailure} to fail some of its items
   */
  void handleBatch(List<T> batch, BatchContext context) throws Exception;

  /**
   * Called once after every batch of the job has ended, as {@link BatchHandler#onJobComplete(JobSummary)}. Does
   * nothing by default.
   *
   * @param summary how many batches and items succeeded and failed
   * @throws Exception to report that the completion step failed
   */
  default void onJobComplete(JobSummary summary) throws Exception {}
}
