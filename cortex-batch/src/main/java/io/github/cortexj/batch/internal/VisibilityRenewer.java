package io.github.cortexj.batch.internal;

import io.github.cortexj.core.backend.QueueBackend;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one received message invisible while it is being handled, as Cortex's renewal thread: at the k-th
 * renewal (every {@code period} of clock time from the receive) the visibility is set to
 * {@code timeout + k * period} from that moment, never past 12 hours after the receive (SQS's limit). Driven by
 * {@link #renewIfDue(Instant)} calls from a scheduler, so that a manual clock drives it in tests.
 *
 * <p>Thread safe: renewals and {@link #stop()} may come from different threads.
 */
public final class VisibilityRenewer {

  private static final Logger LOG = LoggerFactory.getLogger(VisibilityRenewer.class);

  private final QueueBackend queues;
  private final String queueUrl;
  private String receiptHandle;
  private final Instant receivedAt;
  private final Duration timeout;
  private final Duration period;
  private int renewals;
  private boolean stopped;

  /**
   * Creates a renewer for a message just received.
   *
   * @param queues the backend
   * @param queueUrl the message's queue
   * @param receiptHandle the message's receipt handle
   * @param receivedAt when it was received, on the runtime's clock
   * @param timeout the visibility it was received with
   * @param period the clock time between renewals
   */
  public VisibilityRenewer(
      QueueBackend queues,
      String queueUrl,
      String receiptHandle,
      Instant receivedAt,
      Duration timeout,
      Duration period) {
    this.queues = queues;
    this.queueUrl = queueUrl;
    this.receiptHandle = receiptHandle;
    this.receivedAt = receivedAt;
    this.timeout = timeout;
    this.period = period;
  }

  /**
   * Renews the visibility when a renewal is due at {@code now}; does nothing otherwise or once stopped.
   *
   * @param now the clock's time
   * @return {@code true} when the visibility was changed
   */
  public synchronized boolean renewIfDue(Instant now) {
    if (stopped) {
      return false;
    }
    Instant due = receivedAt.plus(period.multipliedBy(renewals + 1L));
    if (now.isBefore(due)) {
      return false;
    }
    long elapsedPeriods = Duration.between(receivedAt, now).dividedBy(period);
    renewals = (int) Math.min(Integer.MAX_VALUE, elapsedPeriods);
    Duration wanted = timeout.plus(period.multipliedBy(renewals));
    Duration left = QueueBackend.MAX_VISIBILITY_TIMEOUT.minus(Duration.between(receivedAt, now));
    Duration visibility = wanted.compareTo(left) < 0 ? wanted : left;
    if (visibility.isNegative() || visibility.isZero()) {
      stopped = true;
      return false;
    }
    try {
      queues.changeVisibility(queueUrl, receiptHandle, visibility);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("could not extend the visibility of a message in {}: {}", queueUrl, e.getMessage());
      return false;
    }
  }

  /**
   * Returns the message's current receipt handle: the latest one, when the message was received again while
   * being handled here.
   *
   * @return the receipt handle
   */
  public synchronized String receiptHandle() {
    return receiptHandle;
  }

  /**
   * Adopts the receipt handle of a new delivery of the same message (after its visibility lapsed), so that
   * renewals and the final delete use it.
   *
   * @param handle the new receipt handle
   */
  public synchronized void receiptHandle(String handle) {
    this.receiptHandle = handle;
  }

  /** Stops renewing: called once the message has been handled. */
  public synchronized void stop() {
    stopped = true;
  }

  /**
   * Returns how many renewals have been made.
   *
   * @return the number of renewals
   */
  public synchronized int renewals() {
    return renewals;
  }
}
