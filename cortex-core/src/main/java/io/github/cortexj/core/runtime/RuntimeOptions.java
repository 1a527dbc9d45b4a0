package io.github.cortexj.core.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The options every runtime is built with, as a {@link RuntimeBuilder} collected and checked them.
 *
 * @param store where the runtime keeps its state
 * @param clock the clock timeouts, visibilities and ids are measured on
 * @param executor the threads the runtime's work runs on, owned by the caller
 * @param metrics receives the built-in metrics, and handlers' metrics through {@link MetricsClient#forHandlers}
 * @param keyPrefix the prefix of every key the runtime writes, without a trailing {@code /}; empty for none
 * @param mapper reads and writes JSON, and binds handlers' values
 * @param client supplies the client handed to handlers, or {@code null} for one that reaches no cluster
 * @param tickPeriod how often (wall time) the runtime compares its deadlines with the clock
 */
public record RuntimeOptions(
    ObjectStore store,
    Clock clock,
    ExecutorService executor,
    MetricsClient metrics,
    String keyPrefix,
    ObjectMapper mapper,
    @Nullable Supplier<CortexClient> client,
    Duration tickPeriod) {}
