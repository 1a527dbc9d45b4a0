package io.github.cortexj.core.logging;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Cortex's {@code extra}: key/values added to one log event, each becoming a top-level field of the event when it
 * is rendered as JSON ("flattened by one level": a nested map stays one nested value).
 *
 * <pre>{@code
 * LogExtra.of(Map.of("batch_id", batchId, "stats", Map.of("acc", 0.9))).info(logger, "done in {} ms", millis);
 * }</pre>
 *
 * <p>The key/values go through SLF4J 2's fluent API ({@link LoggingEventBuilder#addKeyValue}); how they are
 * rendered depends on the provider (Logback's JSON encoder and Log4j 2's JSON template layout emit them as fields).
 *
 * <p>As in Cortex, keys that start with {@code _} are dropped, and the keys of {@link #RESERVED_KEYS} are
 * rejected with an {@link InvalidLogExtraException}: they are the fields every Cortex log line already has
 * ({@code asctime}, {@code levelname}, {@code message}, {@code process}), the other attributes of a Python
 * {@code LogRecord}, and {@code labels}, which Cortex's log pipeline fills with the pod's labels (Python does not
 * reject it, but a user's {@code labels} silently displaces that metadata).
 *
 * <p>Immutable and thread safe, provided the values are not changed after they are given.
 */
public final class LogExtra {

  /** The fields every Cortex log line has, in the order Cortex writes them. */
  private static final List<String> LINE_FIELDS = List.of("asctime", "levelname", "message", "process");

  /** The other attributes of a Python {@code LogRecord}, which {@code extra} may not overwrite either. */
  private static final List<String> LOG_RECORD_ATTRIBUTES =
      List.of(
          "name", "msg", "args", "levelno", "pathname", "filename", "module", "exc_info", "exc_text", "stack_info",
          "lineno", "funcName", "created", "msecs", "relativeCreated", "thread", "threadName", "processName");

  /**
   * The keys an {@code extra} may not use (case-sensitive, as in Python): {@code asctime}, {@code levelname},
   * {@code message}, {@code process}, {@code labels} and the other attributes of a Python {@code LogRecord}.
   */
  public static final Set<String> RESERVED_KEYS = reservedKeys();

  private static final LogExtra EMPTY = new LogExtra(Map.of());

  private final Map<String, @Nullable Object> values;

  private LogExtra(Map<String, @Nullable Object> values) {
    this.values = values;
  }

  /**
   * Creates an extra from a map, keeping its iteration order.
   *
   * @param extra the key/values; values may be {@code null} and may be nested maps or lists
   * @return the extra, without the keys that start with {@code _}
   * @throws InvalidLogExtraException if a key is one of {@link #RESERVED_KEYS}
   */
  public static LogExtra of(Map<String, ? extends @Nullable Object> extra) {
    Objects.requireNonNull(extra, "extra");
    Map<String, @Nullable Object> kept = new LinkedHashMap<>();
    extra.forEach(
        (key, value) -> {
          checkKey(key);
          if (!key.startsWith("_")) {
            kept.put(key, value);
          }
        });
    return new LogExtra(Collections.unmodifiableMap(kept));
  }

  /**
   * Returns the extra with no key/values.
   *
   * @return the empty extra
   */
  public static LogExtra empty() {
    return EMPTY;
  }

  /**
   * Returns a copy with one more key/value, or with the value of an existing key replaced in place.
   *
   * @param key the key
   * @param value the value, possibly {@code null}
   * @return the new extra; this one if the key starts with {@code _}
   * @throws InvalidLogExtraException if the key is one of {@link #RESERVED_KEYS}
   */
  public LogExtra with(String key, @Nullable Object value) {
    checkKey(key);
    if (key.startsWith("_")) {
      return this;
    }
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new LogExtra(Collections.unmodifiableMap(copy));
  }

  /**
   * Returns the key/values in order.
   *
   * @return an unmodifiable map
   */
  public Map<String, @Nullable Object> asMap() {
    return values;
  }

  /**
   * Adds the key/values to an event being built, for uses the shortcuts below do not cover:
   * {@code extra.addTo(logger.atInfo()).setMessage("done").log()}.
   *
   * @param event the event builder, e.g. from {@link Logger#atInfo()}
   * @return the builder to go on with, as {@link LoggingEventBuilder#addKeyValue} returns it
   */
  public LoggingEventBuilder addTo(LoggingEventBuilder event) {
    LoggingEventBuilder built = Objects.requireNonNull(event, "event");
    for (Map.Entry<String, @Nullable Object> entry : values.entrySet()) {
      built = built.addKeyValue(entry.getKey(), entry.getValue());
    }
    return built;
  }

  /**
   * Logs at DEBUG level with these key/values.
   *
   * @param logger the logger
   * @param format the message, with {@code {}} placeholders
   * @param arguments the placeholder values; a {@link Throwable} in last place is logged as the event's cause, as
   *     SLF4J does for its classic methods
   */
  public void debug(Logger logger, String format, @Nullable Object... arguments) {
    log(logger.atDebug(), format, arguments);
  }

  /**
   * Logs at INFO level with these key/values.
   *
   * @param logger the logger
   * @param format the message, with {@code {}} placeholders
   * @param arguments the placeholder values; a {@link Throwable} in last place is logged as the event's cause
   */
  public void info(Logger logger, String format, @Nullable Object... arguments) {
    log(logger.atInfo(), format, arguments);
  }

  /**
   * Logs at WARN level with these key/values.
   *
   * @param logger the logger
   * @param format the message, with {@code {}} placeholders
   * @param arguments the placeholder values; a {@link Throwable} in last place is logged as the event's cause
   */
  public void warn(Logger logger, String format, @Nullable Object... arguments) {
    log(logger.atWarn(), format, arguments);
  }

  /**
   * Logs at ERROR level with these key/values.
   *
   * @param logger the logger
   * @param format the message, with {@code {}} placeholders
   * @param arguments the placeholder values; a {@link Throwable} in last place is logged as the event's cause
   */
  public void error(Logger logger, String format, @Nullable Object... arguments) {
    log(logger.atError(), format, arguments);
  }

  private void log(LoggingEventBuilder event, String format, @Nullable Object[] arguments) {
    LoggingEventBuilder built = addTo(event);
    Object[] placeholderValues = arguments;
    if (arguments.length > 0 && arguments[arguments.length - 1] instanceof Throwable cause) {
      built = built.setCause(cause);
      placeholderValues = Arrays.copyOf(arguments, arguments.length - 1);
    }
    built.log(format, placeholderValues);
  }

  private static void checkKey(String key) {
    Objects.requireNonNull(key, "extra key");
    if (key.equals("labels")) {
      throw new InvalidLogExtraException(key, "Cortex's log pipeline stores the pod's labels under it");
    }
    if (RESERVED_KEYS.contains(key)) {
      throw new InvalidLogExtraException(key, "every log record already has this field");
    }
  }

  private static Set<String> reservedKeys() {
    Set<String> keys = new LinkedHashSet<>(LINE_FIELDS);
    keys.add("labels");
    keys.addAll(LOG_RECORD_ATTRIBUTES);
    return Collections.unmodifiableSet(keys);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof LogExtra that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "LogExtra" + values;
  }
}
