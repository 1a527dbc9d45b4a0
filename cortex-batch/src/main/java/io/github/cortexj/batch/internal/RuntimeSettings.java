package io.github.cortexj.batch.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What every part of the batch runtime shares: the backends, the clock, the executor workers run on, the metrics
 * client, the cluster's name and client, and the timings of the worker loop.
 *
 * @param queues the queue backend
 * @param store the object store
 * @param jobStore the job state in the store
 * @param clock the clock every timeout and visibility is measured on
 * @param executor runs enqueuers and workers
 * @param metrics the cluster's undecorated metrics client (built-in metrics)
 * @param clusterName names the queues
 * @param mapper reads and writes JSON
 * @param client the client handed to handlers, supplied lazily because it usually wraps the runtime; {@code
 *     null} for a client that reaches no cluster
 * @param pollWait how long one receive waits for a batch
 * @param visibilityTimeout the visibility a received batch gets, renewed while it is handled
 * @param renewalPeriod how much clock time passes between visibility renewals
 * @param completionRecheckDelay how long the completion message stays invisible when batches are still running
 */
public record RuntimeSettings(
    QueueBackend queues,
    ObjectStore store,
    JobStore jobStore,
    Clock clock,
    ExecutorService executor,
    MetricsClient metrics,
    String clusterName,
    ObjectMapper mapper,
    @Nullable Supplier<CortexClient> client,
    Duration pollWait,
    Duration visibilityTimeout,
    Duration renewalPeriod,
    Duration completionRecheckDelay) {}
