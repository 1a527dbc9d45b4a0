package io.github.cortexj.core.payload;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.Charset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadParserTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final PayloadParser parser = new PayloadParser(mapper);

  private JsonNode json(String text) throws Exception {
    return mapper.readTree(text);
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static void assertFails(ThrowingCallable call, String kind, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessage(message);
  }

  // --- JSON ---

  @Test
  void parsesAJsonObject() throws Exception {
    Payload payload = parser.parse("{\"a\": [1, 2.5, \"x\"]}".getBytes(UTF_8), "application/json");

    assertThat(payload).isEqualTo(new Payload.Json(json("{\"a\":[1,2.5,\"x\"]}"), "application/json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "\"text\"", "42", "-1.5e3", "true", "null"})
  void parsesAnyTopLevelJsonValue(String body) throws Exception {
    Payload payload = parser.parse(body.getBytes(UTF_8), "application/json");

    assertThat(payload).isEqualTo(new Payload.Json(json(body), "application/json"));
  }

  @Test
  void parsesJsonNullAsANullNode() {
    Payload payload = parser.parse("null".getBytes(UTF_8), "application/json");

    assertThat(((Payload.Json) payload).value()).isEqualTo(JsonNodeFactory.instance.nullNode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/vnd.api+json",
        "application/json-patch+json",
        "Application/JSON",
        "application/json; charset=utf-8",
        "application/json; foo=bar"
      })
  void parsesStructuredSuffixAndAnyCaseAsJson(String contentType) throws Exception {
    Payload payload = parser.parse("{\"k\":1}".getBytes(UTF_8), contentType);

    assertThat(payload).isEqualTo(new Payload.Json(json("{\"k\":1}"), contentType));
  }

  @Test
  void keepsTheContentTypeVerbatim() {
    Payload payload = parser.parse("{}".getBytes(UTF_8), " Application/JSON ;charset=\"UTF-8\"");

    assertThat(payload.contentType()).isEqualTo(" Application/JSON ;charset=\"UTF-8\"");
  }

  @Test
  void detectsUtf16LittleEndianJsonWithoutACharset() throws Exception {
    Payload payload = parser.parse("{\"caf\u00e9\": \"\u2603\"}".getBytes(UTF_16LE), "application/json");

    assertThat(((Payload.Json) payload).value()).isEqualTo(json("{\"caf\u00e9\":\"\u2603\"}"));
  }

  @Test
  void detectsUtf32BigEndianJsonWithoutACharset() throws Exception {
    Payload payload = parser.parse("[\"\uD83D\uDE00\"]".getBytes(Charset.forName("UTF-32BE")), "application/json");

    assertThat(((Payload.Json) payload).value()).isEqualTo(json("[\"\uD83D\uDE00\"]"));
  }

  @Test
  void skipsAUtf8ByteOrderMarkInJson() throws Exception {
    byte[] body = ("\uFEFF[1]").getBytes(UTF_8);

    assertThat(((Payload.Json) parser.parse(body, "application/json")).value()).isEqualTo(json("[1]"));
  }

  @Test
  void decodesJsonInTheDeclaredCharset() throws Exception {
    byte[] body = "{\"name\": \"caf\u00e9\"}".getBytes(ISO_8859_1);

    Payload payload = parser.parse(body, "application/json; charset=ISO-8859-1");

    assertThat(((Payload.Json) payload).value()).isEqualTo(json("{\"name\":\"caf\u00e9\"}"));
  }

  @Test
  void skipsAByteOrderMarkInJsonWithADeclaredCharset() throws Exception {
    byte[] body = "\uFEFF[true]".getBytes(UTF_16BE);

    assertThat(((Payload.Json) parser.parse(body, "application/json; charset=utf-16be")).value())
        .isEqualTo(json("[true]"));
  }

  @Test
  void rejectsContentAfterTheJsonValue() {
    assertFails(
        () -> parser.parse("{\"a\":1} {}".getBytes(UTF_8), "application/json"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type application/json, could not be decoded to JSON: unexpected"
            + " content after the JSON value at line 1, column 9");
  }

  @Test
  void rejectsAnUnclosedObject() {
    assertFails(
        () -> parser.parse("{\"a\":1".getBytes(UTF_8), "application/json"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type application/json, could not be decoded to JSON: Unexpected"
            + " end-of-input: expected close marker for Object at line 1, column 7");
  }

  @Test
  void rejectsTwoConcatenatedScalars() {
    assertFails(
        () -> parser.parse("1 2".getBytes(UTF_8), "application/json"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type application/json, could not be decoded to JSON: unexpected"
            + " content after the JSON value at line 1, column 3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t"})
  void rejectsABodyWithoutAJsonValue(String body) {
    assertFails(
        () -> parser.parse(body.getBytes(UTF_8), "application/json"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type application/json, could not be decoded to JSON: the body holds"
            + " no JSON value");
  }

  @Test
  void rejectsTruncatedJsonNamingTheContentType() {
    assertFails(
        () -> parser.parse("{\"a\":".getBytes(UTF_8), "application/vnd.api+json"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type application/vnd.api+json, could not be decoded to JSON:"
            + " Unexpected end-of-input within/between Object entries at line 1, column 6");
  }

  @Test
  void rejectsAnUnknownToken() {
    assertFails(
        () -> parser.parse("{\"a\": nul}".getBytes(UTF_8), "application/json"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type application/json, could not be decoded to JSON: Unrecognized"
            + " token 'nul': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
            + " 'false') at line 1, column 7");
  }

  @Test
  void rejectsInvalidUtf8InsideAJsonString() {
    assertFails(
        () -> parser.parse(bytes('"', 0xff, '"'), "application/json"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type application/json, could not be decoded to JSON: Invalid UTF-8"
            + " start byte 0xff at line 1, column 3");
  }

  @Test
  void rejectsNanWithADefaultMapper() {
    assertThatThrownBy(() -> parser.parse("NaN".getBytes(UTF_8), "application/json"))
        .isInstanceOf(PayloadException.class)
        .hasMessageStartingWith(
            "the uploaded payload, with content-type application/json, could not be decoded to JSON: Non-standard"
                + " token 'NaN'");
  }

  @Test
  void acceptsNanLikePythonWhenTheMapperAllowsIt() {
    PayloadParser lenient =
        new PayloadParser(JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build());

    Payload payload = lenient.parse("[NaN, Infinity]".getBytes(UTF_8), "application/json");

    JsonNode value = ((Payload.Json) payload).value();
    assertThat(value.get(0).doubleValue()).isNaN();
    assertThat(value.get(1).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void rejectsJsonBytesInvalidInTheDeclaredCharset() {
    assertFails(
        () -> parser.parse(bytes('[', '"', 0xc3, '"', ']'), "application/json; charset=utf-8"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type application/json; charset=utf-8, could not be decoded to a"
            + " UTF-8 string: malformed input of 1 byte at byte offset 2");
  }

  @Test
  void rejectsJsonWithAnUnknownCharset() {
    assertFails(
        () -> parser.parse("{}".getBytes(UTF_8), "application/json; charset=klingon"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type application/json; charset=klingon, could not be decoded:"
            + " charset \"klingon\" is not supported");
  }

  // --- text/plain ---

  @Test
  void decodesTextAsUtf8ByDefault() {
    Payload payload = parser.parse("caf\u00e9 \u2603".getBytes(UTF_8), "text/plain");

    assertThat(payload).isEqualTo(new Payload.Text("caf\u00e9 \u2603", "text/plain"));
  }

  @Test
  void decodesTextInTheDeclaredCharset() {
    Payload payload = parser.parse(bytes('c', 'a', 'f', 0xe9), "text/plain; charset=ISO-8859-1");

    assertThat(payload).isEqualTo(new Payload.Text("caf\u00e9", "text/plain; charset=ISO-8859-1"));
  }

  @Test
  void decodesUtf16TextWithAByteOrderMark() {
    Payload payload = parser.parse(bytes(0xff, 0xfe, 'h', 0, 'i', 0), "text/plain; charset=\"utf-16\"");

    assertThat(((Payload.Text) payload).value()).isEqualTo("hi");
  }

  @Test
  void keepsAnEmptyTextBody() {
    assertThat(parser.parse(new byte[0], "text/plain")).isEqualTo(new Payload.Text("", "text/plain"));
  }

  @Test
  void rejectsInvalidUtf8TextNamingTheOffset() {
    assertFails(
        () -> parser.parse(bytes('o', 'k', 0xff, 'x'), "text/plain"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type text/plain, could not be decoded to a UTF-8 string: malformed"
            + " input of 1 byte at byte offset 2");
  }

  @Test
  void rejectsATruncatedUtf8SequenceAtTheEnd() {
    assertFails(
        () -> parser.parse(bytes('a', 0xe2, 0x98), "text/plain; charset=utf-8"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type text/plain; charset=utf-8, could not be decoded to a UTF-8"
            + " string: malformed input of 2 bytes at byte offset 1");
  }

  @Test
  void rejectsAnOddNumberOfUtf16Bytes() {
    assertFails(
        () -> parser.parse(bytes(0, 'h', 0), "text/plain; charset=utf-16be"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type text/plain; charset=utf-16be, could not be decoded to a UTF-16BE"
            + " string: malformed input of 1 byte at byte offset 2");
  }

  @Test
  void rejectsBytesThatMapToNoCharacter() {
    assertFails(
        () -> parser.parse(bytes('a', 0x81), "text/plain; charset=windows-1252"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type text/plain; charset=windows-1252, could not be decoded to a"
            + " windows-1252 string: unmappable input of 1 byte at byte offset 1");
  }

  @Test
  void rejectsAnUnknownCharset() {
    assertFails(
        () -> parser.parse("hi".getBytes(UTF_8), "text/plain; charset=klingon"),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type text/plain; charset=klingon, could not be decoded: charset"
            + " \"klingon\" is not supported");
  }

  @Test
  void rejectsAnIllegalCharsetName() {
    assertFails(
        () -> parser.parse("hi".getBytes(UTF_8), "text/plain; charset=\"utf 8\""),
        "async.payload_decode_failed",
        "the uploaded payload, with content-type text/plain; charset=\"utf 8\", could not be decoded: charset"
            + " \"utf 8\" is not supported");
  }

  // --- bytes ---

  @ParameterizedTest
  @ValueSource(strings = {"application/octet-stream", "image/png", "text/html; charset=utf-8", "text/csv", "application/jsonx"})
  void handsOtherMediaTypesOverAsTheSameBytes(String contentType) {
    byte[] body = bytes(0x00, 0xff, '{');

    Payload payload = parser.parse(body, contentType);

    assertThat(payload).isInstanceOfSatisfying(Payload.Bytes.class, b -> assertThat(b.value()).isSameAs(body));
    assertThat(payload.contentType()).isEqualTo(contentType);
  }

  // --- the Content-Type header itself ---

  @Test
  void rejectsAMissingContentType() {
    assertFails(
        () -> parser.parse(new byte[0], null),
        "async.invalid_content_type",
        "the uploaded payload has no Content-Type header (it is missing or blank)");
  }

  @Test
  void rejectsABlankContentType() {
    assertFails(
        () -> parser.parse(new byte[0], " \t"),
        "async.invalid_content_type",
        "the uploaded payload has no Content-Type header (it is missing or blank)");
  }

  @Test
  void rejectsAMalformedContentType() {
    assertFails(
        () -> parser.parse(new byte[0], "application/json; charset"),
        "async.invalid_content_type",
        "invalid Content-Type header \"application/json; charset\": expected '=' after parameter name"
            + " \"charset\" at index 25");
  }
}
