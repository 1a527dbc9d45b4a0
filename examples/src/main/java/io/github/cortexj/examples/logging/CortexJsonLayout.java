package io.github.cortexj.examples.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.logging.HandlerMdc;
import io.github.cortexj.core.logging.LogExtra;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * A logback layout that writes each event as one line holding one JSON object, as Cortex's Python runtime logs:
 * the keys {@code asctime}, {@code levelname}, {@code message}, {@code process}, then {@code exc_info} when the
 * event has an exception, then the extras, each a top-level key ("flattened by one level": a map value stays one
 * nested object).
 *
 * <p>The extras are, in this order: the ids cortex-java's runtimes put in the MDC around every handler call
 * ({@code api_name}, {@code job_id}, {@code batch_id}, {@code request_id}), the application's other MDC entries
 * sorted by key, then the event's SLF4J key/value pairs in the order given (a {@link LogExtra}'s entries). A later
 * value replaces an earlier one of the same key in place. As in Cortex, keys that start with {@code _} are dropped,
 * and so are keys that would overwrite one of the record's own fields (Python raises at the logging call instead;
 * {@link LogExtra} rejects them there too).
 *
 * <p>Formats follow Python's: {@code asctime} is {@code 2021-01-19 15:14:05,291} in the {@linkplain
 * #setTimeZone configured zone} (default: the JVM's, as Python uses local time), {@code WARN} is written
 * {@code WARNING} and {@code TRACE} {@code DEBUG}, {@code process} is the PID as a number, and the line is
 * {@code json.dumps} output ({@code ", "} and {@code ": "} separators, non-ASCII escaped). Extra values that are not
 * JSON (a date, an object) are written as their {@code toString()}.
 *
 * <pre>{@code
 * <encoder class="ch.qos.logback.core.encoder.LayoutWrappingEncoder">
 *   <layout class="io.github.cortexj.examples.logging.CortexJsonLayout"/>
 * </encoder>
 * }</pre>
 *
 * <p>Configured once, then thread safe: logback calls {@link #doLayout} from any thread.
 */
public final class CortexJsonLayout extends LayoutBase<ILoggingEvent> {

  /** The ids the runtimes put in the MDC, written first among the extras, in this order. */
  private static final List<String> RUNTIME_IDS =
      List.of(HandlerMdc.API_NAME, HandlerMdc.JOB_ID, HandlerMdc.BATCH_ID, HandlerMdc.REQUEST_ID);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long PID = ProcessHandle.current().pid();

  private volatile DateTimeFormatter asctime = formatter(ZoneId.systemDefault());

  /** Creates the layout; logback calls this and then the setters of the configuration. */
  public CortexJsonLayout() {}

  /**
   * Sets the zone {@code asctime} is written in (logback configuration: {@code <timeZone>UTC</timeZone>}).
   *
   * @param zone a zone id such as {@code UTC} or {@code Europe/Paris}
   */
  public void setTimeZone(String zone) {
    this.asctime = formatter(ZoneId.of(zone));
  }

  private static DateTimeFormatter formatter(ZoneId zone) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS").withZone(zone);
  }

  /**
   * Renders one event as one JSON line.
   *
   * @param event the event
   * @return the line, ending with the platform's line separator
   */
  @Override
  public String doLayout(ILoggingEvent event) {
    ObjectNode line = NODES.objectNode();
    line.put("asctime", asctime.format(event.getInstant()));
    line.put("levelname", levelName(event.getLevel()));
    line.put("message", event.getFormattedMessage());
    line.put("process", PID);
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      line.put("exc_info", ThrowableProxyUtil.asString(thrown).stripTrailing());
    }
    Map<String, String> mdc = event.getMDCPropertyMap();
    for (String id : RUNTIME_IDS) {
      String value = mdc.get(id);
      if (value != null) {
        putExtra(line, id, NODES.textNode(value));
      }
    }
    new TreeMap<>(mdc).forEach((key, value) -> {
      if (!RUNTIME_IDS.contains(key)) {
        putExtra(line, key, value == null ? NODES.nullNode() : NODES.textNode(value));
      }
    });
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        putExtra(line, pair.key, toJson(pair.value));
      }
    }
    return PythonJson.write(line) + CoreConstants.LINE_SEPARATOR;
  }

  private static void putExtra(ObjectNode line, @Nullable String key, JsonNode value) {
    if (key == null || key.startsWith("_") || LogExtra.RESERVED_KEYS.contains(key) || key.equals("exc_info")) {
      return;
    }
    line.set(key, value);
  }

  private static String levelName(Level level) {
    return switch (level.toInt()) {
      case Level.WARN_INT -> "WARNING";
      case Level.TRACE_INT -> "DEBUG";
      default -> level.toString();
    };
  }

  /** Converts an extra value as Python's JSON encoder would see it; anything that is not JSON becomes its text. */
  static JsonNode toJson(@Nullable Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof CharSequence || value instanceof Character) {
      return NODES.textNode(value.toString());
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return NODES.numberNode(((Number) value).doubleValue());
    }
    if (value instanceof BigInteger big) {
      return NODES.numberNode(big);
    }
    if (value instanceof BigDecimal decimal) {
      return NODES.numberNode(decimal);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((key, nested) -> object.set(String.valueOf(key), toJson(nested)));
      return object;
    }
    if (value instanceof Iterable<?> iterable) {
      ArrayNode array = NODES.arrayNode();
      iterable.forEach(nested -> array.add(toJson(nested)));
      return array;
    }
    if (value.getClass().isArray()) {
      ArrayNode array = NODES.arrayNode();
      for (int i = 0; i < Array.getLength(value); i++) {
        array.add(toJson(Array.get(value, i)));
      }
      return array;
    }
    if (value instanceof TemporalAccessor) {
      return NODES.textNode(value.toString());
    }
    return NODES.textNode(String.valueOf(value));
  }
}
