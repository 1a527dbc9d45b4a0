package io.github.cortexj.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class S3GlobTest {

  /** Path-like text without glob metacharacters: letters, digits, '.', '-', '_' and '/'. */
  private static final Gen<String> LITERAL =
      strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 20).map(s -> s.replaceAll("[^A-Za-z0-9._/-]", "_"));

  private static final Gen<String> SEGMENT = LITERAL.map(s -> s.replace("/", ""));

  @Test
  void singleStarMatchesWithinOneSegmentOnly() {
    S3Glob glob = S3Glob.compile("s3://bucket/images/*.jpg");
    assertThat(glob.matches("s3://bucket/images/cat.jpg")).isTrue();
    assertThat(glob.matches("s3://bucket/images/2021/cat.jpg")).isFalse();
  }

  @Test
  void doubleStarCrossesSegments() {
    assertThat(S3Glob.compile("**.jpg").matches("s3://bucket/images/2021/cat.jpg")).isTrue();
    assertThat(S3Glob.compile("*.jpg").matches("s3://bucket/cat.jpg")).isFalse();
  }

  @Test
  void questionMarkMatchesOneCharacterThatIsNotASlash() {
    S3Glob glob = S3Glob.compile("s3://b/img?.png");
    assertThat(glob.matches("s3://b/img1.png")).isTrue();
    assertThat(glob.matches("s3://b/img12.png")).isFalse();
    assertThat(S3Glob.compile("s3://b?c").matches("s3://b/c")).isFalse();
  }

  @Test
  void characterClassesAndNegatedClasses() {
    assertThat(S3Glob.compile("s3://b/[abc].txt").matches("s3://b/b.txt")).isTrue();
    assertThat(S3Glob.compile("s3://b/[a-c].txt").matches("s3://b/d.txt")).isFalse();
    assertThat(S3Glob.compile("s3://b/[!a-c].txt").matches("s3://b/d.txt")).isTrue();
    assertThat(S3Glob.compile("s3://b/[!a-c].txt").matches("s3://b/a.txt")).isFalse();
  }

  @Test
  void bracesAreAlternationAndNest() {
    S3Glob glob = S3Glob.compile("**.{jpg,png,{gif,webp}}");
    assertThat(glob.matches("s3://b/x/a.png")).isTrue();
    assertThat(glob.matches("s3://b/x/a.webp")).isTrue();
    assertThat(glob.matches("s3://b/x/a.bmp")).isFalse();
  }

  @Test
  void regexMetacharactersAreLiteral() {
    assertThat(S3Glob.compile("s3://b/a+b(1).txt").matches("s3://b/a+b(1).txt")).isTrue();
    assertThat(S3Glob.compile("s3://b/a.txt").matches("s3://b/aXtxt")).isFalse();
  }

  @Test
  void refusesUnclosedClassesAndBraces() {
    assertThatThrownBy(() -> S3Glob.compile("s3://b/[abc"))
        .hasMessage("unclosed character class '[' at position 7");
    assertThatThrownBy(() -> S3Glob.compile("s3://b/{a,b")).hasMessage("unclosed '{' in pattern");
  }

  @Test
  void aLiteralPatternMatchesExactlyItself() {
    qt().forAll(LITERAL, LITERAL)
        .check((pattern, text) -> S3Glob.compile(pattern).matches(text) == pattern.equals(text));
  }

  @Test
  void doubleStarMatchesEverything() {
    qt().forAll(LITERAL).check(text -> S3Glob.compile("**").matches(text));
  }

  @Test
  void singleStarMatchesExactlyTheTextsWithoutASlash() {
    qt().forAll(LITERAL).check(text -> S3Glob.compile("*").matches(text) == !text.contains("/"));
  }

  @Test
  void prefixStarMatchesEveryFileDirectlyUnderThePrefix() {
    qt().forAll(SEGMENT, SEGMENT)
        .check((dir, name) -> S3Glob.compile("s3://b/" + dir + "/*").matches("s3://b/" + dir + "/" + name));
  }

  @Test
  void alternationMatchesEitherBranch() {
    qt().forAll(SEGMENT, SEGMENT, SEGMENT)
        .assuming((a, b, c) -> !a.isEmpty() && !b.isEmpty())
        .check(
            (a, b, c) ->
                S3Glob.compile("{" + a + "," + b + "}").matches(c) == (c.equals(a) || c.equals(b)));
  }
}
