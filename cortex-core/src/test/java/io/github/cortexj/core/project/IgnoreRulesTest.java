package io.github.cortexj.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

  private static IgnoreRules rules(String text) {
    return IgnoreRules.parse(text);
  }

  @Test
  void starMatchesWithinOneSegmentOfTheBasename() {
    IgnoreRules rules = rules("*.log\n");
    assertThat(rules.isIgnored("a.log", false)).isTrue();
    assertThat(rules.isIgnored("deep/dir/b.log", false)).isTrue();
    assertThat(rules.isIgnored("a.log.txt", false)).isFalse();
  }

  @Test
  void starDoesNotCrossSlashInAnAnchoredPattern() {
    IgnoreRules rules = rules("src/*.py\n");
    assertThat(rules.isIgnored("src/a.py", false)).isTrue();
    assertThat(rules.isIgnored("src/pkg/a.py", false)).isFalse();
  }

  @Test
  void leadingDoubleStarMatchesInAnyDirectory() {
    IgnoreRules rules = rules("**/cache\n");
    assertThat(rules.isIgnored("cache", true)).isTrue();
    assertThat(rules.isIgnored("a/b/cache", false)).isTrue();
  }

  @Test
  void trailingDoubleStarMatchesEverythingInside() {
    IgnoreRules rules = rules("build/**\n");
    assertThat(rules.isIgnored("build/a", false)).isTrue();
    assertThat(rules.isIgnored("build/x/y/z", false)).isTrue();
    assertThat(rules.isIgnored("build", true)).isFalse();
  }

  @Test
  void innerDoubleStarMatchesZeroOrMoreDirectories() {
    IgnoreRules rules = rules("a/**/b\n");
    assertThat(rules.isIgnored("a/b", false)).isTrue();
    assertThat(rules.isIgnored("a/x/b", false)).isTrue();
    assertThat(rules.isIgnored("a/x/y/b", false)).isTrue();
    assertThat(rules.isIgnored("c/a/b", false)).isFalse();
  }

  @Test
  void doubleStarNotBetweenSlashesActsAsOneStar() {
    IgnoreRules rules = rules("x/a**b\n");
    assertThat(rules.isIgnored("x/aqb", false)).isTrue();
    assertThat(rules.isIgnored("x/a/b", false)).isFalse();
  }

  @Test
  void doubleStarRightAfterTheLiteralPrefixSpansDirectoriesAsInGit() {
    // git compares the literal prefix "a" first and matches "**/b" as a fresh pattern, so "**" counts as "**/".
    IgnoreRules rules = rules("a**/b\n");
    assertThat(rules.isIgnored("a/x/y/b", false)).isTrue();
    assertThat(rules.isIgnored("ax/b", false)).isTrue();
  }

  @Test
  void doubleStarBeforeDoubledOrTrailingSlashesStillMatchesAsInGit() {
    // Found by GitIgnoreDifferentialTest: git ignores the directory "b" for "b**//" and the file "b/x" for
    // "b**//x", because "**/" after the literal prefix matches nothing. Such patterns are not "never matching".
    IgnoreRules trailing = rules("b**//\n");
    assertThat(trailing.warnings()).isEmpty();
    assertThat(trailing.isIgnored("b", true)).isTrue();
    assertThat(trailing.excludes("b/a", false)).isTrue();
    assertThat(trailing.isIgnored("bx", true)).isFalse();

    IgnoreRules inner = rules("b**//x\n");
    assertThat(inner.warnings()).isEmpty();
    assertThat(inner.isIgnored("b/x", false)).isTrue();
  }

  @Test
  void questionMarkMatchesOneCharacterButNotSlash() {
    IgnoreRules rules = rules("a?c\nx/y?z\n");
    assertThat(rules.isIgnored("abc", false)).isTrue();
    assertThat(rules.isIgnored("ac", false)).isFalse();
    assertThat(rules.isIgnored("x/y/z", false)).isFalse();
  }

  @Test
  void rangeMatchesCharactersBetweenItsBounds() {
    IgnoreRules rules = rules("file[0-2]\n");
    assertThat(rules.isIgnored("file1", false)).isTrue();
    assertThat(rules.isIgnored("file3", false)).isFalse();
  }

  @Test
  void negatedClassMatchesCharactersOutsideIt() {
    IgnoreRules rules = rules("v[!a]\nw[^a]\n");
    assertThat(rules.isIgnored("vb", false)).isTrue();
    assertThat(rules.isIgnored("va", false)).isFalse();
    assertThat(rules.isIgnored("wb", false)).isTrue();
    assertThat(rules.isIgnored("wa", false)).isFalse();
  }

  @Test
  void reversedRangeStillMatchesItsFirstCharacterAsGitDoes() {
    IgnoreRules rules = rules("[b-a]\n");
    assertThat(rules.warnings()).isEmpty();
    assertThat(rules.isIgnored("b", false)).isTrue();
    assertThat(rules.isIgnored("a", false)).isFalse();
  }

  @Test
  void posixClassMatchesItsCharacters() {
    IgnoreRules rules = rules("n[[:digit:]]\n");
    assertThat(rules.isIgnored("n7", false)).isTrue();
    assertThat(rules.isIgnored("nx", false)).isFalse();
  }

  @Test
  void leadingSlashAnchorsToTheRoot() {
    IgnoreRules rules = rules("/todo\n");
    assertThat(rules.isIgnored("todo", false)).isTrue();
    assertThat(rules.isIgnored("sub/todo", false)).isFalse();
  }

  @Test
  void innerSlashAnchorsToTheRoot() {
    IgnoreRules rules = rules("doc/frotz\n");
    assertThat(rules.isIgnored("doc/frotz", false)).isTrue();
    assertThat(rules.isIgnored("a/doc/frotz", false)).isFalse();
  }

  @Test
  void patternWithoutSlashMatchesAtAnyDepth() {
    IgnoreRules rules = rules("frotz\n");
    assertThat(rules.isIgnored("frotz", true)).isTrue();
    assertThat(rules.isIgnored("a/b/frotz", false)).isTrue();
  }

  @Test
  void trailingSlashMatchesDirectoriesOnly() {
    IgnoreRules rules = rules("logs/\n");
    assertThat(rules.isIgnored("logs", true)).isTrue();
    assertThat(rules.isIgnored("a/logs", true)).isTrue();
    assertThat(rules.isIgnored("logs", false)).isFalse();
  }

  @Test
  void negationReincludesAndTheLastMatchingLineWins() {
    IgnoreRules rules = rules("*.txt\n!keep.txt\n");
    assertThat(rules.isIgnored("a.txt", false)).isTrue();
    assertThat(rules.isIgnored("keep.txt", false)).isFalse();
    IgnoreRules reversed = rules("!keep.txt\n*.txt\n");
    assertThat(reversed.isIgnored("keep.txt", false)).isTrue();
  }

  @Test
  void fileUnderAnExcludedDirectoryCannotBeReincluded() {
    IgnoreRules rules = rules("data/\n!data/keep.csv\n");
    assertThat(rules.isIgnored("data/keep.csv", false)).isFalse();
    assertThat(rules.excludes("data/keep.csv", false)).isTrue();
  }

  @Test
  void reincludedDirectoryIsNotPruned() {
    IgnoreRules rules = rules("d*\n!data\n");
    assertThat(rules.excludes("data/x", false)).isFalse();
    assertThat(rules.excludes("dump/x", false)).isTrue();
  }

  @Test
  void escapedHashMatchesALiteralHash() {
    IgnoreRules rules = rules("\\#notes\n");
    assertThat(rules.isIgnored("#notes", false)).isTrue();
  }

  @Test
  void escapedBangMatchesALiteralBang() {
    IgnoreRules rules = rules("\\!important\n");
    assertThat(rules.isIgnored("!important", false)).isTrue();
  }

  @Test
  void escapedWildcardMatchesItselfOnly() {
    IgnoreRules rules = rules("a\\*\n");
    assertThat(rules.isIgnored("a*", false)).isTrue();
    assertThat(rules.isIgnored("ab", false)).isFalse();
  }

  @Test
  void trailingSpacesAreTrimmed() {
    IgnoreRules rules = rules("name   \n");
    assertThat(rules.isIgnored("name", false)).isTrue();
    assertThat(rules.isIgnored("name ", false)).isFalse();
  }

  @Test
  void escapedTrailingSpaceIsKept() {
    IgnoreRules rules = rules("name\\ \n");
    assertThat(rules.isIgnored("name ", false)).isTrue();
    assertThat(rules.isIgnored("name", false)).isFalse();
  }

  @Test
  void leadingSpacesArePartOfThePattern() {
    IgnoreRules rules = rules(" lead\n");
    assertThat(rules.isIgnored(" lead", false)).isTrue();
    assertThat(rules.isIgnored("lead", false)).isFalse();
  }

  @Test
  void commentAndBlankLinesMatchNothing() {
    IgnoreRules rules = rules("# comment\n\n   \n");
    assertThat(rules.isEmpty()).isTrue();
    assertThat(rules.warnings()).isEmpty();
    assertThat(rules.isIgnored("# comment", false)).isFalse();
  }

  @Test
  void carriageReturnLineEndingsAreAccepted() {
    IgnoreRules rules = rules("a.txt\r\nb.txt\r\n");
    assertThat(rules.isIgnored("a.txt", false)).isTrue();
    assertThat(rules.isIgnored("b.txt", false)).isTrue();
  }

  @Test
  void byteOrderMarkIsSkipped() {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] text = "secret\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(text, 0, content, bom.length, text.length);
    assertThat(IgnoreRules.parse(content).isIgnored("secret", false)).isTrue();
  }

  @Test
  void lastLineWithoutNewlineCounts() {
    assertThat(rules("a\nb").isIgnored("b", false)).isTrue();
  }

  @Test
  void unterminatedClassIsSkippedWithAWarningNamingTheLine() {
    IgnoreRules rules = rules("ok\na/[b\n");
    assertThat(rules.warnings())
        .containsExactly(".cortexignore:2: pattern \"a/[b\" can never match; skipped");
    assertThat(rules.isIgnored("ok", false)).isTrue();
  }

  @Test
  void trailingBackslashIsSkippedWithAWarning() {
    assertThat(rules("foo\\\n").warnings())
        .containsExactly(".cortexignore:1: pattern \"foo\\\" can never match; skipped");
  }

  @Test
  void slashOnlyAndBangOnlyPatternsAreSkippedWithAWarning() {
    assertThat(rules("/\n!\n").warnings())
        .containsExactly(
            ".cortexignore:1: pattern \"/\" can never match; skipped",
            ".cortexignore:2: pattern \"!\" can never match; skipped");
  }

  @Test
  void classOfOnlySlashAndDoubledSlashAreSkippedWithAWarning() {
    assertThat(rules("x[/]\na//b\n").warnings())
        .containsExactly(
            ".cortexignore:1: pattern \"x[/]\" can never match; skipped",
            ".cortexignore:2: pattern \"a//b\" can never match; skipped");
  }

  @Test
  void unknownPosixClassIsSkippedWithAWarning() {
    assertThat(rules("x[[:nope:]]\n").warnings())
        .containsExactly(".cortexignore:1: pattern \"x[[:nope:]]\" can never match; skipped");
  }

  @Test
  void doubleStarWithLettersStillMatchesInGitSoItIsNotSkipped() {
    IgnoreRules rules = rules("a/**b/\n");
    assertThat(rules.warnings()).isEmpty();
    assertThat(rules.isIgnored("a/xb", true)).isTrue();
  }

  @Test
  void noneIgnoresNothing() {
    assertThat(IgnoreRules.none().excludes("a/b", false)).isFalse();
    assertThat(IgnoreRules.none().isEmpty()).isTrue();
  }
}
