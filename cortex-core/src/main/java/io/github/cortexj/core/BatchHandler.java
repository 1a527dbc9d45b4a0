package io.github.cortexj.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Handles the batches of a BatchAPI's jobs: the Java form of Cortex's batch {@code Handler} class. Each batch of a
 * job is a list of the submitted items, as JSON; {@link #handleBatch(List, BatchContext)} is called once per batch,
 * and {@link #onJobComplete(JobSummary)} once after every batch of the job has ended.
 *
 * <p>Implement it in a class whose single public constructor takes any of the merged config, the
 * {@link JobSpec}, a {@link io.github.cortexj.core.metrics.MetricsClient}, the {@link ProjectFiles} and the
 * {@link CortexClient} (see {@link Handlers#batch(Class)}), or build it yourself in a {@link HandlerFactory}. To
 * receive items bound to a Java type, implement {@link TypedBatchHandler} instead.
 *
 * <p>A handler instance serves one job on one worker; a worker calls it from one thread at a time.
 */
@FunctionalInterface
public interface BatchHandler {

  /**
   * Handles one batch. Returning normally means every item succeeded. Throwing fails the whole batch (with a
   * dead-letter queue the batch is retried; without one it is not), except {@link PartialBatchFailure}, which
   * names the items that failed and lets the others count as succeeded.
   *
   * @param batch the items of the batch, in submission order; unmodifiable
   * @param context the batch's ids, the job spec, and the worker's services
   * @throws Exception to fail the batch, or {@link PartialBatchFailure} to fail some of its items
   */
  void handleBatch(List<JsonNode> batch, BatchContext context) throws Exception;

  /**
   * Called once after every batch of the job has ended, on one worker, as Cortex's {@code on_job_complete}; for
   * example to merge the batches' outputs. Does nothing by default. Throwing fails the worker, as in Cortex.
   *
   * @param summary how many batches and items succeeded and failed
   * @throws Exception to report that the completion step failed
   */
  default void onJobComplete(JobSummary summary) throws Exception {}
}
