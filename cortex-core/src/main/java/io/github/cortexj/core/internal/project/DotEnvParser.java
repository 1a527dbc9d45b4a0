package io.github.cortexj.core.internal.project;

import io.github.cortexj.core.project.DotEnvException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses the subset of bash that {@code .env} files use, giving the same variables as Cortex's
 * {@code set -a; source .env} would, and refusing (with a {@link DotEnvException}) everything bash would execute or
 * expand. Supported: blank lines, {@code #} comments, an optional {@code export }, {@code KEY=VALUE} split on the
 * first {@code =}, values made of unquoted words, {@code '...'} (literal) and {@code "..."} (backslash escapes of
 * {@code $ ` " \} and newline) parts, and a trailing {@code # comment} after blanks.
 *
 * <p>One parser reads one text; create a new one per call. Not thread safe.
 */
public final class DotEnvParser {

  /** Variables bash will not let a script assign (assigning one aborts Cortex's bootloader). */
  private static final Set<String> READ_ONLY =
      Set.of("BASHOPTS", "BASH_VERSINFO", "EUID", "PPID", "SHELLOPTS", "UID");

  private final String text;
  private int pos;
  private int line = 1;

  private DotEnvParser(String text) {
    this.text = text;
  }

  /**
   * Parses a {@code .env} text.
   *
   * @param text the file's content
   * @return the variables in file order (a variable set twice keeps its first position and its last value)
   * @throws DotEnvException naming {@code .env:<line>} and the construct when the text is outside the subset
   */
  public static Map<String, String> parse(String text) {
    return new DotEnvParser(text).parseAll();
  }

  private Map<String, String> parseAll() {
    Map<String, String> variables = new LinkedHashMap<>();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new DotEnvException(lineAt(nul), "NUL byte", "bash drops it; remove it");
    }
    int cr = text.indexOf('\r');
    if (cr >= 0) {
      throw new DotEnvException(
          lineAt(cr), "carriage return", "bash keeps it in the value; save the file with LF line endings");
    }
    while (pos < text.length()) {
      parseLine(variables);
    }
    return variables;
  }

  private int lineAt(int index) {
    int n = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return text.charAt(pos);
  }

  private void skipBlanks() {
    while (!atEnd() && isBlank(peek())) {
      pos++;
    }
  }

  /** Consumes the rest of the line including its newline. */
  private void endLine() {
    while (!atEnd() && peek() != '\n') {
      pos++;
    }
    if (!atEnd()) {
      pos++;
      line++;
    }
  }

  private void parseLine(Map<String, String> variables) {
    skipBlanks();
    if (atEnd()) {
      return;
    }
    char c = peek();
    if (c == '\n' || c == '#') {
      endLine();
      return;
    }
    int startLine = line;
    String word = readNameWord();
    boolean exported = false;
    if (word.equals("export") && !atEnd() && isBlank(peek())) {
      exported = true;
      skipBlanks();
      if (atEnd() || peek() == '\n' || peek() == '#') {
        throw new DotEnvException(startLine, "export without an assignment", "write export KEY=VALUE");
      }
      word = readNameWord();
    }
    if (atEnd() || peek() != '=') {
      if (!atEnd() && isBlank(peek())) {
        int save = pos;
        skipBlanks();
        if (!atEnd() && peek() == '=') {
          throw new DotEnvException(
              startLine, "whitespace around '='", "bash would run \"" + word + "\" as a command; write KEY=VALUE");
        }
        pos = save;
      }
      if (word.isEmpty()) {
        throw new DotEnvException(startLine, unsupportedStart(), "expected KEY=VALUE");
      }
      throw new DotEnvException(
          startLine, "command \"" + word + "\"", "bash would run it; expected KEY=VALUE");
    }
    if (!isValidName(word)) {
      throw new DotEnvException(
          startLine,
          "invalid name \"" + word + "\"",
          "names are letters, digits and underscores, not starting with a digit");
    }
    if (READ_ONLY.contains(word)) {
      throw new DotEnvException(startLine, "read-only variable \"" + word + "\"", "bash refuses to assign it");
    }
    pos++; // '='
    if (!atEnd() && isBlank(peek())) {
      skipBlanks();
      if (!atEnd() && peek() != '\n' && peek() != '#') {
        throw new DotEnvException(
            startLine, "whitespace around '='", "bash would set " + word + " to empty and run the rest as a command");
      }
      variables.put(word, "");
      endLine();
      return;
    }
    String value = readValue(exported);
    // After the value: blanks, then end of line or a comment.
    if (!atEnd() && isBlank(peek())) {
      skipBlanks();
      if (!atEnd() && peek() != '\n' && peek() != '#') {
        throw new DotEnvException(
            line, "unquoted value with inner whitespace", "bash would run the rest as a command; quote the value");
      }
    }
    if (!atEnd() && peek() != '\n' && peek() != '#') {
      throw new DotEnvException(line, describe(peek()), "quote the value");
    }
    variables.put(word, value);
    endLine();
  }

  private String unsupportedStart() {
    return describe(peek());
  }

  /** Reads characters that may form a name (stops at '=', blanks, newline, quotes and shell syntax). */
  private String readNameWord() {
    int start = pos;
    while (!atEnd()) {
      char c = peek();
      if (c == '=' || isBlank(c) || c == '\n' || isShellSyntax(c) || c == '\'' || c == '"' || c == '\\'
          || c == '$' || c == '`') {
        break;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isShellSyntax(char c) {
    return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
  }

  static boolean isValidName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    char first = name.charAt(0);
    if (!(first == '_' || (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z'))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private String readValue(boolean exported) {
    StringBuilder value = new StringBuilder();
    boolean wordStart = true;
    while (!atEnd()) {
      char c = peek();
      if (c == '\n' || isBlank(c)) {
        break;
      }
      if (c == '\'') {
        readSingleQuoted(value);
      } else if (c == '"') {
        readDoubleQuoted(value);
      } else {
        checkUnquoted(c, wordStart, value);
        if (exported && c == '{') {
          // "export" takes an ordinary word, so bash brace-expands it (a plain assignment is not expanded).
          throw new DotEnvException(line, "brace expansion {...} after export", "quote the value");
        }
        value.append(c);
        pos++;
      }
      wordStart = false;
    }
    return value.toString();
  }

  private void checkUnquoted(char c, boolean wordStart, StringBuilder soFar) {
    if (c == '$') {
      checkDollar(false);
    } else if (c == '`') {
      throw new DotEnvException(line, "command substitution `...`", "bash would execute it");
    } else if (c == '\\') {
      throw new DotEnvException(line, "backslash outside quotes", "bash would drop it; quote the value");
    } else if (isShellSyntax(c)) {
      throw new DotEnvException(line, describe(c), "bash would treat it as shell syntax; quote the value");
    } else if (c == '~' && (wordStart || (soFar.length() > 0 && soFar.charAt(soFar.length() - 1) == ':'))) {
      throw new DotEnvException(line, "tilde expansion ~", "bash would replace it with a home directory; quote it");
    }
  }

  /** Rejects a '$' that bash would expand; a '$' bash keeps literally is allowed. */
  private void checkDollar(boolean inDoubleQuotes) {
    char next = pos + 1 < text.length() ? text.charAt(pos + 1) : '\n';
    if (next == '(') {
      throw new DotEnvException(line, "command substitution $(...)", "bash would execute it");
    }
    if (next == '{' || next == '_' || Character.isLetterOrDigit(next) || "@*#?$!-".indexOf(next) >= 0) {
      throw new DotEnvException(
          line, "variable expansion $VAR", "bash would expand it; use single quotes for a literal $");
    }
    if (next == '[') {
      throw new DotEnvException(line, "arithmetic expansion $[...]", "bash would evaluate it");
    }
    if (!inDoubleQuotes && (next == '\'' || next == '"')) {
      throw new DotEnvException(line, "dollar quoting $'...'", "bash would translate it; use plain quotes");
    }
  }

  private void readSingleQuoted(StringBuilder value) {
    int startLine = line;
    pos++;
    while (true) {
      if (atEnd()) {
        throw new DotEnvException(startLine, "unterminated single quote", "close the quote");
      }
      char c = peek();
      pos++;
      if (c == '\'') {
        return;
      }
      if (c == '\n') {
        line++;
      }
      value.append(c);
    }
  }

  private void readDoubleQuoted(StringBuilder value) {
    int startLine = line;
    pos++;
    while (true) {
      if (atEnd()) {
        throw new DotEnvException(startLine, "unterminated double quote", "close the quote");
      }
      char c = peek();
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '$') {
        checkDollar(true);
      } else if (c == '`') {
        throw new DotEnvException(line, "command substitution `...`", "bash would execute it");
      } else if (c == '\\' && pos + 1 < text.length()) {
        char next = text.charAt(pos + 1);
        if (next == '$' || next == '`' || next == '"' || next == '\\') {
          value.append(next);
          pos += 2;
          continue;
        }
        if (next == '\n') {
          pos += 2; // line continuation: both characters vanish
          line++;
          continue;
        }
      } else if (c == '\n') {
        line++;
      }
      value.append(c);
      pos++;
    }
  }

  private static String describe(char c) {
    switch (c) {
      case ';':
        return "command separator ';'";
      case '&':
        return "background or and-list '&'";
      case '|':
        return "pipe '|'";
      case '<':
      case '>':
        return "redirection '" + c + "'";
      case '(':
      case ')':
        return "subshell or array '" + c + "'";
      case '$':
        return "expansion '$'";
      case '`':
        return "command substitution `...`";
      case '\'':
      case '"':
        return "quote " + c;
      case '\\':
        return "backslash outside quotes";
      default:
        return "unexpected character '" + c + "'";
    }
  }
}
