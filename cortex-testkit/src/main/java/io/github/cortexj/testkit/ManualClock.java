package io.github.cortexj.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Clock} whose time moves only when a test says so, with {@link #advance(Duration)} or
 * {@link #set(Instant)}: visibility timeouts, retention periods and job timeouts then pass in no wall time at all.
 *
 * <p>Clocks made with {@link #withZone(ZoneId)} share this clock's instant, so advancing one advances all.
 * Thread safe: any thread may read or move the time.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * InMemoryQueueBackend queues = new InMemoryQueueBackend(clock);
 * // receive a message with a 30 s visibility timeout, then:
 * clock.advance(Duration.ofSeconds(31)); // the message is visible again
 * }</pre>
 */
public final class ManualClock extends Clock {

  /** The instant a new clock starts at when none is given: 2024-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** Creates a clock at {@link #DEFAULT_START}, in UTC. */
  public ManualClock() {
    this(DEFAULT_START);
  }

  /**
   * Creates a clock at the given instant, in UTC.
   *
   * @param start the clock's first instant
   */
  public ManualClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Moves the time forward.
   *
   * @param duration how far, zero or more
   * @return the new instant
   * @throws IllegalArgumentException when the duration is negative: time does not go back
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a ManualClock only moves forward (got " + duration + ")");
    }
    return Objects.requireNonNull(now.updateAndGet(instant -> instant.plus(duration)));
  }

  /**
   * Sets the time, forward or back.
   *
   * @param instant the new instant
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return Objects.requireNonNull(now.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Returns a clock with another zone that shares this clock's instant.
   *
   * @param zone the zone
   * @return the clock
   */
  @Override
  public ManualClock withZone(ZoneId zone) {
    return new ManualClock(now, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ManualClock
        && ((ManualClock) other).now == now
        && ((ManualClock) other).zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(now) * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + ", " + zone + "]";
  }
}
