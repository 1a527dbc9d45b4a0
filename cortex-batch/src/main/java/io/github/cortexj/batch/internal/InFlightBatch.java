package io.github.cortexj.batch.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A message being handled by a worker thread: its renewer, the thread to interrupt when the batch or the job
 * must end, and the batch's own deadline. A batch that succeeded stays in flight, {@linkplain #handled()
 * handled} (its visibility still renewed, its handler no longer interrupted), until its worker records it with
 * the rest of its group and deletes its message.
 *
 * <p>Thread safe.
 */
final class InFlightBatch {

  private final String messageId;
  private final Thread thread;
  private final VisibilityRenewer renewer;
  private final @Nullable Instant batchDeadline;
  private final AtomicBoolean timedOut = new AtomicBoolean();
  private final AtomicBoolean done = new AtomicBoolean();
  private final AtomicBoolean handled = new AtomicBoolean();

  InFlightBatch(String messageId, Thread thread, VisibilityRenewer renewer, @Nullable Instant batchDeadline) {
    this.messageId = messageId;
    this.thread = thread;
    this.renewer = renewer;
    this.batchDeadline = batchDeadline;
  }

  String messageId() {
    return messageId;
  }

  VisibilityRenewer renewer() {
    return renewer;
  }

  /** Renews the visibility if due, and interrupts the handler once the batch's deadline has passed. */
  void tick(Instant now) {
    if (done.get()) {
      return;
    }
    renewer.renewIfDue(now);
    if (handled.get()) {
      return;
    }
    if (batchDeadline != null && !now.isBefore(batchDeadline) && timedOut.compareAndSet(false, true)) {
      interrupt();
    }
  }

  /** Interrupts the handler, unless it has already finished. */
  synchronized void interrupt() {
    if (!done.get() && !handled.get()) {
      thread.interrupt();
    }
  }

  /**
   * Marks the handler finished while the message is kept until its outcome is recorded: renewals go on, but no
   * more interrupts and no deadline.
   */
  synchronized void handled() {
    handled.set(true);
  }

  /** Marks the batch finished: no more renewals, no more interrupts. */
  synchronized void finish() {
    done.set(true);
    renewer.stop();
  }

  /** The batch's timeout deadline, or {@code null} when it has none or has finished. */
  @Nullable Instant pendingDeadline() {
    return done.get() || handled.get() || timedOut.get() ? null : batchDeadline;
  }

  /** Whether this delivery is over: its outcome is decided, and a new delivery of the message is a new attempt. */
  boolean finished() {
    return done.get();
  }

  boolean timedOut() {
    return timedOut.get();
  }
}
