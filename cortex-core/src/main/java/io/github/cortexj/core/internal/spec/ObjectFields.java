package io.github.cortexj.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.internal.spec.Problems.ApiProblems;
import io.github.cortexj.core.spec.ApiConfigError.Reason;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of one YAML map, reporting wrong types with their paths and remembering which keys were read
 * so that the rest can be reported as unsupported. Not thread safe.
 *
 * <p>Strings starting with {@code @} are reported once by {@link ApiTreeValidator} for the whole API; the readers
 * here treat them as absent so that no second error is reported for the same value.
 */
final class ObjectFields {

  private final JsonNode node;
  private final String path;
  private final ApiProblems problems;
  private final Set<String> read = new HashSet<>();

  ObjectFields(JsonNode node, String path, ApiProblems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ApiProblems problems() {
    return problems;
  }

  /** Returns the node under {@code key}, {@code null} when absent; an explicit YAML null is a NullNode. */
  @Nullable JsonNode raw(String key) {
    read.add(key);
    return node.get(key);
  }

  /** Returns the node under {@code key}, or {@code null} when it is absent, null or an {@code @} string. */
  @Nullable JsonNode present(String key) {
    JsonNode value = raw(key);
    if (value == null || value.isNull() || isReference(value)) {
      return null;
    }
    return value;
  }

  static boolean isReference(JsonNode value) {
    return value.isTextual() && value.textValue().startsWith("@");
  }

  /** Reports a missing required field. */
  void missing(String key, String hint) {
    problems.add(pathOf(key), Reason.MISSING, "must be provided" + hint);
  }

  void invalid(String key, String message) {
    problems.add(pathOf(key), Reason.INVALID_VALUE, message);
  }

  void wrongType(String key, String expected, JsonNode value) {
    problems.add(pathOf(key), Reason.WRONG_TYPE, "must be " + expected + " (got " + typeName(value) + ")");
  }

  @Nullable String string(String key) {
    JsonNode value = present(key);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      wrongType(key, "a string", value);
      return null;
    }
    return value.textValue();
  }

  /** Reads an int; absent or null gives {@code fallback}, a wrong type reports and gives {@code null}. */
  @Nullable Integer integer(String key, int fallback) {
    JsonNode value = present(key);
    if (value == null) {
      return isReference(key) ? null : fallback;
    }
    if (!value.isIntegralNumber()) {
      wrongType(key, "an integer", value);
      return null;
    }
    if (!value.canConvertToInt()) {
      invalid(key, "is too large (got " + value.asText() + ")");
      return null;
    }
    return value.intValue();
  }

  /** Reads a number; absent or null gives {@code fallback}, a wrong type reports and gives {@code null}. */
  @Nullable Double number(String key, double fallback) {
    JsonNode value = present(key);
    if (value == null) {
      return isReference(key) ? null : fallback;
    }
    if (!value.isNumber()) {
      wrongType(key, "a number", value);
      return null;
    }
    return value.doubleValue();
  }

  /** Reads a Go duration string; absent or null gives {@code fallback}. */
  @Nullable Duration duration(String key, Duration fallback) {
    JsonNode value = present(key);
    if (value == null) {
      return isReference(key) ? null : fallback;
    }
    if (!value.isTextual()) {
      wrongType(key, "a duration such as 60s or 5m", value);
      return null;
    }
    try {
      return GoDurations.parse(value.textValue());
    } catch (IllegalArgumentException e) {
      invalid(key, "must be a duration such as 60s or 5m (got \"" + value.textValue() + "\")");
      return null;
    }
  }

  private boolean isReference(String key) {
    JsonNode value = node.get(key);
    return value != null && isReference(value);
  }

  /** Reports every key that no reader asked for, with the message {@code messageForKey} gives. */
  void rejectUnread(Function<String, String> messageForKey) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!read.contains(key)) {
        problems.add(pathOf(key), Reason.UNSUPPORTED_KEY, messageForKey.apply(key));
      }
    }
  }

  /** Names a YAML node's type for messages: string, integer, number, boolean, map, list or null. */
  static String typeName(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isObject()) {
      return "map";
    }
    if (value.isArray()) {
      return "list";
    }
    if (value.isNull()) {
      return "null";
    }
    return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
