package io.github.cortexj.core.internal.handler;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Writes and reads instants the way Go's {@code encoding/json} writes a UTC {@code time.Time}: RFC 3339 with
 * nanoseconds and trailing zeros of the fraction removed ({@code time.RFC3339Nano}), for example
 * {@code 2021-06-01T12:00:00.1234Z} or {@code 2021-06-01T12:00:00Z}.
 *
 * <p>Stateless and thread safe.
 */
public final class GoTimeFormat {

  private GoTimeFormat() {}

  /**
   * Formats an instant in UTC as Go's RFC 3339 with nanoseconds.
   *
   * @param instant the instant, with a year from 0 to 9999 (Go refuses others)
   * @return the text
   * @throws IllegalArgumentException when the year is outside 0 to 9999
   */
  public static String format(Instant instant) {
    LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    if (utc.getYear() < 0 || utc.getYear() > 9999) {
      throw new IllegalArgumentException("year outside of range [0,9999]: " + instant);
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d",
                utc.getYear(),
                utc.getMonthValue(),
                utc.getDayOfMonth(),
                utc.getHour(),
                utc.getMinute(),
                utc.getSecond()));
    int nanos = utc.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(fraction, 0, end);
    }
    return text.append('Z').toString();
  }

  /**
   * Parses an RFC 3339 date-time with any offset and up to nine fraction digits.
   *
   * @param text the text, for example {@code 2021-06-01T12:00:00.123456789Z}
   * @return the instant
   * @throws DateTimeParseException when the text is not RFC 3339
   */
  public static Instant parse(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }
}
