package io.github.cortexj.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemListTest {

  private final ObjectMapper mapper = new ObjectMapper();

  record Review(int id, String text) {}

  @Test
  void itemsOfAnyTypeReadBackAsTheJsonNodesTheyStandFor() {
    ItemList list = JobSubmission.items(List.of(new Review(1, "good"), Map.of("a", 1), "text", 7)).build().itemList();

    assertThat(list.items())
        .containsExactly(
            mapper.valueToTree(new Review(1, "good")),
            mapper.valueToTree(Map.of("a", 1)),
            mapper.getNodeFactory().textNode("text"),
            mapper.getNodeFactory().numberNode(7));
  }

  @Test
  void aRunOfItemsIsTheirCompactJsonArray() {
    ItemList list = new ItemList(List.of(node("{\"id\": 1}"), node("[1, 2]"), node("\"é\"")), 2);

    assertThat(list.jsonArray(0, 2)).isEqualTo("[{\"id\":1},[1,2]]");
    assertThat(list.jsonArray(2, 3)).isEqualTo("[\"é\"]");
  }

  @Test
  void theSizeOfAnItemIsItsCompactUtf8Length() {
    ItemList list = new ItemList(List.of(node("{\"id\": 1}"), node("\"é\"")), 1);

    assertThat(list.jsonSize(0)).isEqualTo(8);
    assertThat(list.jsonSize(1)).isEqualTo(4);
  }

  @Test
  void aRangeOutsideTheItemsIsRefused() {
    ItemList list = new ItemList(List.of(node("1")), 1);

    assertThatThrownBy(() -> list.jsonArray(0, 2))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("items [0, 2) of 1");
  }

  @Test
  void theItemsCannotBeChanged() {
    ItemList list = new ItemList(List.of(node("1")), 1);

    assertThatThrownBy(() -> list.items().add(node("2"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anItemThatIsNotJsonNamesItsIndex() {
    assertThatThrownBy(() -> JobSubmission.items(List.of(1, new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("item 1 cannot be written as JSON: ");
  }

  @Test
  void everyRunOfStringItemsIsTheArrayJacksonWrites() {
    qt().forAll(
            lists().of(strings().betweenCodePoints(0, 0x2FFF).ofLengthBetween(0, 12)).ofSizeBetween(1, 20),
            integers().between(0, 19))
        .checkAssert(
            (texts, cut) -> {
              ItemList list = JobSubmission.items(texts).build().itemList();
              int from = Math.min(cut, texts.size());
              List<String> run = new ArrayList<>(texts.subList(from, texts.size()));
              String expected = write(run);
              assertThat(list.jsonArray(from, texts.size())).isEqualTo(expected);
              assertThat(list.items()).isEqualTo(nodes(texts));
              for (int i = 0; i < texts.size(); i++) {
                assertThat(list.jsonSize(i)).isEqualTo(write(texts.get(i)).getBytes(StandardCharsets.UTF_8).length);
              }
            });
  }

  @Test
  void writesAndReadsTheSameJsonAsAListOfNodes() throws Exception {
    String json = "{\"items\":[{\"id\":1},\"two\",[3],null],\"batch_size\":2}";

    ItemList list = mapper.readValue(json, ItemList.class);

    assertThat(mapper.writeValueAsString(list)).isEqualTo(json);
    assertThat(list.items()).hasSize(4);
  }

  private List<JsonNode> nodes(List<String> texts) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String text : texts) {
      nodes.add(mapper.getNodeFactory().textNode(text));
    }
    return nodes;
  }

  private String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode node(String json) {
    try {
      return mapper.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
