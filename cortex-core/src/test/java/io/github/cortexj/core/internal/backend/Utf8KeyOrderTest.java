package io.github.cortexj.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class Utf8KeyOrderTest {

  @Test
  void ordersCharactersAboveTheBmpAfterTheTopOfTheBmp() {
    String fullwidthA = "\uFF21";
    String grinningFace = "\uD83D\uDE00";

    assertThat(Utf8KeyOrder.INSTANCE.compare(fullwidthA, grinningFace)).isNegative();
    assertThat(fullwidthA.compareTo(grinningFace)).isPositive(); // Java's order differs
  }

  @Test
  void ordersAPrefixBeforeItsExtensions() {
    assertThat(Utf8KeyOrder.INSTANCE.compare("jobs", "jobs/1")).isNegative();
    assertThat(Utf8KeyOrder.INSTANCE.compare("jobs/1", "jobs")).isPositive();
    assertThat(Utf8KeyOrder.INSTANCE.compare("jobs", "jobs")).isZero();
  }

  @Test
  void agreesWithComparingUtf8BytesUnsigned() {
    // Units from every range whose UTF-8 length or surrogate handling differs.
    Gen<String> unit =
        arbitrary()
            .pick("a", "~", "\u007F", "\u0080", "é", "\u07FF", "\u0800", "\uD7FF", "\uE000", "\uFF21", "\uFFFF",
                "\uD800\uDC00", "\uD83D\uDE00", "\uDBFF\uDFFF");
    Gen<String> text = lists().of(unit).ofSizeBetween(0, 6).map(parts -> String.join("", parts));

    qt().withExamples(2000)
        .forAll(text, text)
        .checkAssert(
            (a, b) ->
                assertThat(Integer.signum(Utf8KeyOrder.INSTANCE.compare(a, b)))
                    .isEqualTo(
                        Integer.signum(
                            Arrays.compareUnsigned(
                                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)))));
  }

  @Test
  void sortKeyOrderAgreesWithTheComparator() {
    qt().withExamples(3000)
        .forAll(keys(), keys())
        .checkAssert(
            (a, b) ->
                assertThat(Integer.signum(Utf8KeyOrder.sortKey(a).compareTo(Utf8KeyOrder.sortKey(b))))
                    .isEqualTo(Integer.signum(Utf8KeyOrder.INSTANCE.compare(a, b))));
  }

  @Test
  void sortKeysAreEqualOnlyForEqualKeys() {
    qt().withExamples(3000)
        .forAll(keys(), keys())
        .checkAssert(
            (a, b) -> assertThat(Utf8KeyOrder.sortKey(a).equals(Utf8KeyOrder.sortKey(b))).isEqualTo(a.equals(b)));
  }

  @Test
  void sortKeyOfAPrefixIsAPrefixOfTheSortKey() {
    qt().withExamples(3000)
        .forAll(keys(), keys())
        .checkAssert(
            (a, b) ->
                assertThat(Utf8KeyOrder.sortKey(a).startsWith(Utf8KeyOrder.sortKey(b)))
                    .isEqualTo(a.startsWith(b)));
  }

  @Test
  void sortKeyOfAKeyBelowTheSurrogatesIsTheKeyItself() {
    String key = "apis/iris/workloads/3f1c/status/in_queue\u00e9\uD7FF";

    assertThat(Utf8KeyOrder.sortKey(key)).isSameAs(key);
  }

  @Test
  void sortKeyRanksSurrogatesAboveTheTopOfTheBmp() {
    assertThat(Utf8KeyOrder.sortKey("a\uD83D\uDE00")).isEqualTo("a\uF83D\uFE00");
    assertThat(Utf8KeyOrder.sortKey("a\uFF21")).isEqualTo("a\uF721");
  }

  /** Keys of units from every range the ranking treats apart, lone surrogates included, with many shared prefixes. */
  private static Gen<String> keys() {
    Gen<String> unit =
        arbitrary()
            .pick("a", "b", "/", "\u007F", "\u00e9", "\uD7FF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uE000",
                "\uF7FF", "\uF800", "\uFF21", "\uFFFF", "\uD83D\uDE00");
    return lists().of(unit).ofSizeBetween(0, 5).map(parts -> String.join("", parts));
  }
}
