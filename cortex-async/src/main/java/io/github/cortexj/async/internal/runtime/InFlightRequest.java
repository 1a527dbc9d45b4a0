package io.github.cortexj.async.internal.runtime;

import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.QueueBackend;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request a replica is handling: the thread to interrupt when its timeout passes, and the receipt whose
 * visibility is renewed while it runs. The ticker drives both on the runtime's clock.
 *
 * <p>Thread safe: the replica and the ticker both use it.
 */
final class InFlightRequest {

  private static final Logger LOG = LoggerFactory.getLogger(InFlightRequest.class);

  private final String id;
  private final Thread thread;
  private final String queueUrl;
  private final String receiptHandle;
  private final @Nullable Instant deadline;
  private Instant lastRenewal;
  private boolean finished;
  private boolean timedOut;
  private boolean interruptedForShutdown;

  InFlightRequest(
      String id, Thread thread, String queueUrl, String receiptHandle, Instant receivedAt, @Nullable Instant deadline) {
    this.id = id;
    this.thread = thread;
    this.queueUrl = queueUrl;
    this.receiptHandle = receiptHandle;
    this.lastRenewal = receivedAt;
    this.deadline = deadline;
  }

  String id() {
    return id;
  }

  @Nullable Instant deadline() {
    return deadline;
  }

  /** Interrupts the handler once its deadline has passed; does nothing after {@link #finish()}. */
  synchronized void enforceDeadline(Instant now) {
    if (!finished && !timedOut && deadline != null && !now.isBefore(deadline)) {
      timedOut = true;
      thread.interrupt();
    }
  }

  /** Extends the message's visibility when a renewal period has passed since the last one. */
  synchronized void renewIfDue(QueueBackend queues, Instant now, Duration visibility, Duration period) {
    if (finished || now.isBefore(lastRenewal.plus(period))) {
      return;
    }
    lastRenewal = now;
    try {
      queues.changeVisibility(queueUrl, receiptHandle, visibility);
    } catch (BackendException e) {
      LOG.warn("could not extend the visibility of request {}: {}", id, e.getMessage());
    }
  }

  /** Interrupts the handler because the runtime is closing; the request is left to be handled again. */
  synchronized void interruptForShutdown() {
    if (!finished) {
      interruptedForShutdown = true;
      thread.interrupt();
    }
  }

  synchronized boolean interruptedForShutdown() {
    return interruptedForShutdown;
  }

  /** Marks the handler call over: no interrupt reaches the thread after this. */
  synchronized void finish() {
    finished = true;
  }

  synchronized boolean timedOut() {
    return timedOut;
  }
}
