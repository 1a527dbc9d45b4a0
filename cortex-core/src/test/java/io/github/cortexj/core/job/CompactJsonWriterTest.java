package io.github.cortexj.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Jackson's own UTF-8 generator is the oracle: the writer must produce its bytes exactly, or leave the tree to it. */
class CompactJsonWriterTest {

  private static final String ALPHABET = "ab\"\\/\u0000\u0001\b\t\n\f\r\u001f\u007f\u0080é\u07ff\u0800中\uffff";

  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  @Test
  void writesAnyTreeOfCommonNodesAsJacksonDoes() {
    qt().forAll(longs().all())
        .checkAssert(
            seed -> {
              JsonNode tree = tree(new Random(seed), 0);
              GrowableBytes out = new GrowableBytes(16);

              assertThat(CompactJsonWriter.write(tree, out)).as("written").isTrue();
              assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(jackson(tree));
            });
  }

  @Test
  void writesEveryNumberOfDigitsAndTheExtremeLongs() {
    ArrayNode numbers = nodes.arrayNode().add(Long.MIN_VALUE).add(Long.MAX_VALUE).add(Integer.MIN_VALUE).add(0);
    for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
      numbers.add(power).add(power - 1).add(-power);
    }
    GrowableBytes out = new GrowableBytes(16);

    assertThat(CompactJsonWriter.write(numbers, out)).isTrue();
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(jackson(numbers));
  }

  @Test
  void writesIntNodesOfEveryNumberOfDigitsAndTheExtremeInts() {
    ArrayNode numbers = nodes.arrayNode();
    numbers.add(nodes.numberNode(Integer.MIN_VALUE)).add(nodes.numberNode(Integer.MAX_VALUE)).add(nodes.numberNode(0));
    for (int power = 1; power > 0 && power <= Integer.MAX_VALUE / 10; power *= 10) {
      numbers.add(nodes.numberNode(power)).add(nodes.numberNode(power - 1)).add(nodes.numberNode(-power));
    }
    GrowableBytes out = new GrowableBytes(1); // grows at every number

    assertThat(CompactJsonWriter.write(numbers, out)).isTrue();
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(jackson(numbers));
    assertThat(numbers.get(0)).isInstanceOf(com.fasterxml.jackson.databind.node.IntNode.class);
  }

  @Test
  void leavesToJacksonWhatItDoesNotWriteAndWritesNothing() {
    GrowableBytes out = new GrowableBytes(16);
    ObjectNode withDecimal = nodes.objectNode().put("a", 1).put("b", new BigDecimal("1.50"));
    ArrayNode withSurrogates = nodes.arrayNode().add("\uD83D\uDE00");
    JsonNode deep = nodes.numberNode(1);
    for (int i = 0; i < CompactJsonWriter.MAX_DEPTH + 1; i++) {
      deep = nodes.arrayNode().add(deep);
    }

    for (JsonNode tree : List.of(withDecimal, withSurrogates, deep, nodes.numberNode(1.5), nodes.binaryNode(new byte[] {1}))) {
      assertThat(CompactJsonWriter.write(tree, out)).as(tree.toString()).isFalse();
    }
    assertThat(out.size()).isZero();
  }

  @Test
  void itemsEncodedEitherWayReadTheSame() {
    List<Object> values =
        List.of(nodes.objectNode().put("id", 1), nodes.numberNode(new BigDecimal("2.50")), nodes.textNode("\uD83D\uDE00"), "x");

    CompactItems items = CompactItems.encode(values);

    assertThat(items.jsonArray(0, 4)).isEqualTo("[{\"id\":1},2.50,\"\\uD83D\\uDE00\",\"x\"]");
  }

  private JsonNode tree(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 5 : 7);
    switch (kind) {
      case 0:
        return nodes.textNode(text(random));
      case 1:
        return nodes.numberNode(random.nextInt());
      case 2:
        return nodes.numberNode(random.nextLong());
      case 3:
        return nodes.booleanNode(random.nextBoolean());
      case 4:
        return nodes.nullNode();
      case 5:
        ObjectNode object = nodes.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(text(random), tree(random, depth + 1));
        }
        return object;
      default:
        ArrayNode array = nodes.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(tree(random, depth + 1));
        }
        return array;
    }
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  private String jackson(JsonNode tree) {
    try {
      return new String(mapper.writeValueAsBytes(tree), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
