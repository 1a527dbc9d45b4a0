package io.github.cortexj.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class QueueNamesTest {

  private static final String SQS_NAME = "[A-Za-z0-9_-]{1,75}\\.fifo";

  @Test
  void clusterHashIsTheFirstEightHexCharactersOfSha256() {
    // python3 -c "import hashlib; print(hashlib.sha256(b'cortex').hexdigest()[:8])"
    assertThat(QueueNames.clusterHash("cortex")).isEqualTo("1ee11af4");
  }

  @Test
  void buildsCortexBatchQueueName() {
    String hash = QueueNames.clusterHash("cortex");
    assertThat(QueueNames.batchJobQueue("cortex", "iris", "69b1c2d3e4f5a6b7"))
        .isEqualTo("cx_" + hash + "_b_iris_69b1c2d3e4f5a6b7.fifo");
  }

  @Test
  void buildsCortexAsyncQueueName() {
    String hash = QueueNames.clusterHash("cortex");
    assertThat(QueueNames.asyncQueue("cortex", "text-generator", "abcdefghij"))
        .isEqualTo("cx_" + hash + "_text-generator_abcdefghij.fifo");
  }

  @Test
  void longestCortexNamesFitUnchanged() {
    String api = "a".repeat(42);
    String name = QueueNames.batchJobQueue("cortex", api, "7fffffffffffffff");
    assertThat(name).hasSize(78).endsWith("_" + api + "_7fffffffffffffff.fifo");
  }

  @Test
  void shortensOverlongNameToEightyCharactersKeepingPrefixAndSuffix() {
    String id = "0123456789".repeat(5);
    String name = QueueNames.batchJobQueue("cortex", "a".repeat(42), id);
    // The 8 hex characters are python3's hashlib.sha256(b"a" * 42 + b"_" + b"0123456789" * 5).hexdigest()[:8].
    assertThat(name)
        .isEqualTo("cx_1ee11af4_b_" + "a".repeat(42) + "_" + "012345678-a1fced69.fifo")
        .hasSize(80);
  }

  @Test
  void shortenedNamesDifferWhenOnlyTheCutOffPartDiffers() {
    String api = "a".repeat(42);
    String first = QueueNames.batchJobQueue("cortex", api, "0".repeat(60) + "1");
    String second = QueueNames.batchJobQueue("cortex", api, "0".repeat(60) + "2");
    assertThat(first).isNotEqualTo(second).hasSize(80);
    assertThat(second).hasSize(80);
  }

  @Test
  void rejectsApiNameWithUnderscore() {
    assertThatThrownBy(() -> QueueNames.batchJobQueue("cortex", "my_api", "1"))
        .isInstanceOf(BackendException.class)
        .hasMessage(
            "API name \"my_api\" must be 1 to 42 characters of lowercase letters, digits and '-', starting with a"
                + " letter and not ending with '-'")
        .extracting(e -> ((BackendException) e).kind())
        .isEqualTo("queue.invalid_name");
  }

  @Test
  void rejectsApiNameLongerThanFortyTwo() {
    assertThatThrownBy(() -> QueueNames.asyncQueue("cortex", "a".repeat(43), "abcdefghij"))
        .isInstanceOf(BackendException.class)
        .hasMessageStartingWith("API name \"" + "a".repeat(43) + "\" must be 1 to 42 characters");
  }

  @Test
  void rejectsJobIdWithUnderscoreOrDot() {
    assertThatThrownBy(() -> QueueNames.batchJobQueue("cortex", "iris", "a_b"))
        .isInstanceOf(BackendException.class)
        .hasMessage(
            "job id \"a_b\" must be 1 to 256 characters of letters, digits and '-', starting with a letter or digit");
    assertThatThrownBy(() -> QueueNames.asyncQueue("cortex", "iris", "../x"))
        .isInstanceOf(BackendException.class)
        .hasMessageStartingWith("deployment id \"../x\" must be");
  }

  @Test
  void rejectsBlankClusterName() {
    assertThatThrownBy(() -> QueueNames.batchJobQueue(" ", "iris", "1"))
        .isInstanceOf(BackendException.class)
        .hasMessage("cluster name must not be blank");
  }

  @Test
  void everyNameIsAValidSqsFifoNameThatQueueSpecAccepts() {
    qt().forAll(apiNames(), ids())
        .checkAssert(
            (api, id) -> {
              String batch = QueueNames.batchJobQueue("cluster", api, id);
              String async = QueueNames.asyncQueue("cluster", api, id);
              for (String name : new String[] {batch, async}) {
                assertThat(name).matches(SQS_NAME);
                assertThat(QueueSpec.fifo(name, java.time.Duration.ofSeconds(60)).name()).isEqualTo(name);
              }
              assertThat(QueueNames.batchJobQueue("cluster", api, id)).isEqualTo(batch);
            });
  }

  @Test
  void namesThatFitAreExactlyCortexFormat() {
    // Cortex's own ids: API names up to 42 characters and up to 16 hex digits of job id always fit.
    qt().forAll(apiNames(), strings().betweenCodePoints('0', 'f').ofLengthBetween(1, 16).map(s -> s.replaceAll("[^0-9a-f]", "a")))
        .checkAssert(
            (api, id) ->
                assertThat(QueueNames.batchJobQueue("c", api, id))
                    .isEqualTo("cx_" + QueueNames.clusterHash("c") + "_b_" + api + "_" + id + ".fifo"));
  }

  @Test
  void differentIdsGiveDifferentNames() {
    qt().forAll(apiNames(), ids(), ids())
        .assuming((api, a, b) -> !a.equals(b))
        .checkAssert(
            (api, a, b) ->
                assertThat(QueueNames.batchJobQueue("c", api, a)).isNotEqualTo(QueueNames.batchJobQueue("c", api, b)));
  }

  private static Gen<String> apiNames() {
    Gen<String> middle = strings().betweenCodePoints('a', 'z').ofLengthBetween(0, 40);
    return middle.zip(integers().between(0, 9), (m, d) -> "a" + m.replace('q', '-') + d);
  }

  private static Gen<String> ids() {
    return strings().betweenCodePoints('0', '9').ofLengthBetween(0, 120).zip(
        strings().betweenCodePoints('a', 'f').ofLengthBetween(1, 20), (digits, hex) -> hex + digits);
  }
}
