package io.github.cortexj.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cortexj.core.backend.QueueBackend;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class OutgoingMessageRulesTest {

  /** The rule as SQS documents it, which the character loop replaces. */
  private static final Pattern FIFO_ID = Pattern.compile("[\\p{Alnum}\\p{Punct}]{1,128}");

  @Test
  void bodyBytesIsTheLengthOfTheEncodedBytes() {
    Gen<String> unit =
        arbitrary()
            .pick("a", "\u007F", "\u0080", "\u07FF", "\u0800", "\uD7FF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
                "\uE000", "\uFFFF", "\uD83D\uDE00");
    Gen<String> text = lists().of(unit).ofSizeBetween(0, 8).map(parts -> String.join("", parts));

    qt().withExamples(3000)
        .forAll(text)
        .checkAssert(
            t -> assertThat(QueueBackend.bodyBytes(t)).isEqualTo(t.getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void fifoIdCheckAgreesWithSqsPattern() {
    Gen<String> unit = arbitrary().pick("a", "Z", "0", "-", "!", "~", " ", "\u007F", "\u0000", "\u00e9", ":", "\u00A0");
    Gen<String> id = lists().of(unit).ofSizeBetween(0, 4).map(parts -> String.join("", parts));

    qt().withExamples(3000)
        .forAll(id)
        .checkAssert(i -> assertThat(OutgoingMessageRules.validFifoId(i)).isEqualTo(FIFO_ID.matcher(i).matches()));
  }

  @Test
  void fifoIdOfMoreThan128CharactersIsInvalid() {
    assertThat(OutgoingMessageRules.validFifoId("a".repeat(128))).isTrue();
    assertThat(OutgoingMessageRules.validFifoId("a".repeat(129))).isFalse();
  }
}
