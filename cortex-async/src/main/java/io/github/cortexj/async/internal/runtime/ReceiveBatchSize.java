package io.github.cortexj.async.internal.runtime;

import io.github.cortexj.core.backend.QueueBackend;
import java.time.Duration;

/**
 * Decides how many messages a replica asks for in one receive. Cortex's workers take one at a time, which keeps
 * requests spread over the replicas when handlers are slow; but with handlers that take microseconds, one receive
 * (and one thread wake-up) per request costs more than the request. So a replica asks for as many requests as it
 * handles, on average, within a small budget of wall time (up to SQS's 10): one for any handler slower than the
 * budget, as Cortex, and up to 10 for fast ones, which then hold the others back by at most about the budget.
 *
 * <p>It starts at one, until handling times are known. Not thread safe: one replica's thread owns it.
 */
final class ReceiveBatchSize {

  /** How much handling a replica may hold back from other replicas by receiving ahead. */
  static final Duration BUDGET = Duration.ofMillis(2);

  private final long budgetNanos;
  /** A moving average of the wall time one request took, weighting the latest by 1/8. */
  private long averageNanos;

  ReceiveBatchSize() {
    this(BUDGET);
  }

  ReceiveBatchSize(Duration budget) {
    this.budgetNanos = budget.toNanos();
    this.averageNanos = budgetNanos;
  }

  /** Records how long one request took to handle, from its claim to its outcome recorded. */
  void handled(long nanos) {
    averageNanos += (Math.max(0, nanos) - averageNanos) >> 3;
  }

  /** Returns how many messages to ask for: 1 to 10. */
  int next() {
    long fits = budgetNanos / Math.max(1, averageNanos);
    return (int) Math.max(1, Math.min(QueueBackend.MAX_BATCH_ENTRIES, fits));
  }
}
