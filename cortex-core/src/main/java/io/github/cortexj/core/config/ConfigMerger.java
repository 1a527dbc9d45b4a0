package io.github.cortexj.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Merges a job's {@code config} into its API's {@code config} the way Cortex does before it hands the result to a
 * batch handler or a task ({@code merge_dicts_in_place_overwrite}): a deep merge where the job wins.
 *
 * <p>For each key of the job config, in the job's order: when both the API config and the job config hold a map
 * under that key, the two maps are merged the same way, at any depth; otherwise the job's value replaces the API's
 * value, or is added after the API's keys when the API has none. So:
 *
 * <ul>
 *   <li>lists are replaced, never concatenated: {@code {"l":[1,2]}} + {@code {"l":[3]}} = {@code {"l":[3]}};
 *   <li>a {@code null} in the job overwrites the value and keeps the key: {@code {"a":1}} + {@code {"a":null}} =
 *       {@code {"a":null}};
 *   <li>a map replaces a scalar or {@code null}, and a scalar replaces a map;
 *   <li>nested maps merge at any depth: {@code {"a":{"x":{"y":1,"z":2}}}} + {@code {"a":{"x":{"y":9}}}} =
 *       {@code {"a":{"x":{"y":9,"z":2}}}};
 *   <li>an empty or absent ({@code null}) job config leaves the API config as it is;
 *   <li>keys of the API config keep their position; keys new to it are appended in the job's order.
 * </ul>
 *
 * <p>The result is always a new tree: neither input is modified, and the result shares no map or list with either
 * input. Cortex copies the API config but puts the job's sub-maps into the result as they are, so that changing
 * the merged config could change the job's raw config; we copy those too. Values that are neither maps nor lists
 * (strings, numbers, booleans) are shared, and are expected to be immutable. Unlike Cortex's batch path, numbers
 * are not reformatted (Cortex's YAML round trip turns {@code 1.0} into {@code 1}). The trees must not contain
 * cycles.
 *
 * <p>Cortex's async APIs do not merge: they receive a copy of the API config only.
 *
 * <p>Stateless and thread safe, provided no other thread changes the inputs during the call.
 */
public final class ConfigMerger {

  private ConfigMerger() {}

  /**
   * Merges plain Java trees: maps, lists and scalar values, such as Jackson or a YAML parser produce.
   *
   * @param apiConfig the API's {@code config}, never {@code null}; values may be {@code null}
   * @param jobConfig the job's {@code config}, or {@code null} when the job has none
   * @return a new mutable map, iterating in the order described above; nested maps are new
   *     {@link LinkedHashMap}s and nested lists new {@link ArrayList}s
   */
  public static Map<String, @Nullable Object> merge(
      Map<String, ? extends @Nullable Object> apiConfig, @Nullable Map<String, ? extends @Nullable Object> jobConfig) {
    Objects.requireNonNull(apiConfig, "apiConfig");
    Map<String, @Nullable Object> merged = new LinkedHashMap<>();
    apiConfig.forEach((key, value) -> merged.put(key, deepCopy(value)));
    if (jobConfig != null) {
      mergeInto(merged, jobConfig);
    }
    return merged;
  }

  /**
   * Merges Jackson trees.
   *
   * @param apiConfig the API's {@code config}, never {@code null}
   * @param jobConfig the job's {@code config}, or {@code null} when the job has none
   * @return a new object node, iterating in the order described above
   */
  public static ObjectNode merge(ObjectNode apiConfig, @Nullable ObjectNode jobConfig) {
    Objects.requireNonNull(apiConfig, "apiConfig");
    ObjectNode merged = apiConfig.deepCopy();
    if (jobConfig != null) {
      mergeInto(merged, jobConfig);
    }
    return merged;
  }

  // `base` is always a map this class created, so it is mutable and its keys are of the job's kind.
  @SuppressWarnings("unchecked")
  private static <K> void mergeInto(Map<K, @Nullable Object> base, Map<?, ? extends @Nullable Object> job) {
    for (Map.Entry<?, ? extends @Nullable Object> entry : job.entrySet()) {
      K key = (K) entry.getKey();
      Object jobValue = entry.getValue();
      Object baseValue = base.get(key);
      if (baseValue instanceof Map && jobValue instanceof Map<?, ?> jobMap) {
        mergeInto((Map<Object, @Nullable Object>) baseValue, jobMap);
      } else {
        base.put(key, deepCopy(jobValue));
      }
    }
  }

  private static void mergeInto(ObjectNode base, ObjectNode job) {
    for (Map.Entry<String, JsonNode> field : job.properties()) {
      JsonNode baseValue = base.get(field.getKey());
      JsonNode jobValue = field.getValue();
      if (baseValue instanceof ObjectNode baseObject && jobValue instanceof ObjectNode jobObject) {
        mergeInto(baseObject, jobObject);
      } else {
        base.set(field.getKey(), jobValue.deepCopy());
      }
    }
  }

  private static @Nullable Object deepCopy(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(key, deepCopy(item)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(deepCopy(item)));
      return copy;
    }
    return value;
  }
}
