package io.github.cortexj.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Jackson is the oracle: every run of items must read exactly as Jackson writes the same values. */
class CompactItemsTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void anyRunAcrossSegmentsIsJacksonsCompactArrayOfThoseItems() {
    qt().forAll(
            lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 6)).ofSizeBetween(1, 40),
            integers().between(1, 5),
            integers().between(0, 1000),
            integers().between(0, 1000))
        .checkAssert(
            (values, segmentItems, a, b) -> {
              CompactItems items = CompactItems.encode(values, segmentItems);
              int from = Math.min(a, b) % (values.size() + 1);
              int to = from + Math.abs(a - b) % (values.size() - from + 1);
              assertThat(items.jsonArray(from, to)).isEqualTo(json(values.subList(from, to)));
              assertThat(items.size()).isEqualTo(values.size());
              assertThat(bytes(items)).isEqualTo(json(values)); // written raw, segment by segment
            });
  }

  @Test
  void segmentsKeptInBuffersWithUnusedBytesReadAndWriteOnlyTheirItems() throws IOException {
    List<Object> values = new ArrayList<>();
    IntStream.range(0, 4 * CompactItems.SEGMENT_ITEMS + 5).forEach(i -> values.add(mapper.createObjectNode().put("id", i)));

    CompactItems items = CompactItems.encode(values);

    assertThat(items.unusedBytes()).as("later segments sized from the earlier ones, kept untrimmed").isPositive();
    String expected = json(values);
    assertThat(new String(mapper.writeValueAsBytes(items), StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(mapper.writeValueAsString(items)).isEqualTo(expected);
    SharingOutput shared = new SharingOutput();
    mapper.writeValue(shared, new JobSubmission(1, null, null, null, new ItemList(items, 7), null, null, null, null));
    assertThat(shared.toString(StandardCharsets.UTF_8)).isEqualTo("{\"workers\":1,\"item_list\":{\"items\":" + expected + ",\"batch_size\":7}}");
    int last = values.size() - 1;
    assertThat(items.jsonArray(last - 3, last + 1)).isEqualTo(json(values.subList(last - 3, last + 1)));
    assertThat(items.get(last)).isEqualTo(values.get(last));
    assertThat(items.jsonArraySize(0, values.size())).isEqualTo(expected.length());
  }

  @Test
  void anOutputThatSharesBytesGetsTheSameBytesAsACopyingOne() {
    ObjectMapper indenting = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    qt().forAll(
            lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 6)).ofSizeBetween(0, 40),
            integers().between(1, 5),
            integers().between(0, 1))
        .checkAssert(
            (values, segmentItems, indent) -> {
              ObjectMapper writer = indent == 1 ? indenting : mapper;
              CompactItems items = CompactItems.encode(values, segmentItems);
              JobSubmission submission =
                  new JobSubmission(2, 60, null, null, new ItemList(items, 3), null, null, null, null);
              SharingOutput shared = new SharingOutput();
              try {
                writer.writeValue(shared, submission);
                assertThat(shared.toByteArray()).isEqualTo(writer.writeValueAsBytes(submission));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              assertThat(shared.sharedCalls).isEqualTo(values.isEmpty() ? 0 : (values.size() + segmentItems - 1) / segmentItems);
            });
  }

  /** Records the shared writes and copies them, to compare with what a copying output gets. */
  private static final class SharingOutput extends java.io.ByteArrayOutputStream implements SharedBytesOutput {
    int sharedCalls;

    @Override
    public void writeShared(byte[] bytes, int length) {
      sharedCalls++;
      write(bytes, 0, length);
    }
  }

  @Test
  void eachItemsSizeAndValueMatchJackson() {
    qt().forAll(lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 6)).ofSizeBetween(1, 30), integers().between(1, 4))
        .checkAssert(
            (values, segmentItems) -> {
              CompactItems items = CompactItems.encode(values, segmentItems);
              for (int i = 0; i < values.size(); i++) {
                assertThat(items.jsonSize(i)).isEqualTo(json(values.get(i)).getBytes(StandardCharsets.UTF_8).length);
                assertThat(items.get(i)).isEqualTo(mapper.valueToTree(values.get(i)));
              }
            });
  }

  @Test
  void aLargeListEncodedInParallelWritesTheSameJsonAsJackson() throws IOException {
    List<Object> values = new ArrayList<>();
    IntStream.range(0, 3 * CompactItems.SEGMENT_ITEMS + 17)
        .forEach(i -> values.add(i % 3 == 0 ? mapper.createObjectNode().put("id", i) : i % 3 == 1 ? "t" + i : null));

    CompactItems items = CompactItems.encode(values);

    assertThat(items.jsonArray(0, values.size())).isEqualTo(json(values));
    assertThat(mapper.writeValueAsString(items)).isEqualTo(json(values));
    int boundary = CompactItems.SEGMENT_ITEMS;
    assertThat(items.jsonArray(boundary - 2, boundary + 2)).isEqualTo(json(values.subList(boundary - 2, boundary + 2)));
  }

  @Test
  void textOutsideAsciiKeepsItsUtf8Size() {
    List<String> values = List.of("é", "\uD83D\uDE00", "a\u0000b");

    CompactItems items = CompactItems.encode(values, 2);

    // Jackson's byte generator escapes a surrogate pair; the text it stands for is the same.
    assertThat(read(items.jsonArray(0, 3))).isEqualTo(mapper.valueToTree(values));
    assertThat(items.jsonSize(0)).isEqualTo(4); // quotes and two bytes
    assertThat(items.get(1).textValue()).isEqualTo("\uD83D\uDE00");
  }

  @Test
  void aListWithoutRandomAccessIsEncodedInOrder() {
    List<Integer> values = new LinkedList<>(List.of(3, 1, 2));

    assertThat(CompactItems.encode(values, 1).jsonArray(0, 3)).isEqualTo("[3,1,2]");
  }

  @Test
  void theFirstItemThatCannotBeWrittenIsNamedEvenWhenEncodedInParallel() {
    List<Object> values = new ArrayList<>();
    IntStream.range(0, 40).forEach(values::add);
    values.set(13, new Unwritable());
    values.set(31, new Unwritable());

    assertThatThrownBy(() -> CompactItems.encode(values, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("item 13 cannot be written as JSON: ");
  }

  @JsonSerialize(using = Unwritable.Refusing.class)
  static final class Unwritable {
    static final class Refusing extends StdSerializer<Unwritable> {
      private static final long serialVersionUID = 1L;

      Refusing() {
        super(Unwritable.class);
      }

      @Override
      public void serialize(Unwritable value, JsonGenerator generator, SerializerProvider provider)
          throws IOException {
        throw new IOException("refused");
      }
    }
  }

  private String bytes(Object value) {
    try {
      return new String(mapper.writeValueAsBytes(value), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private Object read(String json) {
    try {
      return mapper.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
