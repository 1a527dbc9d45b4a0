package io.github.cortexj.batch.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
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
  // The delivery's flags, in one field rather than three atomic objects: one is made per batch.
  private static final int TIMED_OUT = 1;
  private static final int DONE = 2;
  private static final int HANDLED = 4;
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(InFlightBatch.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("UnusedVariable") // written through STATE
  private volatile int state;

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
    if (is(DONE)) {
      return;
    }
    renewer.renewIfDue(now);
    if (is(HANDLED)) {
      return;
    }
    if (batchDeadline != null && !now.isBefore(batchDeadline) && (set(TIMED_OUT) & TIMED_OUT) == 0) {
      interrupt();
    }
  }

  /** Interrupts the handler, unless it has already finished. */
  synchronized void interrupt() {
    if ((state & (DONE | HANDLED)) == 0) {
      thread.interrupt();
    }
  }

  /**
   * Marks the handler finished while the message is kept until its outcome is recorded: renewals go on, but no
   * more interrupts and no deadline.
   */
  synchronized void handled() {
    set(HANDLED);
  }

  /** Marks the batch finished: no more renewals, no more interrupts. */
  synchronized void finish() {
    set(DONE);
    renewer.stop();
  }

  /** The batch's timeout deadline, or {@code null} when it has none or has finished. */
  @Nullable Instant pendingDeadline() {
    return (state & (DONE | HANDLED | TIMED_OUT)) != 0 ? null : batchDeadline;
  }

  /** Whether this delivery is over: its outcome is decided, and a new delivery of the message is a new attempt. */
  boolean finished() {
    return is(DONE);
  }

  boolean timedOut() {
    return is(TIMED_OUT);
  }

  private boolean is(int flag) {
    return (state & flag) != 0;
  }

  /** Sets a flag atomically, returning the flags as they were before. */
  private int set(int flag) {
    return (int) STATE.getAndBitwiseOr(this, flag);
  }
}
