package io.github.cortexj.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerInit;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.PartialBatchFailure;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.config.ConfigMerger;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.logging.HandlerMdc;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker of a job: builds the handler once, then receives one batch at a time until the job ends, handling
 * each with its visibility renewed, the MDC set and the built-in metrics recorded. A failed batch is retried
 * (visibility set to the backoff) while attempts remain, and is otherwise kept as a {@link FailedBatch}; a
 * handler exception never ends the worker. When the job's queue is empty the worker looks at the completion
 * queue, whose single message {@link JobCompletion} handles.
 *
 * <p>Successes are recorded a group at a time: a batch that succeeded stays in flight (its visibility renewed)
 * until the worker writes one record for up to {@value JobKeys#MAX_GROUP} of them and deletes their messages in
 * one call. A group is written when it is full, when a batch took at least {@link #GROUP_WINDOW} of clock time
 * (slow batches gain nothing from grouping), when the job's queue has nothing ready, and when the worker leaves. A
 * batch's message is deleted only after its success is stored, so a crash in between means a new delivery, never
 * a lost batch.
 *
 * <p>One instance runs on one thread.
 */
final class BatchWorker implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(BatchWorker.class);

  /** A batch handled in this long or longer is recorded at once rather than grouped. */
  static final Duration GROUP_WINDOW = Duration.ofMillis(5);

  private final RuntimeSettings settings;
  private final JobRun run;
  private final JobCompletion completion;
  private final MetricsClient handlerMetrics;
  // The built-in metrics' tags: the same for every batch of the job, so made once.
  private final Map<String, String> metricTags;
  /** Batches that succeeded here and wait to be recorded as a group; used by this worker's thread only. */
  private final List<InFlightBatch> succeeded = new ArrayList<>(JobKeys.MAX_GROUP);
  private final BatchItemsReader itemsReader;
  /**
   * The parts of every batch's context and MDC scope that are the same for the whole job, set once the handler is
   * built; each batch then sets its own id, attempt and deadline. Used by this worker's thread only.
   */
  private BatchContext.@Nullable Builder contextBuilder;

  private HandlerMdc.@Nullable Builder mdcBuilder;

  BatchWorker(RuntimeSettings settings, JobRun run, JobCompletion completion) {
    this.settings = settings;
    this.run = run;
    this.completion = completion;
    this.handlerMetrics = MetricsClient.forHandlers(settings.metrics());
    this.metricTags = Map.of("api_name", run.spec().apiName(), "job_id", run.spec().jobId());
    this.itemsReader = new BatchItemsReader(settings.mapper());
  }

  @Override
  public void run() {
    run.workerStarted();
    boolean ok = false;
    if (run.isEnded()) {
      run.workerEnded(true); // queued behind other work until the job had already ended
      return;
    }
    Throwable failure = null;
    try {
      BatchHandler handler = buildHandler();
      if (handler != null) {
        loop(handler);
        ok = true;
      }
    } catch (RuntimeException | Error e) {
      LOG.error("worker of job {} failed", run.spec().jobId(), e);
      failure = e;
    } finally {
      String queueUrl = run.queueUrl();
      if (queueUrl != null) {
        recordSucceededQuietly(queueUrl);
      }
      run.workerEnded(ok);
    }
    // Once every worker of the job has died (Cortex: the worker Job's failed == workers), nothing would ever take
    // its batches: end it worker_error with the error rather than leave it running forever.
    if (failure != null && !run.isEnded() && run.workerCounts().failed() >= run.spec().workers()) {
      completion.fail(run, failure);
    }
  }

  private @Nullable BatchHandler buildHandler() {
    JobSpec spec = run.spec();
    HandlerInit.Builder builder =
        HandlerInit.builder()
            .config(ConfigMerger.merge(run.api().config(), spec.config()))
            .jobSpec(spec)
            .metrics(handlerMetrics)
            .projectFiles(run.api().projectFiles())
            .objectMapper(settings.mapper());
    Supplier<CortexClient> client = settings.client();
    CortexClient cortex = client == null ? null : client.get();
    if (cortex != null) {
      builder.client(cortex);
    }
    HandlerInit init = builder.build();
    BatchContext.Builder contexts =
        BatchContext.builder().jobSpec(spec).metrics(handlerMetrics).projectFiles(run.api().projectFiles());
    if (cortex != null) {
      contexts.client(cortex);
    }
    contextBuilder = contexts;
    mdcBuilder = HandlerMdc.builder().apiName(spec.apiName()).jobId(spec.jobId());
    try (HandlerMdc mdc = HandlerMdc.builder().apiName(spec.apiName()).jobId(spec.jobId()).open()) {
      return run.api().handlerFactory().create(init);
    } catch (Exception e) {
      LOG.error("failed to build the handler of job {}", spec.jobId(), e);
      completion.fail(run, e);
      return null;
    }
  }

  private void loop(BatchHandler handler) {
    String queueUrl = run.queueUrl();
    String completionUrl = run.completionQueueUrl();
    if (queueUrl == null || completionUrl == null) {
      throw new IllegalStateException("workers start after the queues exist");
    }
    // Look at the queues without waiting once this process has seen every batch end: the completion message is
    // then due, and a long poll of the empty job queue would only delay it. (Waking a waiting receive with an
    // interrupt is not an option: an SQS receive aborted mid-way can take a message away for its visibility
    // timeout, spending one of its attempts.)
    boolean quick = false;
    while (!run.isEnded() && !Thread.currentThread().isInterrupted()) {
      List<ReceivedMessage> messages = List.of();
      boolean completionMessage = false;
      // With successes waiting to be recorded, look without waiting: an empty queue records them first.
      Duration wait = quick || !succeeded.isEmpty() ? Duration.ZERO : settings.pollWait();
      if (!run.enterPoll()) {
        return;
      }
      RuntimeException failure = null;
      try {
        messages = settings.queues().receive(queueUrl, ReceiveRequest.one(wait, settings.visibilityTimeout()));
        if (messages.isEmpty() && !succeeded.isEmpty() && !run.isEnded()) {
          run.leavePoll();
          recordSucceededQuietly(queueUrl);
          quick = run.allBatchesEndedHere();
          continue;
        }
        if (messages.isEmpty() && !run.isEnded()) {
          messages =
              settings.queues().receive(completionUrl, ReceiveRequest.one(Duration.ZERO, settings.visibilityTimeout()));
          completionMessage = true;
        }
      } catch (RuntimeException e) {
        failure = e;
      }
      run.leavePoll();
      quick = false;
      if (run.isEnded()) {
        return; // woken by the end (or the queues were deleted by another process); a message received meanwhile
        // becomes visible again
      }
      if (failure != null) {
        throw failure;
      }
      if (completionMessage) {
        if (!messages.isEmpty()) {
          completion.handle(run, handler, messages.get(0));
        }
        continue;
      }
      for (ReceivedMessage message : messages) {
        try {
          handleMessage(handler, queueUrl, message);
        } catch (RuntimeException e) {
          if (run.isEnded()) {
            return;
          }
          // A storage or queue failure: the message becomes visible again and is delivered anew.
          LOG.warn("could not finish batch {} of job {}: {}", message.messageId(), run.spec().jobId(), e.toString());
        }
      }
      quick = run.allBatchesEndedHere();
    }
  }

  private void handleMessage(BatchHandler handler, String queueUrl, ReceivedMessage message) {
    JobSpec spec = run.spec();
    String batchId = message.messageId();
    // A first delivery cannot have ended before; only a redelivered batch is looked up (two reads per batch).
    if (message.receiveCount() > 1 && settings.jobStore().hasOutcome(spec.apiName(), spec.jobId(), batchId)) {
      settings.queues().delete(queueUrl, message.receiptHandle()); // a batch delivered again after it ended
      return;
    }
    InFlightBatch running = run.inFlight(batchId);
    // A failed delivery is finished before its message is made visible again for the retry, so a copy still
    // listed here but finished is not running: the new delivery is the next attempt.
    if (running != null && !running.finished()) {
      // Delivered again while a worker here still handles it (its visibility lapsed during a pause): the running
      // copy adopts the new receipt, and the batch is not handled twice.
      running.renewer().receiptHandle(message.receiptHandle());
      running.renewer().renewIfDue(settings.clock().instant());
      return;
    }
    Instant now = settings.clock().instant();
    Duration batchTimeout = run.batchTimeout();
    VisibilityRenewer renewer =
        new VisibilityRenewer(
            settings.queues(),
            queueUrl,
            message.receiptHandle(),
            now,
            settings.visibilityTimeout(),
            settings.renewalPeriod());
    InFlightBatch inFlight =
        new InFlightBatch(
            batchId, Thread.currentThread(), renewer, batchTimeout == null ? null : now.plus(batchTimeout));
    run.add(inFlight);
    long started = System.nanoTime();
    List<JsonNode> items = List.of();
    Throwable failure = null;
    try (HandlerMdc mdc = mdcScope(batchId)) {
      LOG.debug("processing batch {}", batchId);
      items = itemsReader.read(message.body());
      handler.handleBatch(items, context(spec, batchId, message.receiveCount()));
    } catch (Exception | Error e) {
      failure = e;
    } finally {
      if (failure == null) {
        inFlight.handled(); // kept, renewed, until its group is recorded
      } else {
        inFlight.finish();
      }
      Thread.interrupted(); // an interrupt meant for this batch must not reach the next one
    }
    boolean grouped = false;
    try {
      grouped =
          record(queueUrl, message, spec, batchId, renewer, inFlight, items, failure, System.nanoTime() - started, now);
    } finally {
      if (!grouped) {
        // Only now: until its outcome is written, a new delivery of this batch must find it here, not run it again.
        inFlight.finish();
        run.remove(inFlight);
      }
    }
  }

  /** Opens the MDC scope of one batch: the job's ids, set once, and the batch's. */
  private HandlerMdc mdcScope(String batchId) {
    HandlerMdc.Builder builder = mdcBuilder;
    if (builder == null) {
      throw new IllegalStateException("batches are handled once the handler is built");
    }
    return builder.batchId(batchId).open();
  }

  /** Builds the context of one batch on the job's parts, set once. */
  private BatchContext context(JobSpec spec, String batchId, int attempt) {
    BatchContext.Builder builder = contextBuilder;
    if (builder == null) {
      throw new IllegalStateException("batches are handled once the handler is built");
    }
    // The spec is set again: it gains its queue URL and batch count while object inputs are enqueued.
    return builder.jobSpec(spec).batchId(batchId).attempt(attempt).deadline(run.deadline()).build();
  }

  /**
   * Records the successes waiting here in one write, then deletes their messages in one call; a failure leaves
   * the messages to be delivered again.
   */
  private void recordSucceeded(String queueUrl) {
    List<InFlightBatch> group = succeeded;
    int size = group.size();
    if (size == 0) {
      return;
    }
    try {
      if (run.isEnded()) {
        return; // stopped or timed out: the batches are abandoned
      }
      JobSpec spec = run.spec();
      String[] batchIds = new String[size];
      String[] receipts = new String[size];
      for (int i = 0; i < size; i++) {
        InFlightBatch batch = group.get(i);
        batchIds[i] = batch.messageId();
        receipts[i] = batch.renewer().receiptHandle();
      }
      settings.jobStore().writeSucceeded(spec.apiName(), spec.jobId(), Arrays.asList(batchIds));
      run.batchesSucceededHere(size);
      List<String> notDeleted = settings.queues().deleteBatch(queueUrl, Arrays.asList(receipts));
      if (!notDeleted.isEmpty()) {
        // Delivered again later, they are found recorded and deleted then.
        LOG.debug("{} messages of job {} were not deleted: {}", notDeleted.size(), spec.jobId(), notDeleted);
      }
    } finally {
      for (int i = 0; i < size; i++) {
        InFlightBatch batch = group.get(i);
        batch.finish();
        run.remove(batch);
      }
      group.clear();
    }
  }

  private void recordSucceededQuietly(String queueUrl) {
    try {
      recordSucceeded(queueUrl);
    } catch (RuntimeException e) {
      // A storage or queue failure: the messages become visible again and are delivered anew.
      LOG.warn("could not record the successes of job {}: {}", run.spec().jobId(), e.toString());
    }
  }

  /**
   * Records a batch's outcome.
   *
   * @return {@code true} when the batch succeeded and waits in {@link #succeeded} (still in flight)
   */
  private boolean record(
      String queueUrl,
      ReceivedMessage message,
      JobSpec spec,
      String batchId,
      VisibilityRenewer renewer,
      InFlightBatch inFlight,
      List<JsonNode> items,
      @Nullable Throwable failure,
      long nanos,
      Instant received) {
    String receipt = renewer.receiptHandle();
    if (run.isEnded()) {
      return false; // stopped or timed out: the batch is abandoned
    }
    run.recordDelivery(nanos);
    MetricsClient metrics = settings.metrics();
    try {
      metrics.histogram("cortex_time_per_batch", nanos / 1e9, metricTags);
    } catch (RuntimeException e) {
      builtInFailed(e);
    }
    if (failure == null) {
      try {
        metrics.increment("cortex_batch_succeeded", 1, metricTags);
      } catch (RuntimeException e) {
        builtInFailed(e);
      }
      succeeded.add(inFlight);
      if (succeeded.size() >= JobKeys.MAX_GROUP
          || !settings.clock().instant().isBefore(received.plus(GROUP_WINDOW))) {
        recordSucceeded(queueUrl);
      }
      return true;
    }
    if (inFlight.timedOut()) {
      failure =
          new TimeoutException("batch " + batchId + " did not finish within " + run.batchTimeout() + "; interrupted");
    }
    // Logged after the handler's MDC scope has closed, so the batch's ids are set again for this line.
    try (HandlerMdc mdc = mdcScope(batchId)) {
      LOG.warn("failed processing batch {} (attempt {})", batchId, message.receiveCount(), failure);
    }
    try {
      metrics.increment("cortex_batch_failed", 1, metricTags);
    } catch (RuntimeException e) {
      builtInFailed(e);
    }
    boolean partial = failure instanceof PartialBatchFailure;
    if (!partial && message.receiveCount() < run.maxAttempts()) {
      settings.queues().changeVisibility(queueUrl, receipt, run.backoff());
      settings.jobStore().writeFailedAttempt(spec.apiName(), spec.jobId(), batchId, message.receiveCount());
      run.failedAttemptHere();
      return false;
    }
    settings.jobStore().writeFailedAttempt(spec.apiName(), spec.jobId(), batchId, message.receiveCount());
    run.failedAttemptHere();
    settings.jobStore().writeFailed(spec.apiName(), spec.jobId(), failedBatch(batchId, items, message, failure));
    run.batchFailedHere();
    if (spec.sqsDeadLetterQueue() != null && !partial) {
      // Delivered again at once, the message moves to the dead-letter queue (its receive count is spent).
      settings.queues().changeVisibility(queueUrl, receipt, Duration.ZERO);
    } else {
      settings.queues().delete(queueUrl, receipt);
    }
    return false;
  }

  private FailedBatch failedBatch(String batchId, List<JsonNode> items, ReceivedMessage message, Throwable failure) {
    String text = failure.getMessage() == null ? "" : failure.getMessage();
    if (failure instanceof PartialBatchFailure partial) {
      List<JsonNode> failedItems = new ArrayList<>();
      for (PartialBatchFailure.FailedItem item : partial.failedItems()) {
        if (item.index() < items.size()) {
          failedItems.add(items.get(item.index()));
        }
      }
      return new FailedBatch(batchId, failedItems, failure.getClass().getName(), text, message.receiveCount());
    }
    if (items.isEmpty()) {
      // The body did not parse: keep it as one text item, so that nothing accepted is lost.
      items = List.of(settings.mapper().getNodeFactory().textNode(message.body()));
    }
    return new FailedBatch(batchId, items, failure.getClass().getName(), text, message.receiveCount());
  }

  private static void builtInFailed(RuntimeException e) {
    LOG.warn("failed to publish a built-in metric: {}", e.getMessage());
  }
}
