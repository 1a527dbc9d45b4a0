package io.github.cortexj.async.internal.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What every part of the async runtime shares: the backends, the clock, the executor replicas run on, the metrics
 * client, the cluster's name and client, and the timings of the worker loop.
 *
 * @param queues the queue backend
 * @param workloads the request state in the object store
 * @param clock the clock timeouts, TTLs, visibilities, autoscaling and retention are measured on
 * @param executor runs the replicas, one thread each
 * @param metrics the cluster's metrics client; handlers get it through {@link MetricsClient#forHandlers}
 * @param clusterName names the queues
 * @param mapper reads and writes JSON, and is handed to handlers
 * @param client the client handed to handlers, supplied lazily because it usually wraps the runtime; {@code null}
 *     for a client that reaches no cluster
 * @param pollWait how long (wall time) one receive waits for a request
 * @param visibilityTimeout the visibility a received request gets, renewed while it is handled
 * @param renewalPeriod how much clock time passes between visibility renewals
 * @param retention how long an ended request is kept, from its end
 * @param purgePeriod how much clock time passes between purges of expired requests
 * @param shutdownTimeout how long (wall time) closing waits for requests in flight before interrupting them
 */
public record RuntimeSettings(
    QueueBackend queues,
    WorkloadStore workloads,
    Clock clock,
    ExecutorService executor,
    MetricsClient metrics,
    String clusterName,
    ObjectMapper mapper,
    @Nullable Supplier<CortexClient> client,
    Duration pollWait,
    Duration visibilityTimeout,
    Duration renewalPeriod,
    Duration retention,
    Duration purgePeriod,
    Duration shutdownTimeout) {}
