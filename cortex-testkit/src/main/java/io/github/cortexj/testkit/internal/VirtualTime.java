package io.github.cortexj.testkit.internal;

import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.testkit.AwaitTimeoutError;
import io.github.cortexj.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Moves a test cluster's {@link ManualClock}. With time skipping, an {@code await} watches the cluster and, once
 * it is idle (no state change for a quiet period, every worker thread waiting, no visible message in a queue
 * someone polls), moves the clock straight to the next moment something can happen: just before the next
 * visibility deadline of the in-memory queues (so that the runtime can renew a batch still being handled, and
 * the deadline itself on the next step if it did not), or the runtime's next job or batch timeout, whichever
 * comes first; with no known deadline, by a step that starts at a second and doubles up to a maximum. After each
 * move, receivers are woken and the runtime's timers run at once. Without time skipping (real backends), a
 * background thread keeps the clock moving with wall time.
 *
 * <p>Thread safe.
 */
public final class VirtualTime implements AutoCloseable {

  private static final long RECENT_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  private static final Duration FIRST_IDLE_STEP = Duration.ofSeconds(1);

  private final ManualClock clock;
  private final ClusterEvents events;
  private final WorkerThreads threads;
  private final @Nullable InMemoryQueueBackend memoryQueues;
  private final InstrumentedQueueBackend queues;
  private final EmbeddedCortexClient client;
  private final boolean skipping;
  private final long quietNanos;
  private final Duration maxIdleStep;
  private final @Nullable Thread wallFollower;
  private volatile boolean closed;

  /**
   * Creates the driver.
   *
   * @param clock the cluster's clock
   * @param events the cluster's event log (its activity counter)
   * @param threads the cluster's worker threads
   * @param memoryQueues the in-memory queue backend, or {@code null} when the queues are another backend
   * @param queues the instrumented queue backend the cluster uses
   * @param client the embedded cluster
   * @param skipping whether to skip time when idle; otherwise the clock follows wall time
   * @param quietPeriod how long nothing must change before the cluster is idle
   * @param maxIdleStep the largest step when no deadline is known
   */
  public VirtualTime(
      ManualClock clock,
      ClusterEvents events,
      WorkerThreads threads,
      @Nullable InMemoryQueueBackend memoryQueues,
      InstrumentedQueueBackend queues,
      EmbeddedCortexClient client,
      boolean skipping,
      Duration quietPeriod,
      Duration maxIdleStep) {
    this.clock = clock;
    this.events = events;
    this.threads = threads;
    this.memoryQueues = memoryQueues;
    this.queues = queues;
    this.client = client;
    this.skipping = skipping;
    this.quietNanos = quietPeriod.toNanos();
    this.maxIdleStep = maxIdleStep;
    if (skipping) {
      this.wallFollower = null;
    } else {
      Thread follower = new Thread(this::followWallTime, "cortex-test-clock");
      follower.setDaemon(true);
      follower.start();
      this.wallFollower = follower;
    }
  }

  /**
   * Returns whether the clock skips ahead when the cluster is idle.
   *
   * @return {@code true} with time skipping
   */
  public boolean skipping() {
    return skipping;
  }

  /**
   * Moves the clock forward and lets the cluster act on the new time at once.
   *
   * @param duration how far
   * @return the new instant
   */
  public Instant advance(Duration duration) {
    Instant now = clock.advance(duration);
    events.record("clock", "advanced by " + human(duration) + " (test)");
    clockMoved();
    return now;
  }

