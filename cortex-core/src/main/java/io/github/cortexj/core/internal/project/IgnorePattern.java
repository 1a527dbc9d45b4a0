package io.github.cortexj.core.internal.project;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One compiled {@code .cortexignore} line, with git's flags ({@code !} negation, trailing {@code /} for directories
 * only, basename-only when the pattern has no {@code /}) and git's matching rules ({@code match_basename} and
 * {@code match_pathname} for a pattern file at the project root). Immutable and thread safe.
 */
public final class IgnorePattern {

  private final byte[] pattern;
  private final int line;
  private final String text;
  private final boolean negative;
  private final boolean directoryOnly;
  private final boolean basenameOnly;
  private final boolean endsWithLiteral;
  private final int literalPrefix;

  private IgnorePattern(byte[] line, int lineNumber) {
    this.line = lineNumber;
    this.text = new String(line, StandardCharsets.UTF_8);
    int start = 0;
    boolean neg = false;
    if (line.length > 0 && line[0] == '!') {
      neg = true;
      start = 1;
    }
    int end = line.length;
    boolean dirOnly = false;
    if (end > start && line[end - 1] == '/') {
      end--;
      dirOnly = true;
    }
    this.pattern = Arrays.copyOfRange(line, start, end);
    this.negative = neg;
    this.directoryOnly = dirOnly;
    boolean hasSlash = false;
    for (byte b : pattern) {
      if (b == '/') {
        hasSlash = true;
        break;
      }
    }
    this.basenameOnly = !hasSlash;
    this.literalPrefix = simpleLength(pattern, 0);
    this.endsWithLiteral =
        pattern.length > 0 && pattern[0] == '*' && simpleLength(pattern, 1) == pattern.length - 1;
  }

  /**
   * Compiles one pattern line, already stripped of its comment, carriage return and trailing spaces as git does.
   *
   * @param line the pattern bytes
   * @param lineNumber the 1-based line in the pattern file
   * @return the compiled pattern
   */
  public static IgnorePattern compile(byte[] line, int lineNumber) {
    return new IgnorePattern(line, lineNumber);
  }

  private static int simpleLength(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length && !GitWildmatch.isGlobSpecial(bytes[i] & 0xff)) {
      i++;
    }
    return i - from;
  }

  /** Returns the 1-based line number in the pattern file. */
  public int line() {
    return line;
  }

  /** Returns the line as written (after git's trimming). */
  public String text() {
    return text;
  }

  /** Returns true for a {@code !} pattern, which re-includes what it matches. */
  public boolean negative() {
    return negative;
  }

  /**
   * Tells whether the pattern matches a path, ignoring the pattern's sign.
   *
   * @param path the root-relative path as UTF-8 bytes, without leading or trailing slash
   * @param basenameStart the index of the first byte after the last slash (0 when there is none)
   * @param directory whether the path is a directory
   * @return true when the pattern matches
   */
  public boolean matches(byte[] path, int basenameStart, boolean directory) {
    if (directoryOnly && !directory) {
      return false;
    }
    if (basenameOnly) {
      return matchBasename(path, basenameStart);
    }
    return matchPathname(path);
  }

  private boolean matchBasename(byte[] path, int basenameStart) {
    int baseLength = path.length - basenameStart;
    if (literalPrefix == pattern.length) {
      return baseLength == pattern.length
          && Arrays.equals(pattern, 0, pattern.length, path, basenameStart, path.length);
    }
    if (endsWithLiteral) {
      int suffix = pattern.length - 1;
      return suffix <= baseLength
          && Arrays.equals(pattern, 1, pattern.length, path, path.length - suffix, path.length);
    }
    return GitWildmatch.matches(pattern, 0, pattern.length, path, basenameStart, path.length, false);
  }

  private boolean matchPathname(byte[] path) {
    int p = 0;
    int prefix = literalPrefix;
    if (pattern.length > 0 && pattern[0] == '/') {
      p = 1;
      prefix--;
    }
    if (path.length < 1) {
      return false;
    }
    int name = 0;
    if (prefix > 0) {
      if (prefix > path.length) {
        return false;
      }
      if (!Arrays.equals(pattern, p, p + prefix, path, 0, prefix)) {
        return false;
      }
      p += prefix;
      name = prefix;
      if (p == pattern.length && name == path.length) {
        return true;
      }
    }
    // Git matches the rest after the literal prefix as a fresh pattern; that decides whether a "**" right after
    // the prefix counts as "**/" (see git's match_pathname). Do the same.
    return GitWildmatch.matches(pattern, p, pattern.length, path, name, path.length, true);
  }

  /**
   * Tells whether no path can ever match this pattern (git keeps such patterns but they never fire): an empty
   * pattern, a trailing unescaped backslash, an unterminated or malformed {@code [...]}, a class that matches no
   * byte a name can hold, or literal slashes that no real path has (leading after the anchor, trailing, doubled).
   *
   * @return true when the pattern is dead
   */
  public boolean canNeverMatch() {
    int p = 0;
    if (!basenameOnly && pattern.length > 0 && pattern[0] == '/') {
      p = 1;
    }
    if (p == pattern.length) {
      return true;
    }
    // A "**" can make literal slashes match where no real path has them: git matches the rest of a pattern after its
    // literal prefix as a fresh pattern, so in "b**//" or "b**//x" the "**/" matches nothing and the path "b" or
    // "b/x" is ignored. Only patterns without "**" are judged on their slashes.
    boolean slashesDecide = !containsDoubleStar();
    boolean previousWasSlash = false;
    boolean first = true;
    while (p < pattern.length) {
      int c = pattern[p] & 0xff;
      boolean slash = false;
      if (c == '\\') {
        if (p + 1 >= pattern.length) {
          return true;
        }
        slash = pattern[p + 1] == '/';
        p += 2;
      } else if (c == '[') {
        long probe = GitWildmatch.bracket(pattern, p + 1, pattern.length, 'a');
        if (probe < 0) {
          return true;
        }
        boolean any = false;
        for (int b = 1; b < 256 && !any; b++) {
          if (b != '/' && (GitWildmatch.bracket(pattern, p + 1, pattern.length, b) & 1) != 0) {
            any = true;
          }
        }
        if (!any) {
          return true;
        }
        p = (int) (probe >>> 1) + 1;
      } else {
        slash = c == '/';
        p++;
      }
      if (slash && slashesDecide && (first || previousWasSlash)) {
        return true;
      }
      previousWasSlash = slash;
      first = false;
    }
    return previousWasSlash && slashesDecide;
  }

  private boolean containsDoubleStar() {
    for (int i = 0; i + 1 < pattern.length; i++) {
      if (pattern[i] == '\\') {
        i++;
      } else if (pattern[i] == '*' && pattern[i + 1] == '*') {
        return true;
      }
    }
    return false;
  }
}
