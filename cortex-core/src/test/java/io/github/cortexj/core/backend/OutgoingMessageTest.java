package io.github.cortexj.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutgoingMessageTest {

  private static final String ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  @Test
  void acceptsEntryIdOfEightyAllowedCharacters() {
    String id = "a".repeat(40) + "Z9_-".repeat(10);

    assertThat(OutgoingMessage.fifo(id, "[]", Map.of()).entryId()).isEqualTo(id);
  }

  @Test
  void rejectsEmptyEntryId() {
    assertThatThrownBy(() -> OutgoingMessage.fifo("", "[]", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entryId must be 1 to 80 characters of [A-Za-z0-9_-]: ");
  }

  @Test
  void rejectsEntryIdOfEightyOneCharacters() {
    String id = "b".repeat(81);

    assertThatThrownBy(() -> OutgoingMessage.fifo(id, "[]", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entryId must be 1 to 80 characters of [A-Za-z0-9_-]: " + id);
  }

  @Test
  void acceptsExactlyTheEntryIdsTheSqsPatternAccepts() {
    qt().withExamples(2000)
        .forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 90))
        .checkAssert(
            id -> {
              boolean expected = id.matches("[A-Za-z0-9_-]{1,80}");
              boolean accepted;
              try {
                new OutgoingMessage(id, "[]", Map.of(), null, null);
                accepted = true;
              } catch (IllegalArgumentException e) {
                accepted = false;
              }
              assertThat(accepted).as("entry id %s", id).isEqualTo(expected);
            });
  }

  @Test
  void acceptsEveryAllowedCharacterAlone() {
    for (char c : ALLOWED.toCharArray()) {
      String id = String.valueOf(c);
      assertThat(new OutgoingMessage(id, "[]", Map.of(), null, null).entryId()).isEqualTo(id);
    }
  }
}
