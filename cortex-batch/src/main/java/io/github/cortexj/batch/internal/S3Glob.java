package io.github.cortexj.batch.internal;

import java.util.regex.Pattern;

/**
 * A glob pattern with the semantics Cortex gets from {@code gobwas/glob} with {@code /} as the separator: {@code *}
 * matches within one path segment, {@code **} across segments, {@code ?} one character other than {@code /},
 * {@code [abc]}, {@code [a-z]} and {@code [!abc]} are character classes, {@code {a,b}} is alternation (nestable),
 * and {@code \} escapes the next character. Patterns match the whole string, which for job inputs is the full
 * {@code s3://bucket/key}.
 *
 * <p>Immutable and thread safe.
 */
public final class S3Glob {

  private final String pattern;
  private final Pattern regex;

  private S3Glob(String pattern, Pattern regex) {
    this.pattern = pattern;
    this.regex = regex;
  }

  /**
   * Compiles a glob.
   *
   * @param pattern the glob
   * @return the compiled glob
   * @throws IllegalArgumentException naming the problem when the pattern does not compile
   */
  public static S3Glob compile(String pattern) {
    StringBuilder out = new StringBuilder();
    int end = translate(pattern, 0, out, false);
    if (end != pattern.length()) {
      throw new IllegalArgumentException("unexpected '" + pattern.charAt(end) + "' at position " + end);
    }
    return new S3Glob(pattern, Pattern.compile(out.toString(), Pattern.DOTALL));
  }

  /** Translates from {@code start} until the end, or (inside braces) until an unmatched {@code ,} or {@code }}. */
  private static int translate(String glob, int start, StringBuilder out, boolean inBraces) {
    int i = start;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            out.append(".*");
            i += 2;
          } else {
            out.append("[^/]*");
            i++;
          }
        }
        case '?' -> {
          out.append("[^/]");
          i++;
        }
        case '[' -> i = translateClass(glob, i, out);
        case '{' -> {
          out.append("(?:");
          i++;
          while (true) {
            i = translate(glob, i, out, true);
            if (i >= glob.length()) {
              throw new IllegalArgumentException("unclosed '{' in pattern");
            }
            if (glob.charAt(i) == ',') {
              out.append('|');
              i++;
            } else {
              out.append(')');
              i++;
              break;
            }
          }
        }
        case ',', '}' -> {
          if (inBraces) {
            return i;
          }
          out.append(Pattern.quote(String.valueOf(c)));
          i++;
        }
        case '\\' -> {
          if (i + 1 >= glob.length()) {
            throw new IllegalArgumentException("pattern ends with an unfinished escape '\\'");
          }
          out.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
          i += 2;
        }
        default -> {
          out.append(Pattern.quote(String.valueOf(c)));
          i++;
        }
      }
    }
    return i;
  }

  private static int translateClass(String glob, int open, StringBuilder out) {
    int i = open + 1;
    StringBuilder cls = new StringBuilder("[");
    if (i < glob.length() && glob.charAt(i) == '!') {
      cls.append('^');
      i++;
    }
    int first = i;
    while (i < glob.length() && (glob.charAt(i) != ']' || i == first)) {
      char c = glob.charAt(i);
      if (c == '-' && i > first && i + 1 < glob.length() && glob.charAt(i + 1) != ']') {
        cls.append('-');
      } else {
        cls.append(c == '\\' || c == '[' || c == ']' || c == '^' || c == '&' || c == '-' ? "\\" + c : String.valueOf(c));
      }
      i++;
    }
    if (i >= glob.length()) {
      throw new IllegalArgumentException("unclosed character class '[' at position " + open);
    }
    if (i == first) {
      throw new IllegalArgumentException("empty character class at position " + open);
    }
    out.append(cls).append(']');
    return i + 1;
  }

  /**
   * Returns whether the whole text matches.
   *
   * @param text for example {@code s3://bucket/images/a.jpg}
   * @return {@code true} on a match
   */
  public boolean matches(String text) {
    return regex.matcher(text).matches();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
