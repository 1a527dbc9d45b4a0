package io.github.cortexj.core.project;

import io.github.cortexj.core.internal.project.IgnorePattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The patterns of a {@code .cortexignore} file, with git's gitignore semantics exactly: {@code *}, {@code **},
 * {@code ?}, ranges and negated classes, leading and inner {@code /} anchoring, trailing {@code /} for directories
 * only, {@code !} re-inclusion where the last matching line wins, {@code \} escapes, git's trailing-space rule,
 * comments and blank lines. {@code git check-ignore} is the oracle (Cortex's own Go library is a re-implementation
 * that can differ).
 *
 * <p>A pattern that can never match (for example {@code a/[b} or {@code foo\}) is skipped, as git and Cortex skip it
 * silently, and reported in {@link #warnings()} as {@code .cortexignore:<line>: pattern "..." can never match;
 * skipped}.
 *
 * <p>Immutable and thread safe.
 */
public final class IgnoreRules {

  private static final IgnoreRules NONE = new IgnoreRules(new IgnorePattern[0], List.of());

  private final IgnorePattern[] patterns;
  private final List<String> warnings;

  private IgnoreRules(IgnorePattern[] patterns, List<String> warnings) {
    this.patterns = patterns;
    this.warnings = warnings;
  }

  /**
   * Returns rules that ignore nothing, for a project without {@code .cortexignore}.
   *
   * @return the empty rules
   */
  public static IgnoreRules none() {
    return NONE;
  }

  /**
   * Parses the text of a {@code .cortexignore} file.
   *
   * @param text the file's content
   * @return the rules
   */
  public static IgnoreRules parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses the bytes of a {@code .cortexignore} file as git reads a {@code .gitignore}: a UTF-8 byte order mark is
   * skipped, lines end at {@code \n} (a {@code \r} before it is dropped), a line starting with {@code #} is a
   * comment, unescaped trailing spaces are trimmed, and a line is cut at a NUL byte.
   *
   * @param content the file's bytes
   * @return the rules
   */
  public static IgnoreRules parse(byte[] content) {
    Objects.requireNonNull(content, "content");
    int start = 0;
    if (content.length >= 3
        && (content[0] & 0xff) == 0xef
        && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf) {
      start = 3;
    }
    List<IgnorePattern> compiled = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int lineNumber = 1;
    int entry = start;
    for (int i = start; i <= content.length; i++) {
      // Git appends a newline to the buffer, so the last line counts even without one.
      if (i == content.length || content[i] == '\n') {
        if (entry != i && content[entry] != '#') {
          int end = i;
          if (end > entry && content[end - 1] == '\r') {
            end--;
          }
          byte[] line = trimTrailingSpaces(cutAtNul(Arrays.copyOfRange(content, entry, end)));
          addPattern(line, lineNumber, compiled, warnings);
        }
        lineNumber++;
        entry = i + 1;
      }
    }
    if (compiled.isEmpty() && warnings.isEmpty()) {
      return NONE;
    }
    return new IgnoreRules(compiled.toArray(new IgnorePattern[0]), List.copyOf(warnings));
  }

  private static void addPattern(
      byte[] line, int lineNumber, List<IgnorePattern> compiled, List<String> warnings) {
    if (line.length == 0) {
      return; // a blank line (possibly made of spaces) is a separator
    }
    IgnorePattern pattern = IgnorePattern.compile(line, lineNumber);
    if (pattern.canNeverMatch()) {
      warnings.add(
          ".cortexignore:" + lineNumber + ": pattern \"" + pattern.text() + "\" can never match; skipped");
      return;
    }
    compiled.add(pattern);
  }

  private static byte[] cutAtNul(byte[] line) {
    for (int i = 0; i < line.length; i++) {
      if (line[i] == 0) {
        return Arrays.copyOf(line, i);
      }
    }
    return line;
  }

  /** Git's trim_trailing_spaces: drop trailing spaces unless escaped; a trailing backslash keeps them all. */
  private static byte[] trimTrailingSpaces(byte[] line) {
    int lastSpace = -1;
    for (int i = 0; i < line.length; i++) {
      byte b = line[i];
      if (b == ' ') {
        if (lastSpace < 0) {
          lastSpace = i;
        }
      } else if (b == '\\') {
        i++;
        if (i >= line.length) {
          return line;
        }
        lastSpace = -1;
      } else {
        lastSpace = -1;
      }
    }
    return lastSpace < 0 ? line : Arrays.copyOf(line, lastSpace);
  }

  /**
   * Tells whether the last pattern that matches this path ignores it. Parent directories are not consulted: see
   * {@link #excludes(String, boolean)} for the walk's verdict.
   *
   * @param relativePath a root-relative path with {@code /} separators and no leading or trailing slash, for
   *     example {@code data/raw/a.csv}
   * @param directory whether the path names a directory (patterns ending in {@code /} match only directories)
   * @return true when the path is ignored by its own last matching pattern
   */
  public boolean isIgnored(String relativePath, boolean directory) {
    byte[] path = pathBytes(relativePath);
    return isIgnored(path, basenameStart(path, path.length), directory);
  }

  /**
   * Tells whether the project walk leaves this path out: the path or one of its parent directories is ignored. A
   * file under an ignored directory cannot be re-included by a {@code !} pattern, as in git.
   *
   * @param relativePath a root-relative path with {@code /} separators and no leading or trailing slash
   * @param directory whether the path names a directory
   * @return true when the path is excluded
   */
  public boolean excludes(String relativePath, boolean directory) {
    byte[] path = pathBytes(relativePath);
    if (patterns.length == 0) {
      return false;
    }
    for (int i = 0; i < path.length; i++) {
      if (path[i] == '/') {
        byte[] parent = Arrays.copyOf(path, i);
        if (isIgnored(parent, basenameStart(parent, i), true)) {
          return true;
        }
      }
    }
    return isIgnored(path, basenameStart(path, path.length), directory);
  }

  /**
   * Returns the warnings about skipped patterns, in line order, each naming {@code .cortexignore:<line>}.
   *
   * @return the warnings, empty when every pattern can match
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Returns whether there are no effective patterns, so nothing is ignored.
   *
   * @return true when no pattern can ignore anything
   */
  public boolean isEmpty() {
    return patterns.length == 0;
  }

  private boolean isIgnored(byte[] path, int basenameStart, boolean directory) {
    for (int i = patterns.length - 1; i >= 0; i--) {
      IgnorePattern pattern = patterns[i];
      if (pattern.matches(path, basenameStart, directory)) {
        return !pattern.negative();
      }
    }
    return false;
  }

  private static byte[] pathBytes(String relativePath) {
    Objects.requireNonNull(relativePath, "relativePath");
    if (relativePath.isEmpty()) {
      throw new IllegalArgumentException("relativePath must not be empty");
    }
    return relativePath.getBytes(StandardCharsets.UTF_8);
  }

  private static int basenameStart(byte[] path, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (path[i] == '/') {
        return i + 1;
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return "IgnoreRules[" + patterns.length + " patterns]";
  }
}
