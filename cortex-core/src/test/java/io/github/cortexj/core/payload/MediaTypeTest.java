package io.github.cortexj.core.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypeTest {

  @Test
  void parsesTypeSubtypeAndParametersInOrder() {
    MediaType mediaType = MediaType.parse("text/plain; format=flowed; charset=utf-8");

    assertThat(mediaType.type()).isEqualTo("text");
    assertThat(mediaType.subtype()).isEqualTo("plain");
    assertThat(mediaType.parameters()).containsExactly(Map.entry("format", "flowed"), Map.entry("charset", "utf-8"));
  }

  @Test
  void lowerCasesTypeSubtypeAndParameterNamesButKeepsValueCase() {
    MediaType mediaType = MediaType.parse("Application/JSON; Profile=\"HTTP://Example.COM/P\"");

    assertThat(mediaType.essence()).isEqualTo("application/json");
    assertThat(mediaType.parameters()).containsExactly(Map.entry("profile", "HTTP://Example.COM/P"));
  }

  @Test
  void lowerCasesTheCharsetValue() {
    assertThat(MediaType.parse("text/plain; CHARSET=UTF-16LE").charset()).contains("utf-16le");
  }

  @Test
  void looksUpParametersIgnoringCase() {
    assertThat(MediaType.parse("text/plain; Format=flowed").parameter("FORMAT")).contains("flowed");
  }

  @Test
  void reportsAMissingParameterAsEmpty() {
    assertThat(MediaType.parse("text/plain").charset()).isEmpty();
  }

  @Test
  void unescapesQuotedStringValues() {
    MediaType mediaType = MediaType.parse("text/plain; title=\"a \\\"b\\\" \\\\ c;d=e\"");

    assertThat(mediaType.parameter("title")).contains("a \"b\" \\ c;d=e");
  }

  @Test
  void treatsQuotedAndTokenValuesAlike() {
    assertThat(MediaType.parse("text/plain;charset=\"utf-8\"")).isEqualTo(MediaType.parse("text/plain; charset=utf-8"));
  }

  @Test
  void acceptsOptionalWhitespaceAroundSemicolonsAndTheValue() {
    MediaType mediaType = MediaType.parse(" \ttext/plain \t; \tcharset=utf-8 ;\t");

    assertThat(mediaType).isEqualTo(MediaType.of("text", "plain").withParameter("charset", "utf-8"));
  }

  @Test
  void skipsEmptyParameters() {
    assertThat(MediaType.parse("text/plain;;charset=utf-8;").parameters()).containsExactly(Map.entry("charset", "utf-8"));
  }

  @Test
  void acceptsObsTextInQuotedStrings() {
    assertThat(MediaType.parse("text/plain; name=\"caf\u00e9\"").parameter("name")).contains("caf\u00e9");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``|the value is blank",
        "` \t`|the value is blank",
        "text|expected '/' after the type at index 4",
        "/plain|expected a type at index 0",
        "text/|expected a subtype at index 5",
        "text/pl@in|expected ';' or the end of the value at index 7",
        "text/plain charset=utf-8|expected ';' or the end of the value at index 11",
        "text/plain; charset|expected '=' after parameter name \"charset\" at index 19",
        "text/plain; charset = utf-8|expected '=' after parameter name \"charset\" at index 19",
        "text/plain; charset=|expected a value at index 20",
        "text/plain; =utf-8|expected a parameter name at index 12",
        "text/plain; charset=\"utf-8|unterminated quoted string at index 20",
        "text/plain; charset=\"utf-8\\|unterminated quoted string at index 20",
        "text/plain; charset=utf-8; CHARSET=latin1|duplicate parameter \"charset\" at index 27",
        "text/plain; charset=\"utf-8\"x|expected ';' or the end of the value at index 27",
        "text/plain; a=b c|expected ';' or the end of the value at index 16",
      })
  void rejectsMalformedValuesNamingTheHeaderAndIndex(String value, String problem) {
    assertThatThrownBy(() -> MediaType.parse(value))
        .isInstanceOfSatisfying(
            PayloadException.class, e -> assertThat(e.kind()).isEqualTo("async.invalid_content_type"))
        .hasMessage("invalid Content-Type header \"" + value + "\": " + problem);
  }

  @Test
  void rejectsAControlCharacterInAQuotedString() {
    assertThatThrownBy(() -> MediaType.parse("text/plain; a=\"x\u0001\""))
        .isInstanceOf(PayloadException.class)
        .hasMessage("invalid Content-Type header \"text/plain; a=\"x\u0001\"\": unexpected character in a quoted"
            + " string at index 16");
  }

  @Test
  void rejectsACharacterAboveLatin1() {
    assertThatThrownBy(() -> MediaType.parse("text/plain; a=\"\u20ac\""))
        .isInstanceOf(PayloadException.class)
        .hasMessageEndingWith("unexpected character in a quoted string at index 15");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "APPLICATION/Json", "application/vnd.api+json", "application/json-patch+json"})
  void recognisesJsonMediaTypes(String value) {
    assertThat(MediaType.parse(value).isJson()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/jsonx", "application/+json", "text/json", "application/json-seq", "text/plain"})
  void doesNotTreatOtherMediaTypesAsJson(String value) {
    assertThat(MediaType.parse(value).isJson()).isFalse();
  }

  @Test
  void recognisesPlainTextInAnyCase() {
    assertThat(MediaType.parse("Text/Plain; charset=utf-8").isPlainText()).isTrue();
    assertThat(MediaType.parse("text/html").isPlainText()).isFalse();
  }

  @Test
  void formatsTokenValuesBareAndOthersQuoted() {
    MediaType mediaType =
        MediaType.of("text", "plain")
            .withParameter("charset", "UTF-8")
            .withParameter("title", "a \"b\" \\c")
            .withParameter("empty", "");

    assertThat(mediaType.format()).isEqualTo("text/plain; charset=utf-8; title=\"a \\\"b\\\" \\\\c\"; empty=\"\"");
    assertThat(mediaType).hasToString(mediaType.format());
  }

  @Test
  void replacesAnExistingParameterInPlace() {
    MediaType mediaType = MediaType.parse("text/plain; charset=utf-8; format=flowed").withParameter("Charset", "utf-16");

    assertThat(mediaType.format()).isEqualTo("text/plain; charset=utf-16; format=flowed");
  }

  @Test
  void rejectsATypeThatIsNotAToken() {
    assertThatThrownBy(() -> MediaType.of("te xt", "plain"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("type \"te xt\" is not an RFC 9110 token");
  }

  @Test
  void rejectsAValueThatAHeaderCannotCarry() {
    assertThatThrownBy(() -> MediaType.of("text", "plain").withParameter("a", "x\ny"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of parameter \"a\" has a character that a header cannot carry at index 1");
  }

  @Test
  void rejectsParametersThatDifferOnlyInCase() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("charset", "utf-8");
    parameters.put("Charset", "utf-16");

    assertThatThrownBy(() -> new MediaType("text", "plain", parameters))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate parameter \"charset\"");
  }

  @Test
  void exposesUnmodifiableParameters() {
    MediaType mediaType = MediaType.parse("text/plain; charset=utf-8");

    assertThatThrownBy(() -> mediaType.parameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }
}