  /**
   * Polls {@code condition} until it yields a value, skipping time whenever the cluster is idle.
   *
   * @param what what is awaited, for the failure message
   * @param condition yields the result once the awaited state is reached, {@code null} before
   * @param timeout the longest wall time to wait
   * @param diagnostics renders the timeline for the failure message
   * @param <T> the result type
   * @return the result
   * @throws AwaitTimeoutError when the wall time runs out
   */
  public <T> T await(
      String what, Supplier<@Nullable T> condition, Duration timeout, Supplier<String> diagnostics) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long seen = events.activity();
    long quietSince = System.nanoTime();
    int idleSteps = 0;
    while (true) {
      T result = condition.get();
      if (result != null) {
        return result;
      }
      long now = System.nanoTime();
      if (now - deadline > 0 || closed) {
        throw new AwaitTimeoutError(
            "timed out after " + human(timeout) + " of wall time waiting for " + what + " (cluster time "
                + events.offset(clock.instant()) + ")\n" + diagnostics.get());
      }
      long activity = events.activity();
      if (activity != seen || threads.anyRunning()) {
        seen = activity;
        quietSince = now;
      } else if (skipping && now - quietSince >= quietNanos && !visibleWorkWaiting()) {
        idleSteps = skip(idleSteps);
        seen = events.activity();
        quietSince = System.nanoTime();
        continue;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /**
   * Waits until the cluster is idle: nothing has changed for the quiet period, every worker waits, and no
   * visible message waits in a polled queue. Does not move the clock.
   *
   * @param timeout the longest wall time to wait
   * @return {@code true} when idle within the timeout
   */
  public boolean awaitQuiet(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long seen = events.activity();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - deadline < 0) {
      long now = System.nanoTime();
      long activity = events.activity();
      if (activity != seen || threads.anyRunning() || visibleWorkWaiting()) {
        seen = activity;
        quietSince = now;
      } else if (now - quietSince >= quietNanos) {
        return true;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return false;
  }

  private boolean visibleWorkWaiting() {
    if (memoryQueues == null) {
      return false; // counts of remote queues are approximate and slow to ask; activity and threads decide
    }
    for (String url : queues.recentlyPolled(RECENT_POLL_NANOS)) {
      try {
        if (memoryQueues.counts(url).visible() > 0) {
          return true;
        }
      } catch (RuntimeException gone) {
        queues.forget(url);
      }
    }
    return false;
  }

  /** Moves the clock to the next moment something can happen; returns the new count of blind steps. */
  private int skip(int idleSteps) {
    Instant now = clock.instant();
    long progress = events.progress();
    Instant visibility = null;
    Instant idlePoll = null;
    for (InstrumentedQueueBackend.Hidden hidden : queues.hidden().values()) {
      Instant at = hidden.visibleAt();
      if (!at.isAfter(now)) {
        continue;
      }
      if (hidden.pollMark() == progress) {
        idlePoll = earliest(idlePoll, at); // a check that can only answer differently once something else happens
      } else {
        visibility = earliest(visibility, at);
      }
    }
    if (memoryQueues != null) {
      Optional<Instant> known = memoryQueues.nextVisibilityDeadline();
      if (known.isPresent() && (visibility == null || known.get().isBefore(visibility))
          && !known.get().equals(idlePoll)) {
        visibility = known.get();
      }
    }
    Instant target = null;
    String reason = null;
    if (visibility != null) {
      Instant justBefore = visibility.minusMillis(1);
      target = justBefore.isAfter(now) ? justBefore : visibility;
      reason = justBefore.isAfter(now) ? "just before a visibility timeout" : "to a visibility timeout";
    }
    Optional<Instant> timer = client.nextTimerDeadline();
    if (timer.isPresent() && timer.get().isAfter(now) && (target == null || timer.get().isBefore(target))) {
      target = timer.get();
      reason = "to a job or batch timeout";
    }
    if (target == null && idlePoll != null) {
      target = idlePoll;
      reason = "to the next check of a waiting poll";
    }
    int steps = idleSteps;
    if (target == null) {
      Duration step = FIRST_IDLE_STEP.multipliedBy(1L << Math.min(30, steps));
      if (step.compareTo(maxIdleStep) > 0) {
        step = maxIdleStep;
      }
      target = now.plus(step);
      reason = "while idle with no known deadline";
      steps++;
    } else {
      steps = 0;
    }
    if (target.isAfter(now)) {
      clock.set(target);
      events.record("clock", "skipped " + human(Duration.between(now, target)) + " " + reason);
    }
    clockMoved();
    return steps;
  }

  private static Instant earliest(@Nullable Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private void clockMoved() {
    if (memoryQueues != null) {
      memoryQueues.clockAdvanced();
    }
    client.runTimers();
  }

  private void followWallTime() {
    long last = System.nanoTime();
    while (!closed) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      long now = System.nanoTime();
      clock.advance(Duration.ofNanos(now - last));
      last = now;
    }
  }

  /**
   * Formats a duration for people: {@code 1h 30m}, {@code 29.999s}.
   *
   * @param duration the duration
   * @return the text
   */
  public static String human(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    if (duration.toDays() > 0) {
      text.append(duration.toDays()).append("d ");
    }
    if (duration.toHoursPart() > 0) {
      text.append(duration.toHoursPart()).append("h ");
    }
    if (duration.toMinutesPart() > 0) {
      text.append(duration.toMinutesPart()).append("m ");
    }
    if (duration.toSecondsPart() > 0 || duration.toMillisPart() > 0) {
      text.append(duration.toSecondsPart());
      if (duration.toMillisPart() > 0) {
        text.append('.').append(String.format("%03d", duration.toMillisPart()));
      }
      text.append("s");
    }
    return text.toString().trim();
  }

  /** Stops the wall-time follower, if any, and fails awaits still running. */
  @Override
  public void close() {
    closed = true;
    Thread follower = wallFollower;
    if (follower != null) {
      follower.interrupt();
    }
  }
}
