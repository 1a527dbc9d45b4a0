package io.github.cortexj.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSummary;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Wraps a batch handler so that a batch the {@link FaultPlan} picks hangs until the runtime interrupts it (its
 * batch timeout, or the job ending); every other batch, and {@code onJobComplete}, go to the real handler.
 *
 * <p>Thread safe as far as the wrapped handler is.
 */
public final class HangingBatchHandler implements BatchHandler {

  private final BatchHandler delegate;
  private final FaultPlan faults;

  /**
   * Wraps a handler.
   *
   * @param delegate the real handler
   * @param faults the plan that picks the batches to hang
   */
  public HangingBatchHandler(BatchHandler delegate, FaultPlan faults) {
    this.delegate = delegate;
    this.faults = faults;
  }

  @Override
  public void handleBatch(List<JsonNode> batch, BatchContext context) throws Exception {
    if (faults.hangNow(context.batchId())) {
      new CountDownLatch(1).await(); // until interrupted: the runtime's batch timeout
    }
    delegate.handleBatch(batch, context);
  }

  @Override
  public void onJobComplete(JobSummary summary) throws Exception {
    delegate.onJobComplete(summary);
  }
}
