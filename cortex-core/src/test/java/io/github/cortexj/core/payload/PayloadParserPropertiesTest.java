package io.github.cortexj.core.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PayloadParserPropertiesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> UNICODE_ENCODINGS =
      List.of("UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE");

  private final ObjectMapper mapper = new ObjectMapper();
  private final PayloadParser parser = new PayloadParser(mapper);

  /** Strings of Unicode scalar values: lone surrogates, which no encoding can carry, become {@code ?}. */
  static Gen<String> unicodeStrings(int maxLength) {
    return strings()
        .allPossible()
        .ofLengthBetween(0, maxLength)
        .map(
            s ->
                s.codePoints()
                    .map(cp -> cp >= 0xD800 && cp <= 0xDFFF ? '?' : cp)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString());
  }

  static Gen<JsonNode> jsonValues(int depth) {
    Gen<JsonNode> scalars =
        Generate.oneOf(
            integers().all().map(i -> (JsonNode) NODES.numberNode(i)),
            Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE)
                .map(l -> l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? l + (1L << 32) : l)
                .map(l -> (JsonNode) NODES.numberNode(l)),
            Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE)
                .map(bits -> Double.longBitsToDouble(bits))
                .map(d -> Double.isFinite(d) ? d : 0.5)
                .map(d -> (JsonNode) NODES.numberNode(d)),
            unicodeStrings(12).map(s -> (JsonNode) NODES.textNode(s)),
            Generate.booleans().map(b -> (JsonNode) NODES.booleanNode(b)),
            Generate.constant((JsonNode) NODES.nullNode()));
    if (depth == 0) {
      return scalars;
    }
    Gen<JsonNode> children = jsonValues(depth - 1);
    Gen<JsonNode> arrays =
        lists()
            .of(children)
            .ofSizeBetween(0, 4)
            .map(
                items -> {
                  ArrayNode array = NODES.arrayNode();
                  items.forEach(array::add);
                  return (JsonNode) array;
                });
    Gen<JsonNode> objects =
        lists()
            .of(unicodeStrings(6))
            .ofSizeBetween(0, 4)
            .zip(
                lists().of(children).ofSize(4),
                (keys, values) -> {
                  ObjectNode object = NODES.objectNode();
                  for (int i = 0; i < keys.size(); i++) {
                    object.set(keys.get(i), values.get(i));
                  }
                  return (JsonNode) object;
                });
    return Generate.frequency(
        org.quicktheories.api.Pair.of(2, scalars),
        org.quicktheories.api.Pair.of(1, arrays),
        org.quicktheories.api.Pair.of(1, objects));
  }

  @Test
  void anyJsonValueInAnyUnicodeEncodingParsesToTheSameValue() {
    qt().forAll(jsonValues(3), Generate.pick(UNICODE_ENCODINGS), Generate.booleans())
        .checkAssert(
            (value, encoding, withByteOrderMark) -> {
              String text = (withByteOrderMark ? "\uFEFF" : "") + " " + write(value) + "\n";
              byte[] body = text.getBytes(Charset.forName(encoding));

              Payload payload = parser.parse(body, "application/json");

              assertThat(payload).isEqualTo(new Payload.Json(value, "application/json"));
            });
  }

  @Test
  void anyJsonValueWithADeclaredCharsetParsesToTheSameValue() {
    qt().forAll(jsonValues(2), Generate.pick(List.of("UTF-8", "UTF-16", "UTF-16LE", "UTF-32", "GB18030")))
        .checkAssert(
            (value, encoding) -> {
              byte[] body = write(value).getBytes(Charset.forName(encoding));
              String contentType = "application/json; charset=" + encoding;

              assertThat(parser.parse(body, contentType)).isEqualTo(new Payload.Json(value, contentType));
            });
  }

  @Test
  void anyTextInItsDeclaredCharsetDecodesToTheSameText() {
    qt().forAll(unicodeStrings(40), Generate.pick(List.of("UTF-8", "UTF-16", "UTF-16BE", "UTF-32LE", "GB18030")))
        .checkAssert(
            (text, encoding) -> {
              String contentType = "text/plain; charset=\"" + encoding + "\"";

              Payload payload = parser.parse(text.getBytes(Charset.forName(encoding)), contentType);

              assertThat(payload).isEqualTo(new Payload.Text(text, contentType));
            });
  }

  @Test
  void randomBodiesNeverFailWithAnythingButPayloadException() {
    Gen<String> contentTypes =
        Generate.pick(
            List.of(
                "application/json",
                "application/problem+json",
                "application/json; charset=utf-16",
                "application/json; charset=utf-32le",
                "text/plain",
                "text/plain; charset=us-ascii",
                "text/plain; charset=shift_jis",
                "text/plain; charset=utf-16",
                "text/plain; charset=x-unknown",
                "application/octet-stream"));
    Gen<byte[]> bodies =
        Generate.oneOf(
            Generate.byteArrays(integers().between(0, 64), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)),
            // JSON-looking bytes find more paths through the JSON reader than uniform noise.
            lists()
                .of(Generate.pick(List.of("{", "}", "[", "]", "\"", ":", ",", "1", "-", "e", ".", "null", "tru", " ", "\\", "\u00ff", "\u0000")))
                .ofSizeBetween(0, 30)
                .map(parts -> latin1(String.join("", parts))));
    qt().withExamples(5_000)
        .forAll(bodies, contentTypes)
        .checkAssert(
            (body, contentType) -> {
              Throwable thrown = catchThrowable(() -> parser.parse(body, contentType));
              if (thrown != null) {
                assertThat(thrown)
                    .isInstanceOf(PayloadException.class)
                    .hasMessageContaining("content-type " + contentType + ",");
              }
            });
  }

  private String write(JsonNode value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] latin1(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (char c : text.toCharArray()) {
      out.write(c);
    }
    return out.toByteArray();
  }
}
