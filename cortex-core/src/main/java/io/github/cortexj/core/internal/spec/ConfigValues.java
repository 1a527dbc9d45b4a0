package io.github.cortexj.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Converts free-form configuration values ({@code config} and {@code env} maps) between JSON trees and
 * unmodifiable Java collections, keeping key order and {@code null} values. Stateless and thread safe.
 */
public final class ConfigValues {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ConfigValues() {}

  /**
   * Returns a deep, unmodifiable copy of a configuration map, keeping order and {@code null} values.
   *
   * @param config the map; nested maps and lists are copied too
   * @return the copy
   */
  public static Map<String, @Nullable Object> immutableCopy(Map<String, ? extends @Nullable Object> config) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>();
    config.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "config key"), copyValue(value)));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Returns an unmodifiable copy of an environment map, keeping order.
   *
   * @param env the map, without {@code null} keys or values
   * @return the copy
   */
  public static Map<String, String> immutableEnv(Map<String, String> env) {
    Map<String, String> copy = new LinkedHashMap<>();
    env.forEach(
        (key, value) ->
            copy.put(Objects.requireNonNull(key, "env name"), Objects.requireNonNull(value, "env value")));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Object copyValue(@Nullable Object value) {
    if (value instanceof Map) {
      return immutableCopy((Map<String, @Nullable Object>) value);
    }
    if (value instanceof List) {
      List<@Nullable Object> list = new ArrayList<>();
      for (Object element : (List<?>) value) {
        list.add(copyValue(element));
      }
      return Collections.unmodifiableList(list);
    }
    return value;
  }

  /**
   * Converts a Java value (maps, lists, strings, numbers, booleans, {@code null}) to a JSON tree.
   *
   * @param value the value
   * @return the tree
   */
  public static JsonNode toTree(@Nullable Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * Converts a JSON tree to Java values: objects to unmodifiable ordered maps, arrays to unmodifiable lists,
   * numbers to {@link Integer}, {@link Long}, {@link java.math.BigInteger}, {@link Double} or
   * {@link java.math.BigDecimal}, and JSON null to {@code null}.
   *
   * @param node the tree
   * @return the value
   */
  public static @Nullable Object fromTree(JsonNode node) {
    if (node.isObject()) {
      Map<String, @Nullable Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), fromTree(field.getValue()));
      }
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<@Nullable Object> list = new ArrayList<>();
      for (JsonNode element : node) {
        list.add(fromTree(element));
      }
      return Collections.unmodifiableList(list);
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    return null;
  }
}
