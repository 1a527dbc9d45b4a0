package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class AsyncResultsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String EXPECTED =
      "handler response must be a JSON object (Map, record, POJO or ObjectNode), got ";

  /** A record result. */
  public record Prediction(String label, double score) {}

  /** A POJO result. */
  public static final class Totals {
    public int getCount() {
      return 3;
    }

    public String getUnit() {
      return "items";
    }
  }

  /** A value whose getter throws while serialising. */
  public static final class Exploding {
    public String getValue() {
      throw new IllegalStateException("boom");
    }
  }

  /** A value with nothing to serialise. */
  public static final class Empty {}

  @Test
  void acceptsAMapKeepingItsKeyOrder() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("z", 1);
    result.put("a", "two");
    result.put("m", null);

    assertThat(MAPPER.writeValueAsString(AsyncResults.toJsonObject(result, MAPPER)))
        .isEqualTo("{\"z\":1,\"a\":\"two\",\"m\":null}");
  }

  @Test
  void acceptsARecord() throws Exception {
    assertThat(MAPPER.writeValueAsString(AsyncResults.toJsonObject(new Prediction("cat", 0.9), MAPPER)))
        .isEqualTo("{\"label\":\"cat\",\"score\":0.9}");
  }

  @Test
  void acceptsAPojo() throws Exception {
    assertThat(MAPPER.writeValueAsString(AsyncResults.toJsonObject(new Totals(), MAPPER)))
        .isEqualTo("{\"count\":3,\"unit\":\"items\"}");
  }

  @Test
  void returnsAnObjectNodeAsIs() {
    ObjectNode node = MAPPER.createObjectNode().put("ok", true);

    assertThat(AsyncResults.toJsonObject(node, MAPPER)).isSameAs(node);
  }

  @Test
  void keepsNumbersAsJacksonWritesThem() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("decimal", new BigDecimal("1.10"));
    result.put("big", new BigInteger("123456789012345678901234567890"));
    result.put("long", Long.MAX_VALUE);
    result.put("double", 1.0);
    result.put("float", 0.1f);

    assertThat(MAPPER.writeValueAsString(AsyncResults.toJsonObject(result, MAPPER)))
        .isEqualTo(MAPPER.writeValueAsString(result))
        .isEqualTo(
            "{\"decimal\":1.10,\"big\":123456789012345678901234567890,\"long\":9223372036854775807,"
                + "\"double\":1.0,\"float\":0.1}");
  }

  @Test
  void rejectsAListNamingItsType() {
    assertThatThrownBy(() -> AsyncResults.toJsonObject(new ArrayList<>(List.of(1, 2)), MAPPER))
        .isInstanceOf(InvalidAsyncResultException.class)
        .hasMessage(EXPECTED + "java.util.ArrayList instead");
  }

  @Test
  void rejectsAString() {
    assertThatThrownBy(() -> AsyncResults.toJsonObject("done", MAPPER))
        .isInstanceOf(InvalidAsyncResultException.class)
        .hasMessage(EXPECTED + "java.lang.String instead");
  }

  @Test
  void rejectsANumber() {
    assertThatThrownBy(() -> AsyncResults.toJsonObject(42, MAPPER))
        .isInstanceOf(InvalidAsyncResultException.class)
        .hasMessage(EXPECTED + "java.lang.Integer instead");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> AsyncResults.toJsonObject(null, MAPPER))
        .isInstanceOf(InvalidAsyncResultException.class)
        .hasMessage(EXPECTED + "null instead");
  }

  @Test
  void rejectsAJsonArrayNode() {
    assertThatThrownBy(() -> AsyncResults.toJsonObject(MAPPER.createArrayNode(), MAPPER))
        .isInstanceOf(InvalidAsyncResultException.class)
        .hasMessage(EXPECTED + "com.fasterxml.jackson.databind.node.ArrayNode instead");
  }

  @Test
  void rejectsAnArrayNamingItsType() {
    assertThatThrownBy(() -> AsyncResults.toJsonObject(new String[] {"a"}, MAPPER))
        .isInstanceOf(InvalidAsyncResultException.class)
        .hasMessage(EXPECTED + "java.lang.String[] instead");
  }

  @Test
  void rejectsAValueWhoseGetterThrowsWithJacksonsMessage() {
    assertThatThrownBy(() -> AsyncResults.toJsonObject(new Exploding(), MAPPER))
        .isInstanceOf(InvalidAsyncResultException.class)
        .hasMessage(
            "handler response of type io.github.cortexj.core.AsyncResultsTest$Exploding is not JSON serialisable:"
                + " at \"value\": boom")
        .hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsAValueWithNothingToSerialise() {
    assertThatThrownBy(() -> AsyncResults.toJsonObject(new Empty(), MAPPER))
        .isInstanceOf(InvalidAsyncResultException.class)
        .hasMessage(
            "handler response of type io.github.cortexj.core.AsyncResultsTest$Empty is not JSON serialisable: No"
                + " serializer found for class io.github.cortexj.core.AsyncResultsTest$Empty and no properties"
                + " discovered to create BeanSerializer (to avoid exception, disable"
                + " SerializationFeature.FAIL_ON_EMPTY_BEANS)");
  }

  @Test
  void errorsHaveKindAsyncInvalidResult() {
    assertThatThrownBy(() -> AsyncResults.toJsonObject(List.of(), MAPPER))
        .isInstanceOfSatisfying(
            CortexException.class, e -> assertThat(e.kind()).isEqualTo("async.invalid_result"));
  }

  @Test
  void anyMapIsWrittenExactlyAsJacksonWritesTheMap() {
    qt().forAll(maps())
        .checkAssert(
            result -> {
              try {
                assertThat(MAPPER.writeValueAsString(AsyncResults.toJsonObject(result, MAPPER)))
                    .isEqualTo(MAPPER.writeValueAsString(result));
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void bytesAreWhatWritingTheObjectGivesForAnyMap() {
    qt().forAll(maps())
        .checkAssert(
            result -> {
              try {
                assertThat(AsyncResults.toJsonObjectBytes(result, MAPPER))
                    .isEqualTo(MAPPER.writeValueAsBytes(AsyncResults.toJsonObject(result, MAPPER)));
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }

  /** Maps in insertion order of up to ten keys, whose values are scalars of every JSON kind or lists of them. */
  private static Gen<Map<String, Object>> maps() {
    Gen<Object> scalars =
        integers()
            .all()
            .map(i -> (Object) i)
            .mix(longs().all().map(l -> (Object) l))
            .mix(doubles().any().map(d -> (Object) d))
            .mix(longs().all().map(l -> (Object) new BigDecimal(BigInteger.valueOf(l), 3)))
            .mix(booleans().all().map(b -> (Object) b))
            .mix(strings().allPossible().ofLengthBetween(0, 8).map(s -> (Object) s));
    Gen<Object> values = scalars.mix(lists().of(scalars).ofSizeBetween(0, 4).map(l -> (Object) l));
    return lists()
        .of(strings().basicLatinAlphabet().ofLengthBetween(0, 6))
        .ofSizeBetween(0, 10)
        .zip(
            lists().of(values).ofSize(10),
            (keys, vals) -> {
              Map<String, Object> result = new LinkedHashMap<>();
              for (int i = 0; i < keys.size(); i++) {
                result.put(keys.get(i), vals.get(i));
              }
              return result;
            });
  }

  @Test
  void bytesAreWhatWritingTheObjectGivesForRecordsPojosAndNodes() throws Exception {
    ObjectNode node = MAPPER.createObjectNode().put("n", new BigDecimal("1.10"));
    for (Object result : List.of(new Prediction("spam", 0.25), new Totals(), node)) {
      assertThat(new String(AsyncResults.toJsonObjectBytes(result, MAPPER), StandardCharsets.UTF_8))
          .isEqualTo(MAPPER.writeValueAsString(AsyncResults.toJsonObject(result, MAPPER)));
    }
  }

  @Test
  void bytesRefuseWhatTheObjectRefusesWithTheSameMessage() {
    List<Object> refused =
        List.of(List.of(1), "text", 7, MAPPER.createArrayNode(), new int[] {1}, new Exploding(), new Empty());
    for (Object result : refused) {
      Throwable expected = catchThrowable(() -> AsyncResults.toJsonObject(result, MAPPER));
      assertThatThrownBy(() -> AsyncResults.toJsonObjectBytes(result, MAPPER))
          .isInstanceOf(InvalidAsyncResultException.class)
          .hasMessage(expected.getMessage());
    }
    assertThatThrownBy(() -> AsyncResults.toJsonObjectBytes(null, MAPPER))
        .isInstanceOf(InvalidAsyncResultException.class)
        .hasMessage(EXPECTED + "null instead");
  }

  @Test
  void bytesIgnoreRootWrappingAndKeepIndentation() throws Exception {
    ObjectMapper wrapping =
        new ObjectMapper().enable(SerializationFeature.WRAP_ROOT_VALUE).enable(SerializationFeature.INDENT_OUTPUT);
    String written =
        new String(AsyncResults.toJsonObjectBytes(new Prediction("spam", 0.5), wrapping),
            StandardCharsets.UTF_8);

    assertThat(written).startsWith("{").contains("\n").doesNotContain("Prediction");
    assertThat(MAPPER.readTree(written)).isEqualTo(MAPPER.readTree("{\"label\":\"spam\",\"score\":0.5}"));
  }
}
