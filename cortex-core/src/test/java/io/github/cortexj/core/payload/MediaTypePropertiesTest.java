package io.github.cortexj.core.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class MediaTypePropertiesTest {

  private static final String TOKEN_CHARS =
      "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  static Gen<String> tokens() {
    List<Character> alphabet = new ArrayList<>();
    for (char c : TOKEN_CHARS.toCharArray()) {
      alphabet.add(c);
    }
    return lists().of(Generate.pick(alphabet)).ofSizeBetween(1, 8).map(MediaTypePropertiesTest::join);
  }

  /** Values a header can carry: tab, visible ASCII, space and obs-text, with quotes and backslashes often. */
  static Gen<String> headerSafeValues() {
    Gen<Character> chars =
        Generate.oneOf(
            Generate.characters(0x20, 0x7e),
            Generate.characters(0x80, 0xff),
            Generate.pick(List.of('\t', '"', '\\', ';', '=', ' ')));
    return lists().of(chars).ofSizeBetween(0, 10).map(MediaTypePropertiesTest::join);
  }

  static Gen<MediaType> mediaTypes() {
    Gen<List<String>> names = lists().of(tokens()).ofSizeBetween(0, 4);
    Gen<List<String>> values = lists().of(headerSafeValues()).ofSize(4);
    return tokens()
        .zip(
            tokens(),
            names,
            values,
            (type, subtype, parameterNames, parameterValues) -> {
              Map<String, String> parameters = new LinkedHashMap<>();
              for (int i = 0; i < parameterNames.size(); i++) {
                parameters.putIfAbsent(parameterNames.get(i).toLowerCase(Locale.ROOT), parameterValues.get(i));
              }
              return new MediaType(type, subtype, parameters);
            });
  }

  @Test
  void parsingTheFormattedValueGivesTheSameMediaType() {
    qt().forAll(mediaTypes()).checkAssert(m -> assertThat(MediaType.parse(m.format())).isEqualTo(m));
  }

  @Test
  void typeAndSubtypeAreCaseInsensitive() {
    qt().forAll(tokens(), tokens())
        .checkAssert(
            (type, subtype) ->
                assertThat(MediaType.parse(type.toUpperCase(Locale.ROOT) + "/" + subtype))
                    .isEqualTo(MediaType.parse(type.toLowerCase(Locale.ROOT) + "/" + subtype.toUpperCase(Locale.ROOT))));
  }

  @Test
  void anyStringEitherParsesOrFailsWithPayloadException() {
    Gen<String> arbitrary =
        Generate.oneOf(
            strings().allPossible().ofLengthBetween(0, 30),
            lists()
                .of(Generate.pick(List.of("text", "/", "plain", ";", " ", "=", "\"", "\\", "a", "\t", "\u00e9", "\n")))
                .ofSizeBetween(0, 20)
                .map(parts -> String.join("", parts)));
    qt().withExamples(5_000)
        .forAll(arbitrary)
        .checkAssert(
            value -> {
              Throwable thrown = catchThrowable(() -> MediaType.parse(value));
              if (thrown != null) {
                assertThat(thrown)
                    .isInstanceOf(PayloadException.class)
                    .hasMessageStartingWith("invalid Content-Type header \"" + value + "\": ");
              }
            });
  }

  private static String join(List<Character> chars) {
    StringBuilder out = new StringBuilder(chars.size());
    chars.forEach(out::append);
    return out.toString();
  }
}
