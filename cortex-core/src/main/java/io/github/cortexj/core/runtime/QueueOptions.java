package io.github.cortexj.core.runtime;

import io.github.cortexj.core.backend.QueueBackend;
import java.time.Duration;

/**
 * The options of a runtime whose work comes through queues (batch and async), as a {@link QueueRuntimeBuilder}
 * collected and checked them.
 *
 * @param queues the queue backend
 * @param clusterName the cluster's name, which queue names are derived from
 * @param pollWait how long (wall time) a receive waits for a message, 0 to 20 seconds
 * @param visibilityTimeout how long a received message stays hidden before its first renewal, positive
 * @param renewalPeriod how much clock time passes between renewals, positive and shorter than the visibility
 */
public record QueueOptions(
    QueueBackend queues, String clusterName, Duration pollWait, Duration visibilityTimeout, Duration renewalPeriod) {}
