package io.github.cortexj.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchItemsReaderTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final BatchItemsReader reader = new BatchItemsReader(mapper);

  @Test
  void readsTheElementsOfAnArrayInOrder() throws Exception {
    List<JsonNode> items = reader.read("[{\"id\":1},2,\"three\",null,[4,{\"five\":[5]}],6.5,true]");

    assertThat(items).containsExactlyElementsOf(mapper.readTree("[{\"id\":1},2,\"three\",null,[4,{\"five\":[5]}],6.5,true]"));
  }

  @Test
  void readsAnEmptyArrayAsNoItems() throws Exception {
    assertThat(reader.read(" [ ] ")).isEmpty();
  }

  @Test
  void returnsAListTheHandlerCannotChange() throws Exception {
    List<JsonNode> items = reader.read("[1,2]");

    assertThatThrownBy(() -> items.add(JsonNodeFactory.instance.numberNode(3)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readsAnyArrayAsReadingItWholeDoes() {
    qt().forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(0, 150))
        .checkAssert(
            seeds -> {
              ArrayNode array = JsonNodeFactory.instance.arrayNode();
              seeds.forEach(seed -> array.add(value(seed)));
              String body = array.toString();

              assertThat(outcome(() -> reader.read(body))).isEqualTo(outcome(() -> readWhole(mapper, body)));
            });
  }

  @Test
  void failsOnAnyBodyExactlyAsReadingItWholeDoes() {
    // Bodies of JSON punctuation and a few words: mostly malformed, some valid non-arrays, some arrays.
    String alphabet = "[]{},:\"1 x-.etrunl";
    qt().forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 14))
        .checkAssert(
            indexes -> {
              StringBuilder body = new StringBuilder();
              indexes.forEach(i -> body.append(alphabet.charAt(i)));
              String text = body.toString();

              assertThat(outcome(() -> reader.read(text))).isEqualTo(outcome(() -> readWhole(mapper, text)));
            });
  }

  @Test
  void rejectsAnObjectBodyAsNotAnArray() {
    assertThatThrownBy(() -> reader.read("{\"id\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the batch's message body is not a JSON array");
  }

  @Test
  void rejectsAnEmptyBodyAsNotAnArray() {
    assertThatThrownBy(() -> reader.read(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the batch's message body is not a JSON array");
  }

  @Test
  void rejectsAnUnclosedArrayWithJacksonsMessageForTheWholeBody() {
    assertThatThrownBy(() -> reader.read("[{\"id\":1},"))
        .isInstanceOf(JsonParseException.class)
        .hasMessageStartingWith("Unexpected end-of-input within/between Array entries");
  }

  @Test
  void rejectsAMalformedElementWithJacksonsMessageForTheWholeBody() {
    assertThatThrownBy(() -> reader.read("[1,{\"id\" 2}]"))
        .isInstanceOf(JsonParseException.class)
        .hasMessageStartingWith("Unexpected character ('2' (code 50)): was expecting a colon to separate field name");
  }

  @Test
  void ignoresContentAfterTheArrayAsTheMapperDoesByDefault() throws Exception {
    assertThat(reader.read("[1] [2")).containsExactly(JsonNodeFactory.instance.numberNode(1));
  }

  @Test
  void rejectsContentAfterTheArrayWhenTheMapperFailsOnTrailingTokens() {
    ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    assertThatThrownBy(() -> new BatchItemsReader(strict).read("[1] 2"))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageStartingWith("Trailing token (of type VALUE_NUMBER_INT) found after value");
  }

  @Test
  void readsArraysOfChangingSizesOneAfterTheOther() throws Exception {
    assertThat(reader.read("[1,2,3,4,5]")).hasSize(5);
    assertThat(reader.read("[1]")).hasSize(1);
    assertThat(reader.read("[" + "7,".repeat(99) + "7]")).hasSize(100);
  }

  /** The items, or the failure's type and message: what a batch's outcome keeps. */
  private static String outcome(ThrowingRead read) {
    try {
      return "items " + read.read();
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** How a body was read before: whole, into an array node whose elements are then copied. */
  private static List<JsonNode> readWhole(ObjectMapper mapper, String body) throws Exception {
    JsonNode node = mapper.readTree(body);
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException("the batch's message body is not a JSON array");
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private static JsonNode value(int seed) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (seed % 7) {
      case 0 -> nodes.numberNode(seed);
      case 1 -> nodes.textNode("item \"" + seed + "\" é");
      case 2 -> nodes.nullNode();
      case 3 -> nodes.numberNode(seed / 7.0);
      case 4 -> nodes.booleanNode(seed % 2 == 0);
      case 5 -> {
        ObjectNode node = nodes.objectNode().put("id", seed);
        node.putArray("tags").add("a").add(seed);
        yield node;
      }
      default -> nodes.arrayNode().add(nodes.arrayNode().add(seed)).add(nodes.objectNode());
    };
  }

  @FunctionalInterface
  private interface ThrowingRead {
    List<JsonNode> read() throws Exception;
  }
}
