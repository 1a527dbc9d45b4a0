package io.github.cortexj.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event log of a test cluster: what the backends were asked to do and what the test submitted, stamped with
 * the cluster's clock and the calling thread, plus an activity counter that moves whenever something changes
 * state (a write, a send, a delivery), which the virtual-time driver watches to tell work from idleness.
 *
 * <p>Thread safe. Keeps at most {@value #MAX_EVENTS} events, dropping the oldest.
 */
public final class ClusterEvents {

  /** How many events are kept. */
  public static final int MAX_EVENTS = 5000;

  private final Clock clock;
  private final Instant start;
  private final AtomicLong activity = new AtomicLong();
  private final AtomicLong progress = new AtomicLong();
  private final ThreadLocal<long[]> threadProgress = ThreadLocal.withInitial(() -> new long[1]);
  private final List<Event> events = new ArrayList<>();
  private long dropped;

  /**
   * Creates an empty log.
   *
   * @param clock the cluster's clock
   */
  public ClusterEvents(Clock clock) {
    this.clock = clock;
    this.start = clock.instant();
  }

  /**
   * Records an event that changed state, and counts it as activity.
   *
   * @param source what acted: {@code queue}, {@code store}, {@code client}, {@code fault}
   * @param text what happened
   */
  public void activity(String source, String text) {
    progress.incrementAndGet();
    threadProgress.get()[0]++;
    activity.incrementAndGet();
    record(source, text);
  }

  /**
   * Records an event that is activity (the cluster is not idle while it happens) but not progress: a receive,
   * or putting back a message looked at without doing anything else.
   *
   * @param source what acted
   * @param text what happened
   */
  public void activityWithoutProgress(String source, String text) {
    activity.incrementAndGet();
    record(source, text);
  }

  /**
   * Returns the progress counter: state changes other than receives and idle polls.
   *
   * @return the count
   */
  public long progress() {
    return progress.get();
  }

  /**
   * Returns how many progress events the calling thread has recorded.
   *
   * @return the count
   */
  public long threadProgress() {
    return threadProgress.get()[0];
  }

  /**
   * Records an event without counting it as activity.
   *
   * @param source what acted
   * @param text what happened
   */
  public synchronized void record(String source, String text) {
    if (events.size() >= MAX_EVENTS) {
      events.remove(0);
      dropped++;
    }
    events.add(new Event(clock.instant(), Thread.currentThread().getName(), source, text));
  }

  /** Counts a state change that is not worth a line in the log. */
  public void touch() {
    activity.incrementAndGet();
  }

  /**
   * Returns the activity counter.
   *
   * @return how many state changes have been seen
   */
  public long activity() {
    return activity.get();
  }

  /**
   * Returns the clock instant the log started at.
   *
   * @return the start
   */
  public Instant start() {
    return start;
  }

  /**
   * Returns a copy of the events, oldest first.
   *
   * @return the events
   */
  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /**
   * Returns how many events were dropped to keep the log bounded.
   *
   * @return the count
   */
  public synchronized long dropped() {
    return dropped;
  }

  /**
   * Formats an instant as an offset from the log's start, {@code +HH:MM:SS.mmm} (days first when there are any).
   *
   * @param at the instant
   * @return the offset
   */
  public String offset(Instant at) {
    Duration d = Duration.between(start, at);
    String sign = d.isNegative() ? "-" : "+";
    d = d.abs();
    String clockPart =
        String.format("%02d:%02d:%02d.%03d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart(), d.toMillisPart());
    return sign + (d.toDays() > 0 ? d.toDays() + "d " : "") + clockPart;
  }

  /**
   * One event.
   *
   * @param at the clock time
   * @param thread the calling thread's name
   * @param source what acted
   * @param text what happened
   */
  public record Event(Instant at, String thread, String source, String text) {}
}
