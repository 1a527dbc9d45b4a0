package io.github.cortexj.core.config;

import static io.github.cortexj.core.config.ConfigTrees.configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ConfigMergerPropertiesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void mergingANullOrEmptyJobConfigIsTheIdentity() {
    qt().forAll(configs())
        .checkAssert(
            api -> {
              // toString of ordered maps compares key order too.
              assertThat(ConfigMerger.merge(api, null)).isEqualTo(api).hasToString(api.toString());
              assertThat(ConfigMerger.merge(api, Map.of())).isEqualTo(api).hasToString(api.toString());
            });
  }

  @Test
  void everyLeafOfTheJobConfigIsInTheResult() {
    qt().forAll(configs(), configs())
        .checkAssert(
            (api, job) -> {
              Map<String, @Nullable Object> merged = ConfigMerger.merge(api, job);
              leaves(job)
                  .forEach(
                      (path, value) -> {
                        if (value instanceof Map) {
                          // an empty map in the job: a map is there, holding whatever the API config had
                          assertThat(at(merged, path)).as("at %s", path).isInstanceOf(Map.class);
                        } else {
                          assertThat(at(merged, path)).as("at %s", path).isEqualTo(value);
                        }
                      });
            });
  }

  @Test
  void everyLeafOfTheApiConfigSurvivesUnlessTheJobSetsItsPathOrAPrefix() {
    qt().forAll(configs(), configs())
        .checkAssert(
            (api, job) -> {
              Map<String, @Nullable Object> merged = ConfigMerger.merge(api, job);
              leaves(api)
                  .forEach(
                      (path, value) -> {
                        if (!overrides(job, path)) {
                          assertThat(at(merged, path)).as("at %s", path).isEqualTo(value);
                        }
                      });
            });
  }

  @Test
  void baseKeysKeepTheirPositionAndNewKeysAreAppendedInJobOrder() {
    qt().forAll(configs(), configs()).checkAssert((api, job) -> assertKeyOrder(api, job, ConfigMerger.merge(api, job)));
  }

  @Test
  void theResultSharesNoMapOrListWithTheInputs() {
    qt().forAll(configs(), configs())
        .checkAssert(
            (api, job) -> {
              Set<Object> inputs = containers(api);
              inputs.addAll(containers(job));

              Set<Object> outputs = containers(ConfigMerger.merge(api, job));

              outputs.retainAll(inputs);
              assertThat(outputs).isEmpty();
            });
  }

  @Test
  void mergingJacksonTreesAgreesWithMergingMaps() {
    qt().forAll(configs(), configs())
        .checkAssert(
            (api, job) -> {
              ObjectNode mergedTree = ConfigMerger.merge(MAPPER.valueToTree(api), (ObjectNode) MAPPER.valueToTree(job));

              assertThat(json(mergedTree)).isEqualTo(json(ConfigMerger.merge(api, job)));
            });
  }

  // --- helpers ---

  /** Every path to a value that is not a map or is an empty map, with the value. */
  private static Map<List<Object>, @Nullable Object> leaves(Map<?, ?> tree) {
    Map<List<Object>, @Nullable Object> out = new LinkedHashMap<>();
    collectLeaves(tree, new ArrayList<>(), out);
    return out;
  }

  private static void collectLeaves(Map<?, ?> tree, List<Object> prefix, Map<List<Object>, @Nullable Object> out) {
    tree.forEach(
        (key, value) -> {
          List<Object> path = new ArrayList<>(prefix);
          path.add(key);
          if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            collectLeaves(map, path, out);
          } else if (value instanceof Map) {
            out.put(path, Map.of());
          } else {
            out.put(path, value);
          }
        });
  }

  private static @Nullable Object at(Map<?, ?> tree, List<Object> path) {
    Object node = tree;
    for (Object key : path) {
      assertThat(node).as("parent of %s", path).isInstanceOf(Map.class);
      assertThat(((Map<?, ?>) node).containsKey(key)).as("key at %s", path).isTrue();
      node = ((Map<?, ?>) node).get(key);
    }
    return node;
  }

  /** Whether the job sets a value at {@code path}, or a value that is not a map at a prefix of it. */
  private static boolean overrides(Map<?, ?> job, List<Object> path) {
    Object node = job;
    for (Object key : path) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return false;
      }
      node = map.get(key);
      if (!(node instanceof Map)) {
        return true;
      }
    }
    return true;
  }

  private static void assertKeyOrder(Map<?, ?> api, Map<?, ?> job, Map<?, ?> merged) {
    List<Object> expected = new ArrayList<>(api.keySet());
    job.keySet().stream().filter(key -> !api.containsKey(key)).forEach(expected::add);
    assertThat(new ArrayList<>(merged.keySet())).isEqualTo(expected);
    job.forEach(
        (key, jobValue) -> {
          if (api.get(key) instanceof Map<?, ?> apiMap && jobValue instanceof Map<?, ?> jobMap) {
            assertKeyOrder(apiMap, jobMap, (Map<?, ?>) merged.get(key));
          }
        });
  }

  /** Every map and list in a tree, by identity. */
  private static Set<Object> containers(@Nullable Object tree) {
    Set<Object> out = Collections.newSetFromMap(new IdentityHashMap<>());
    collectContainers(tree, out);
    return out;
  }

  private static void collectContainers(@Nullable Object tree, Set<Object> out) {
    if (tree instanceof Map<?, ?> map) {
      out.add(map);
      map.values().forEach(value -> collectContainers(value, out));
    } else if (tree instanceof List<?> list) {
      out.add(list);
      list.forEach(value -> collectContainers(value, out));
    }
  }

  private static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
