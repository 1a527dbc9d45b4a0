package io.github.cortexj.task.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What every part of the task runtime shares.
 *
 * @param store the task state in the object store
 * @param clock the clock job ids, start times and timeouts are measured on
 * @param executor runs the tasks, one thread each while it runs
 * @param metrics the cluster's undecorated metrics client
 * @param mapper reads and writes JSON, and binds configs
 * @param client the client handed to tasks, supplied lazily because it usually wraps the runtime; {@code null}
 *     for a client that reaches no cluster
 */
public record TaskSettings(
    TaskStore store,
    Clock clock,
    ExecutorService executor,
    MetricsClient metrics,
    ObjectMapper mapper,
    @Nullable Supplier<CortexClient> client) {}
