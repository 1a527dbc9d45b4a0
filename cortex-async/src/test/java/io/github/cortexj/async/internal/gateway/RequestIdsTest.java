package io.github.cortexj.async.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  private static final Pattern DOCUMENTED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  @Test
  void agreesWithTheDocumentedPatternExceptForDotAndDotDot() {
    qt().withExamples(2000)
        .forAll(strings().betweenCodePoints(0x20, 0x7f).ofLengthBetween(0, 130)
            .mix(strings().betweenCodePoints('-', '9').ofLengthBetween(0, 3), 30))
        .checkAssert(
            id ->
                assertThat(RequestIds.problem(id).isEmpty())
                    .as(id)
                    .isEqualTo(DOCUMENTED.matcher(id).matches() && !id.equals(".") && !id.equals("..")));
  }

  @Test
  void generatedIdsAreValid() {
    assertThat(RequestIds.problem(io.github.cortexj.async.internal.runtime.RequestIds.generate(java.time.Clock.systemUTC()))).isEmpty();
  }

  @Test
  void problemIsEmptyForAValidId() {
    assertThat(RequestIds.problem("abc")).isEmpty();
  }

  @Test
  void rejectsNonAsciiLettersNamingTheHeader() {
    assertThat(RequestIds.problem("é"))
        .hasValue(
            "error: invalid x-request-id header \"é\": expected 1 to 128 characters of A-Z, a-z, 0-9, '.', '_' and"
                + " '-' (and not \".\" or \"..\")");
  }
}
