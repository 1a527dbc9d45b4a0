package io.github.cortexj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void readsAJsonArrayAsAList() {
    assertThat(Fixtures.jsonList("fixtures/reviews.json")).extracting(node -> node.path("product").asText())
        .containsExactly("kettle", "toaster");
  }

  @Test
  void readsJsonLinesSkippingBlankLines() {
    assertThat(Fixtures.jsonList("fixtures/numbers.jsonl")).extracting(node -> node.path("n").asInt())
        .containsExactly(1, 2, 3);
  }

  @Test
  void namesTheLineThatIsNotJson() {
    assertThatThrownBy(() -> Fixtures.jsonList("fixtures/broken.jsonl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixture \"fixtures/broken.jsonl\", line 2, is not JSON: not json");
  }

  @Test
  void readsTextBytesAndBoundJson() {
    assertThat(Fixtures.text("fixtures/greeting.txt")).isEqualTo("hello fixtures\n");
    assertThat(Fixtures.bytes("/fixtures/greeting.txt")).hasSize(15);
    JsonNode first = Fixtures.json("fixtures/reviews.json").get(0);
    assertThat(first.path("text").asText()).isEqualTo("great");
    assertThat(Fixtures.json("fixtures/reviews.json", List.class)).hasSize(2).first().isInstanceOf(Map.class);
  }

  @Test
  void aMissingFixtureIsNamed() {
    assertThatThrownBy(() -> Fixtures.text("fixtures/nope.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixture \"fixtures/nope.txt\" is not on the class path");
  }
}
