package io.github.cortexj.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ObjectKeysTest {

  @Test
  void acceptsCortexShapedKey() {
    String key = "apis/iris-classifier/workloads/7f3e9a1c/status/in_queue";

    assertThat(ObjectKeys.validate(key)).isSameAs(key);
  }

  @Test
  void reportsControlCharacterBeforeAnEarlierBadSegment() {
    assertThatThrownBy(() -> ObjectKeys.validate("a//b\u0001"))
        .isInstanceOf(BackendException.class)
        .hasMessage("invalid object key \"a//b\\u0001\": it contains the control character U+0001");
  }

  @Test
  void refusesAnUnpairedSurrogateWhichUtf8CannotEncode() {
    assertThat(ObjectKeys.validate("a/\uD83D\uDE00")).isEqualTo("a/\uD83D\uDE00");
    assertThatThrownBy(() -> ObjectKeys.validate("a/\uD83Dx"))
        .isInstanceOf(BackendException.class)
        .hasMessage("invalid object key \"a/\uD83Dx\": it contains the unpaired surrogate U+D83D, which is no"
            + " character and has no UTF-8 encoding");
    assertThatThrownBy(() -> ObjectKeys.validatePrefix("a/\uDE00"))
        .hasMessageEndingWith(": it contains the unpaired surrogate U+DE00, which is no character and has no UTF-8"
            + " encoding");
  }

  @Test
  void countsLengthInUtf8Bytes() {
    assertThat(ObjectKeys.validate("\u00e9".repeat(512))).hasSize(512);
    assertThatThrownBy(() -> ObjectKeys.validate("\u00e9".repeat(512) + "a"))
        .isInstanceOf(BackendException.class)
        .hasMessageEndingWith(": it is longer than 1024 bytes");
  }

  @Test
  void validateReportsWhatTheRuleByRuleCheckReports() {
    qt().withExamples(5000)
        .forAll(keys())
        .checkAssert(key -> assertThat(outcome(key, false)).isEqualTo(ruleByRule(key, false)));
  }

  @Test
  void validatePrefixReportsWhatTheRuleByRuleCheckReports() {
    qt().withExamples(5000)
        .forAll(keys())
        .checkAssert(prefix -> assertThat(outcome(prefix, true)).isEqualTo(ruleByRule(prefix, true)));
  }

  private static Gen<String> keys() {
    Gen<String> unit =
        arbitrary()
            .pick("a", "/", ".", "..", "\u0000", "\u001F", "\u007F", "\u0085", "\u00e9", "\u20AC", "\uD83D\uDE00",
                "\uD800", "\uDE00", "\uD83D", "x".repeat(300), "\u20AC".repeat(120));
    return lists().of(unit).ofSizeBetween(0, 7).map(parts -> String.join("", parts));
  }

  /** The problem {@link ObjectKeys} reports, without its "invalid object key ..." preamble, or empty. */
  private static Optional<String> outcome(String key, boolean prefix) {
    try {
      if (prefix) {
        ObjectKeys.validatePrefix(key);
      } else {
        ObjectKeys.validate(key);
      }
      return Optional.empty();
    } catch (BackendException e) {
      assertThat(e.kind()).isEqualTo("storage.invalid_key");
      String message = e.getMessage();
      return Optional.of(message.substring(message.lastIndexOf("\": ") + 3));
    }
  }

  /** The previous implementation: each rule checked in turn over the whole key. */
  private static Optional<String> ruleByRule(String key, boolean prefix) {
    if (prefix && key.isEmpty()) {
      return Optional.empty();
    }
    if (key.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (key.getBytes(StandardCharsets.UTF_8).length > ObjectKeys.MAX_KEY_BYTES) {
      return Optional.of("it is longer than 1024 bytes");
    }
    if (key.startsWith("/")) {
      return Optional.of("it starts with /");
    }
    for (int i = 0; i < key.length(); i++) {
      if (Character.isISOControl(key.charAt(i))) {
        return Optional.of("it contains the control character U+" + String.format("%04X", (int) key.charAt(i)));
      }
      if (Character.isLowSurrogate(key.charAt(i)) && (i == 0 || !Character.isHighSurrogate(key.charAt(i - 1)))
          || Character.isHighSurrogate(key.charAt(i))
              && (i + 1 == key.length() || !Character.isLowSurrogate(key.charAt(i + 1)))) {
        return Optional.of("it contains the unpaired surrogate U+" + String.format("%04X", (int) key.charAt(i))
            + ", which is no character and has no UTF-8 encoding");
      }
    }
    String[] segments = key.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.isEmpty() && !(last && prefix)) {
        return Optional.of(last ? "it ends with /" : "it contains an empty path segment");
      }
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("it contains a \"" + segment + "\" path segment");
      }
    }
    return Optional.empty();
  }
}
