package io.github.cortexj.core.internal.spec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations in Go's {@code time.ParseDuration} syntax ({@code 60s}, {@code 1h30m},
 * {@code 1.5s}, {@code 250ms}), which cortex.yaml uses for autoscaling periods. Stateless and thread safe.
 */
public final class GoDurations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final long[] UNIT_NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L,
      1_000L, 1L};
  private static final String[] UNIT_NAMES = {"h", "m", "s", "ms", "us", "ns"};

  private GoDurations() {}

  /**
   * Parses a Go duration.
   *
   * @param text for example {@code 5m} or {@code -1h2m3.5s}; {@code 0} alone is zero
   * @return the duration
   * @throws IllegalArgumentException if the text is not a Go duration
   */
  public static Duration parse(String text) {
    String rest = text;
    boolean negative = false;
    if (rest.startsWith("-") || rest.startsWith("+")) {
      negative = rest.charAt(0) == '-';
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("not a duration");
    }
    Matcher matcher = PART.matcher(rest);
    BigDecimal nanos = BigDecimal.ZERO;
    int position = 0;
    while (position < rest.length()) {
      if (!matcher.find(position) || matcher.start() != position) {
        throw new IllegalArgumentException("not a duration");
      }
      nanos = nanos.add(new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unitNanos(matcher.group(2)))));
      position = matcher.end();
    }
    long whole = nanos.longValue();
    return Duration.ofNanos(negative ? -whole : whole);
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "h" -> UNIT_NANOS[0];
      case "m" -> UNIT_NANOS[1];
      case "s" -> UNIT_NANOS[2];
      case "ms" -> UNIT_NANOS[3];
      case "ns" -> UNIT_NANOS[5];
      default -> UNIT_NANOS[4];
    };
  }

  /**
   * Formats a duration in the largest Go unit that represents it exactly, for example {@code 5m} or
   * {@code 90s}; Go's parser reads the result back to the same value.
   *
   * @param duration the duration
   * @return the Go duration text
   */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    for (int i = 0; i < UNIT_NANOS.length; i++) {
      if (nanos % UNIT_NANOS[i] == 0) {
        return (nanos / UNIT_NANOS[i]) + UNIT_NAMES[i];
      }
    }
    throw new AssertionError("unreachable: nanoseconds divide every duration");
  }
}
