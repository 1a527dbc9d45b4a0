package io.github.cortexj.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class DotEnvTest {

  @Test
  void readsKeyValueLinesInFileOrder() {
    assertThat(DotEnv.parse("B=2\nA=1\n")).containsExactly(entry("B", "2"), entry("A", "1"));
  }

  @Test
  void skipsBlankLinesAndComments() {
    assertThat(DotEnv.parse("\n# comment\n   \n  # indented\nA=1\n")).containsExactly(entry("A", "1"));
  }

  @Test
  void acceptsExportPrefix() {
    assertThat(DotEnv.parse("export A=1\n")).containsExactly(entry("A", "1"));
  }

  @Test
  void splitsOnTheFirstEquals() {
    assertThat(DotEnv.parse("URL=a=b\n")).containsExactly(entry("URL", "a=b"));
  }

  @Test
  void singleQuotesAreLiteral() {
    assertThat(DotEnv.parse("A='$HOME `x` \\n \"'\n")).containsExactly(entry("A", "$HOME `x` \\n \""));
  }

  @Test
  void doubleQuotesUnescapeBashEscapesOnly() {
    assertThat(DotEnv.parse("A=\"q\\\" d\\$ b\\\\ n\\n\"\n")).containsExactly(entry("A", "q\" d$ b\\ n\\n"));
  }

  @Test
  void quotedValuesMaySpanLines() {
    assertThat(DotEnv.parse("A='one\ntwo'\nB=3\n")).containsExactly(entry("A", "one\ntwo"), entry("B", "3"));
  }

  @Test
  void unquotedValueEndsBeforeTrailingWhitespaceAndComment() {
    assertThat(DotEnv.parse("A=value   # note\nB=x\t\n")).containsExactly(entry("A", "value"), entry("B", "x"));
  }

  @Test
  void hashInsideAWordIsPartOfTheValue() {
    assertThat(DotEnv.parse("A=a#b\n")).containsExactly(entry("A", "a#b"));
  }

  @Test
  void emptyValueIsAnEmptyString() {
    assertThat(DotEnv.parse("A=\nB=''\n")).containsExactly(entry("A", ""), entry("B", ""));
  }

  @Test
  void laterAssignmentWinsButKeepsTheFirstPosition() {
    assertThat(DotEnv.parse("A=1\nB=2\nA=3\n")).containsExactly(entry("A", "3"), entry("B", "2"));
  }

  @Test
  void literalDollarBashKeepsIsAccepted() {
    assertThat(DotEnv.parse("A=5$\nB=\"$ x\"\n")).containsExactly(entry("A", "5$"), entry("B", "$ x"));
  }

  @Test
  void rejectsCommandSubstitution() {
    assertThatThrownBy(() -> DotEnv.parse("A=1\nB=$(rm -rf /)\n"))
        .isInstanceOf(DotEnvException.class)
        .hasMessage(".env:2: command substitution $(...): bash would execute it")
        .satisfies(e -> assertThat(((DotEnvException) e).line()).isEqualTo(2));
  }

  @Test
  void rejectsBackticks() {
    assertThatThrownBy(() -> DotEnv.parse("A=\"`id`\"\n"))
        .hasMessage(".env:1: command substitution `...`: bash would execute it");
  }

  @Test
  void rejectsVariableExpansionOutsideSingleQuotes() {
    assertThatThrownBy(() -> DotEnv.parse("A=$HOME\n"))
        .hasMessage(".env:1: variable expansion $VAR: bash would expand it; use single quotes for a literal $");
    assertThatThrownBy(() -> DotEnv.parse("A=\"${HOME}\"\n"))
        .hasMessage(".env:1: variable expansion $VAR: bash would expand it; use single quotes for a literal $");
  }

  @Test
  void rejectsWhitespaceAroundEquals() {
    assertThatThrownBy(() -> DotEnv.parse("A = b\n"))
        .hasMessage(".env:1: whitespace around '=': bash would run \"A\" as a command; write KEY=VALUE");
    assertThatThrownBy(() -> DotEnv.parse("A= b\n"))
        .hasMessage(".env:1: whitespace around '=': bash would set A to empty and run the rest as a command");
  }

  @Test
  void rejectsUnquotedValueWithInnerSpaces() {
    assertThatThrownBy(() -> DotEnv.parse("A=hello world\n"))
        .hasMessage(".env:1: unquoted value with inner whitespace: bash would run the rest as a command; quote the"
            + " value");
  }

  @Test
  void rejectsInvalidNames() {
    assertThatThrownBy(() -> DotEnv.parse("1A=b\n"))
        .hasMessage(".env:1: invalid name \"1A\": names are letters, digits and underscores, not starting with a"
            + " digit");
    assertThatThrownBy(() -> DotEnv.parse("A-B=c\n")).hasMessageStartingWith(".env:1: invalid name \"A-B\"");
  }

  @Test
  void rejectsLinesThatAreCommands() {
    assertThatThrownBy(() -> DotEnv.parse("A=1\necho hi\n"))
        .hasMessage(".env:2: command \"echo\": bash would run it; expected KEY=VALUE");
  }

  @Test
  void rejectsCommandSeparators() {
    assertThatThrownBy(() -> DotEnv.parse("A=b;rm x\n"))
        .hasMessage(".env:1: command separator ';': bash would treat it as shell syntax; quote the value");
  }

  @Test
  void rejectsTildeExpansion() {
    assertThatThrownBy(() -> DotEnv.parse("A=~/x\n"))
        .hasMessage(".env:1: tilde expansion ~: bash would replace it with a home directory; quote it");
  }

  @Test
  void rejectsBraceExpansionAfterExport() {
    assertThatThrownBy(() -> DotEnv.parse("export A={a,b}\n"))
        .hasMessage(".env:1: brace expansion {...} after export: quote the value");
    assertThat(DotEnv.parse("A={a,b}\n")).containsExactly(entry("A", "{a,b}"));
  }

  @Test
  void rejectsUnterminatedQuoteNamingTheLineWhereItStarts() {
    assertThatThrownBy(() -> DotEnv.parse("A=1\nB='open\nC=2\n"))
        .hasMessage(".env:2: unterminated single quote: close the quote");
  }

  @Test
  void rejectsCarriageReturns() {
    assertThatThrownBy(() -> DotEnv.parse("A=1\r\n"))
        .hasMessage(".env:1: carriage return: bash keeps it in the value; save the file with LF line endings");
  }

  @Test
  void rejectsReadOnlyBashVariables() {
    assertThatThrownBy(() -> DotEnv.parse("UID=0\n"))
        .hasMessage(".env:1: read-only variable \"UID\": bash refuses to assign it");
  }

  @Test
  void errorHasTheInvalidEnvKind() {
    assertThatThrownBy(() -> DotEnv.parse("A=$(x)\n"))
        .isInstanceOfSatisfying(
            DotEnvException.class,
            e -> {
              assertThat(e.kind()).isEqualTo("project.invalid_env");
              assertThat(e.construct()).isEqualTo("command substitution $(...)");
            });
  }
}
