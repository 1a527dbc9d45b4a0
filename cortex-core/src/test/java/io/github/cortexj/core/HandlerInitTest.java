package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class HandlerInitTest {

  /** Config bound by the tests. */
  public record Limits(int max, List<String> tags) {}

  @Test
  void defaultsToAnEmptyConfigAndNoJobSpec() {
    HandlerInit init = HandlerInit.builder().build();

    assertThat(init.config()).isEmpty();
    assertThat(init.jobSpec()).isEmpty();
    assertThat(init.projectFiles()).isSameAs(ProjectFiles.none());
    assertThat(init.client().describe()).isEqualTo("none (no cluster was given to this context)");
  }

  @Test
  void copiesTheConfigDeeply() {
    List<String> tags = new ArrayList<>(List.of("a"));
    Map<String, Object> config = new HashMap<>(Map.of("max", 3, "tags", tags));

    HandlerInit init = HandlerInit.builder().config(config).build();
    tags.add("b");
    config.put("extra", true);

    assertThat(init.config()).isEqualTo(Map.of("max", 3, "tags", List.of("a")));
  }

  @Test
  void keepsTheConfigUnmodifiableAllTheWayDown() {
    HandlerInit init = HandlerInit.builder().config(Map.of("nested", Map.of("k", List.of(1)))).build();
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) init.config().get("nested");

    assertThatThrownBy(() -> nested.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void keepsNullConfigValues() {
    Map<String, Object> config = new HashMap<>();
    config.put("optional", null);

    assertThat(HandlerInit.builder().config(config).build().config()).containsEntry("optional", null);
  }

  @Test
  void bindsTheConfigToARecord() {
    HandlerInit init = HandlerInit.builder().config(Map.of("max", 3, "tags", List.of("x"))).build();

    assertThat(init.configAs(Limits.class)).isEqualTo(new Limits(3, List.of("x")));
  }

  @Test
  void bindsTheConfigToAGenericType() {
    HandlerInit init = HandlerInit.builder().config(Map.of("a", 1, "b", 2)).build();

    assertThat(init.configAs(new TypeReference<Map<String, Long>>() {})).isEqualTo(Map.of("a", 1L, "b", 2L));
  }

  @Test
  void reportsAConfigThatDoesNotBindWithThePath() {
    HandlerInit init = HandlerInit.builder().config(Map.of("max", 3, "tags", List.of(List.of()))).build();

    assertThatThrownBy(() -> init.configAs(Limits.class))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasFieldOrPropertyWithValue("kind", "handler.invalid_config")
        .hasMessage(
            "the config cannot be bound to io.github.cortexj.core.HandlerInitTest$Limits: at \"tags[0]\": Cannot"
                + " deserialize value of type `java.lang.String` from Array value (token `JsonToken.START_ARRAY`)");
  }

  @Test
  void givesAFreshTreeEachTime() {
    HandlerInit init = HandlerInit.builder().config(Map.of("max", 3)).build();
    ObjectNode first = init.configTree();
    first.put("max", 4);

    assertThat(init.configTree().get("max").asInt()).isEqualTo(3);
  }
}
