package io.github.cortexj.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** One test per row of the merge table of Cortex's behaviour (reference §6.2), each through both overloads. */
class ConfigMergerTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP = new TypeReference<>() {};

  /** Merges {@code api} and {@code job} (JSON, or {@code null} for an absent job config) as maps and as trees. */
  private static void assertMerges(String api, @Nullable String job, String expected) throws Exception {
    Map<String, @Nullable Object> mergedMap =
        ConfigMerger.merge(MAPPER.readValue(api, MAP), job == null ? null : MAPPER.readValue(job, MAP));
    ObjectNode mergedTree =
        ConfigMerger.merge(
            (ObjectNode) MAPPER.readTree(api), job == null ? null : (ObjectNode) MAPPER.readTree(job));

    // Serialised JSON compares values and key order at every level.
    assertThat(MAPPER.writeValueAsString(mergedMap)).isEqualTo(expected);
    assertThat(MAPPER.writeValueAsString(mergedTree)).isEqualTo(expected);
  }

  @Test
  void jobValuesWinAndNestedMapsMerge() throws Exception {
    assertMerges("{\"a\":1,\"b\":{\"c\":2,\"d\":3}}", "{\"b\":{\"c\":20},\"e\":5}", "{\"a\":1,\"b\":{\"c\":20,\"d\":3},\"e\":5}");
  }

  @Test
  void listsAreReplacedNotConcatenated() throws Exception {
    assertMerges("{\"l\":[1,2]}", "{\"l\":[3]}", "{\"l\":[3]}");
  }

  @Test
  void nullInTheJobOverwritesAndKeepsTheKey() throws Exception {
    assertMerges("{\"a\":1}", "{\"a\":null}", "{\"a\":null}");
  }

  @Test
  void mapInTheJobReplacesNull() throws Exception {
    assertMerges("{\"a\":null}", "{\"a\":{\"x\":1}}", "{\"a\":{\"x\":1}}");
  }

  @Test
  void scalarInTheJobReplacesAMap() throws Exception {
    assertMerges("{\"a\":{\"x\":1}}", "{\"a\":5}", "{\"a\":5}");
  }

  @Test
  void mapInTheJobReplacesAScalar() throws Exception {
    assertMerges("{\"a\":5}", "{\"a\":{\"x\":1}}", "{\"a\":{\"x\":1}}");
  }

  @Test
  void nestedMapsMergeAtAnyDepth() throws Exception {
    assertMerges("{\"a\":{\"x\":{\"y\":1,\"z\":2}}}", "{\"a\":{\"x\":{\"y\":9}}}", "{\"a\":{\"x\":{\"y\":9,\"z\":2}}}");
  }

  @Test
  void emptyJobConfigLeavesTheApiConfig() throws Exception {
    assertMerges("{\"k\":1}", "{}", "{\"k\":1}");
  }

  @Test
  void absentJobConfigLeavesTheApiConfig() throws Exception {
    assertMerges("{\"k\":1}", null, "{\"k\":1}");
  }

  @Test
  void keepsBaseKeyPositionsAndAppendsNewKeysInJobOrder() throws Exception {
    assertMerges("{\"b\":1,\"a\":2,\"c\":3}", "{\"z\":0,\"a\":20,\"y\":0}", "{\"b\":1,\"a\":20,\"c\":3,\"z\":0,\"y\":0}");
  }

  @Test
  void emptyMapInTheJobKeepsTheApiMap() throws Exception {
    assertMerges("{\"a\":{\"x\":1}}", "{\"a\":{}}", "{\"a\":{\"x\":1}}");
  }

  @Test
  void doesNotModifyEitherInput() throws Exception {
    Map<String, @Nullable Object> api = MAPPER.readValue("{\"a\":{\"x\":1},\"l\":[1]}", MAP);
    Map<String, @Nullable Object> job = MAPPER.readValue("{\"a\":{\"y\":2},\"l\":[2],\"n\":{\"m\":3}}", MAP);
    String apiBefore = api.toString();
    String jobBefore = job.toString();

    ConfigMerger.merge(api, job);

    assertThat(api).hasToString(apiBefore);
    assertThat(job).hasToString(jobBefore);
  }

  @Test
  @SuppressWarnings("unchecked")
  void copiesJobSubMapsInsteadOfAliasingThem() throws Exception {
    Map<String, @Nullable Object> job = MAPPER.readValue("{\"n\":{\"m\":3}}", MAP);

    Map<String, @Nullable Object> merged = ConfigMerger.merge(Map.of(), job);
    ((Map<String, Object>) merged.get("n")).put("m", 4);

    assertThat(job.get("n")).isEqualTo(Map.of("m", 3));
  }

  @Test
  @SuppressWarnings("unchecked")
  void copiesApiListsIntoMutableLists() {
    Map<String, @Nullable Object> merged = ConfigMerger.merge(Map.of("l", List.of(1, 2)), null);

    ((List<Object>) merged.get("l")).add(3);

    assertThat(merged.get("l")).isInstanceOf(ArrayList.class).isEqualTo(List.of(1, 2, 3));
  }

  @Test
  void copiesJobTreesInsteadOfAliasingThem() throws Exception {
    ObjectNode job = (ObjectNode) MAPPER.readTree("{\"n\":{\"m\":3}}");

    ObjectNode merged = ConfigMerger.merge(MAPPER.createObjectNode(), job);
    ((ObjectNode) merged.get("n")).put("m", 4);

    assertThat(job.get("n").get("m").intValue()).isEqualTo(3);
  }

  @Test
  void returnsAMutableMap() {
    Map<String, @Nullable Object> merged = ConfigMerger.merge(Map.of("a", 1), Map.of("b", 2));

    merged.put("c", 3);

    assertThat(merged).containsExactly(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 3));
  }

  @Test
  void rejectsANullApiConfig() {
    assertThatThrownBy(() -> ConfigMerger.merge((Map<String, Object>) null, Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("apiConfig");
  }
}
