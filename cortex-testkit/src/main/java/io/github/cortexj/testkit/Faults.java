package io.github.cortexj.testkit;

import io.github.cortexj.testkit.internal.FaultPlan;
import java.util.List;
import java.util.Objects;

/**
 * Plans failures in a {@link CortexTestCluster}, to show that the runtime keeps its promises when workers crash,
 * messages come back early or twice, and storage calls fail: no accepted batch is lost, {@code onJobComplete}
 * runs exactly once, statuses and attempt counts stay right.
 *
 * <pre>{@code
 * cluster.faults().crashWorkerOnBatch(1);                  // the first batch's worker dies before recording it
 * cluster.faults().failStoreCall(StoreCall.PUT, ".succeeded/", 2); // the second group of successes is lost
 * JobSpec job = client.submitJob("reviews", submission);
 * assertThat(cluster.awaitJob("reviews", job.jobId())).succeeded();
 * }</pre>
 *
 * <p>Every fault except {@link #hangBatch(int)} is injected by decorators of the cluster's {@code QueueBackend}
 * and {@code ObjectStore}, so it works on any backend pair, the AWS ones included; {@link #hangBatch(int)} wraps
 * the handler, so it applies to APIs deployed through {@link CortexTestCluster#deploy(io.github.cortexj.core.spec.ApiSpec,
 * Class)} or a factory. Counting starts when the fault is planned: {@code nth = 1} is the next matching event.
 * A fault that fired is logged in the {@link CortexTestCluster#timeline()}.
 *
 * <p>Thread safe.
 */
public final class Faults {

  /** The queue-backend operations a fault can fail. */
  public enum QueueCall {
    /** {@code createQueue}. */
    CREATE_QUEUE,
    /** {@code send}. */
    SEND,
    /** {@code sendBatch}. */
    SEND_BATCH,
    /** {@code receive}. */
    RECEIVE,
    /** {@code changeVisibility}. */
    CHANGE_VISIBILITY,
    /** {@code delete}. */
    DELETE,
    /** {@code deleteBatch}. */
    DELETE_BATCH,
    /** {@code deleteQueue}. */
    DELETE_QUEUE
  }

  /** The object-store operations a fault can fail. */
  public enum StoreCall {
    /** {@code put}, of bytes or a stream. */
    PUT,
    /** {@code get}. */
    GET,
    /** {@code open}. */
    OPEN,
    /** {@code head}. */
    HEAD,
    /** {@code list}. */
    LIST,
    /** {@code delete}. */
    DELETE,
    /** {@code deleteByPrefix}. */
    DELETE_BY_PREFIX
  }

  private final FaultPlan plan;

  Faults(FaultPlan plan) {
    this.plan = plan;
  }

  /**
   * Crashes the worker that receives the {@code nth} batch delivery from now: the handler runs, but the outcome
   * is never recorded, the visibility never extended and the message never deleted, as when a JVM dies. The batch
   * comes back after its visibility timeout (30 s of cluster time) and is handled again as a new attempt; so do
   * the successes the worker held in the same unrecorded group.
   *
   * @param nth 1 for the next batch delivery
   * @return this, to plan more
   */
  public Faults crashWorkerOnBatch(int nth) {
    plan.batchFault(FaultPlan.BatchFaultKind.CRASH, positive(nth));
    return this;
  }

  /**
   * Ends the visibility timeout of the {@code nth} batch delivery from now as soon as it is received, so the
   * batch can be received again while its first delivery is still being handled.
   *
   * @param nth 1 for the next batch delivery
   * @return this, to plan more
   */
  public Faults expireVisibilityEarly(int nth) {
    plan.batchFault(FaultPlan.BatchFaultKind.EXPIRE_EARLY, positive(nth));
    return this;
  }

  /**
   * Delivers the {@code nth} batch delivery from now a second time, with the same receipt handle, on the next
   * receive from its queue: the duplicate delivery standard SQS queues allow.
   *
   * @param nth 1 for the next batch delivery
   * @return this, to plan more
   */
  public Faults deliverTwice(int nth) {
    plan.batchFault(FaultPlan.BatchFaultKind.DELIVER_TWICE, positive(nth));
    return this;
  }

  /**
   * Makes the handler of the {@code nth} batch handled from now hang until the runtime interrupts it, so the
   * batch exceeds its {@code batchTimeout}; in virtual time the cluster skips straight to that timeout.
   *
   * @param nth 1 for the next batch handled
   * @return this, to plan more
   */
  public Faults hangBatch(int nth) {
    plan.hangBatch(positive(nth));
    return this;
  }

  /**
   * Fails the {@code nth} call of an operation on the queue backend from now with an
   * {@link InjectedFaultException}.
   *
   * @param call the operation
   * @param nth 1 for the next call
   * @return this, to plan more
   */
  public Faults failQueueCall(QueueCall call, int nth) {
    plan.failQueueCall(Objects.requireNonNull(call, "call"), positive(nth));
    return this;
  }

  /**
   * Fails the {@code nth} call of an operation on the object store from now with an
   * {@link InjectedFaultException}.
   *
   * @param call the operation
   * @param nth 1 for the next call
   * @return this, to plan more
   */
  public Faults failStoreCall(StoreCall call, int nth) {
    return failStoreCall(call, "", nth);
  }

  /**
   * Fails the {@code nth} call of an operation on a key containing {@code keyContains}, from now: for example
   * {@code failStoreCall(PUT, ".succeeded/", 1)} loses the first group of batch successes written (a worker records
   * its successes up to ten at a time; the batches of a lost group run again).
   *
   * @param call the operation
   * @param keyContains text the key must contain
   * @param nth 1 for the next matching call
   * @return this, to plan more
   */
  public Faults failStoreCall(StoreCall call, String keyContains, int nth) {
    plan.failStoreCall(Objects.requireNonNull(call, "call"), Objects.requireNonNull(keyContains, "keyContains"),
        positive(nth));
    return this;
  }

  /**
   * Lists the faults that have fired so far, in order, as readable sentences.
   *
   * @return the descriptions
   */
  public List<String> fired() {
    return plan.fired();
  }

  private static int positive(int nth) {
    if (nth < 1) {
      throw new IllegalArgumentException("nth counts from 1 (got " + nth + ")");
    }
    return nth;
  }

  @Override
  public String toString() {
    return "Faults" + plan.fired();
  }
}
