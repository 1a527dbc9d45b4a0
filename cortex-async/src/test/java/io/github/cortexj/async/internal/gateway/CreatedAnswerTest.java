package io.github.cortexj.async.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CreatedAnswerTest {

  private final ObjectMapper mapper = new ObjectMapper();

  private String answer(String id) throws Exception {
    return new String(GatewayHandler.createdAnswer(id, mapper), StandardCharsets.UTF_8);
  }

  @Test
  void writesTheIdAsCortexDoesWithANewline() throws Exception {
    assertThat(answer("0f8fad5b-d9cb-469f-a165-70867728950e"))
        .isEqualTo("{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}\n");
  }

  @Test
  void escapesAnIdFromAClientThatBreaksTheIdRule() throws Exception {
    assertThat(answer("a\"b\\c/é")).isEqualTo("{\"id\":\"a\\\"b\\\\c/é\"}\n");
  }

  @Test
  void givesTheSameBytesAsTheJsonWriterForEveryValidId() {
    qt().forAll(
            strings().basicLatinAlphabet().ofLengthBetween(1, 128).map(s -> s.replaceAll("[^A-Za-z0-9._-]", "_")))
        .assuming(io.github.cortexj.async.internal.runtime.RequestIds::isValid)
        .checkAssert(
            id -> {
              try {
                assertThat(answer(id))
                    .isEqualTo(mapper.writeValueAsString(mapper.createObjectNode().put("id", id)) + "\n");
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }
}
