package io.github.cortexj.core.internal.project;

/**
 * Git's {@code wildmatch()}: shell-style matching of {@code *}, {@code **}, {@code ?}, {@code [...]} and {@code \}
 * escapes over bytes, with git's special treatment of {@code /} in path mode. It follows git's algorithm step by step
 * (including its return codes that cut the search short), because {@code .cortexignore} is specified to behave as
 * {@code git check-ignore} does, and the differential test holds it to that.
 *
 * <p>Patterns and texts are byte ranges ({@code [start, end)}); the end of a range plays the part of C's NUL.
 * Stateless and thread safe.
 */
public final class GitWildmatch {

  /** The text matches. */
  static final int MATCH = 0;
  /** The text does not match. */
  static final int NO_MATCH = 1;
  /** The text can never match from here; stop all backtracking. */
  static final int ABORT_ALL = -1;
  /** Backtrack only up to the nearest {@code **}. */
  static final int ABORT_TO_STARSTAR = -2;

  private GitWildmatch() {}

  /**
   * Matches a whole pattern range against a whole text range.
   *
   * @param pattern the pattern bytes
   * @param pStart first pattern byte
   * @param pEnd end of the pattern (exclusive)
   * @param text the text bytes
   * @param tStart first text byte
   * @param tEnd end of the text (exclusive)
   * @param pathMode git's {@code WM_PATHNAME}: wildcards other than {@code **} do not match {@code /}
   * @return true when the text matches
   */
  public static boolean matches(
      byte[] pattern, int pStart, int pEnd, byte[] text, int tStart, int tEnd, boolean pathMode) {
    return match(pattern, pStart, pEnd, text, tStart, tEnd, pathMode) == MATCH;
  }

  private static int at(byte[] bytes, int index, int end) {
    return index < end ? bytes[index] & 0xff : 0;
  }

  static boolean isGlobSpecial(int c) {
    return c == '*' || c == '?' || c == '[' || c == '\\';
  }

  private static int indexOfSlash(byte[] text, int from, int end) {
    for (int i = from; i < end; i++) {
      if (text[i] == '/') {
        return i;
      }
    }
    return -1;
  }

  private static int match(byte[] pat, int p, int pEnd, byte[] text, int t, int tEnd, boolean pathMode) {
    final int patternStart = p;
    for (; p < pEnd; t++, p++) {
      int pCh = pat[p] & 0xff;
      int tCh = at(text, t, tEnd);
      if (tCh == 0 && pCh != '*') {
        return ABORT_ALL;
      }
      switch (pCh) {
        case '\\':
          // Literal match with the next byte; a trailing backslash compares with "NUL" and fails.
          p++;
          pCh = at(pat, p, pEnd);
          if (tCh != pCh) {
            return NO_MATCH;
          }
          continue;
        case '?':
          if (pathMode && tCh == '/') {
            return NO_MATCH;
          }
          continue;
        case '*':
          {
            boolean matchSlash;
            p++;
            if (at(pat, p, pEnd) == '*') {
              int prevP = p - 2;
              do {
                p++;
              } while (at(pat, p, pEnd) == '*');
              if (!pathMode) {
                matchSlash = true;
              } else if ((prevP < patternStart || pat[prevP] == '/')
                  && (p == pEnd
                      || pat[p] == '/'
                      || (pat[p] == '\\' && at(pat, p + 1, pEnd) == '/'))) {
                // "**/" may match no directory at all: try the rest right here.
                if (p < pEnd && pat[p] == '/' && match(pat, p + 1, pEnd, text, t, tEnd, pathMode) == MATCH) {
                  return MATCH;
                }
                matchSlash = true;
              } else {
                matchSlash = false;
              }
            } else {
              matchSlash = !pathMode;
            }
            if (p == pEnd) {
              // A trailing "**" matches everything; a trailing "*" only if no slash follows.
              if (!matchSlash && indexOfSlash(text, t, tEnd) >= 0) {
                return NO_MATCH;
              }
              return MATCH;
            } else if (!matchSlash && pat[p] == '/') {
              // One star followed by a slash matches the rest of this path component.
              int slash = indexOfSlash(text, t, tEnd);
              if (slash < 0) {
                return NO_MATCH;
              }
              t = slash;
              break; // the loop consumes the slash in both pattern and text
            }
            while (true) {
              if (tCh == 0) {
                break;
              }
              int literal = pat[p] & 0xff;
              if (!isGlobSpecial(literal)) {
                // Skip ahead to the next occurrence of the literal that follows the star.
                while (true) {
                  tCh = at(text, t, tEnd);
                  if (tCh == 0 || (!matchSlash && tCh == '/') || tCh == literal) {
                    break;
                  }
                  t++;
                }
                if (tCh != literal) {
                  return NO_MATCH;
                }
              }
              int matched = match(pat, p, pEnd, text, t, tEnd, pathMode);
              if (matched != NO_MATCH) {
                if (!matchSlash || matched != ABORT_TO_STARSTAR) {
                  return matched;
                }
              } else if (!matchSlash && tCh == '/') {
                return ABORT_TO_STARSTAR;
              }
              t++;
              tCh = at(text, t, tEnd);
            }
            return ABORT_ALL;
          }
        case '[':
          {
            long result = bracket(pat, p + 1, pEnd, tCh);
            if (result < 0) {
              return ABORT_ALL;
            }
            p = (int) (result >>> 1);
            boolean classMatches = (result & 1) != 0;
            if (!classMatches || (pathMode && tCh == '/')) {
              return NO_MATCH;
            }
            continue;
          }
        default:
          if (tCh != pCh) {
            return NO_MATCH;
          }
          continue;
      }
    }
    return t < tEnd ? NO_MATCH : MATCH;
  }

  /**
   * Evaluates a bracket expression for one text byte, exactly as git's wildmatch parses it.
   *
   * @param pat the pattern
   * @param p the index just after {@code [}
   * @param pEnd end of the pattern
   * @param tCh the text byte (1..255)
   * @return {@code -1} when the expression is malformed (git aborts the whole match); otherwise the index of the
   *     closing {@code ]} shifted left by one, with bit 0 set when the class (after negation) contains {@code tCh}
   */
  static long bracket(byte[] pat, int p, int pEnd, int tCh) {
    int pCh = at(pat, p, pEnd);
    if (pCh == '^') {
      pCh = '!';
    }
    boolean negated = pCh == '!';
    if (negated) {
      p++;
      pCh = at(pat, p, pEnd);
    }
    int prevCh = 0;
    boolean matched = false;
    while (true) {
      if (pCh == 0) {
        return -1;
      }
      if (pCh == '\\') {
        p++;
        pCh = at(pat, p, pEnd);
        if (pCh == 0) {
          return -1;
        }
        if (tCh == pCh) {
          matched = true;
        }
      } else if (pCh == '-' && prevCh != 0 && at(pat, p + 1, pEnd) != 0 && at(pat, p + 1, pEnd) != ']') {
        p++;
        pCh = at(pat, p, pEnd);
        if (pCh == '\\') {
          p++;
          pCh = at(pat, p, pEnd);
          if (pCh == 0) {
            return -1;
          }
        }
        if (tCh <= pCh && tCh >= prevCh) {
          matched = true;
        }
        pCh = 0; // a range cannot start another range
      } else if (pCh == '[' && at(pat, p + 1, pEnd) == ':') {
        int s = p + 2;
        p = s;
        while ((pCh = at(pat, p, pEnd)) != 0 && pCh != ']') {
          p++;
        }
        if (pCh == 0) {
          return -1;
        }
        int length = p - s - 1;
        if (length < 0 || at(pat, p - 1, pEnd) != ':') {
          // Not "[:name:]": the '[' is an ordinary member of the set.
          p = s - 2;
          pCh = '[';
          if (tCh == pCh) {
            matched = true;
          }
        } else {
          String name = new String(pat, s, length, java.nio.charset.StandardCharsets.ISO_8859_1);
          int inClass = CharacterClass.contains(name, tCh);
          if (inClass < 0) {
            return -1;
          }
          if (inClass > 0) {
            matched = true;
          }
          pCh = 0;
        }
      } else if (tCh == pCh) {
        matched = true;
      }
      prevCh = pCh;
      p++;
      pCh = at(pat, p, pEnd);
      if (pCh == ']') {
        break;
      }
    }
    return ((long) p << 1) | (matched != negated ? 1 : 0);
  }

  /** The POSIX classes git's wildmatch knows, with git's own ASCII-only character tests. */
  private static final class CharacterClass {
    private CharacterClass() {}

    /** Returns 1 when {@code c} is in the class, 0 when not, -1 when the class name is unknown. */
    static int contains(String name, int c) {
      boolean in;
      switch (name) {
        case "alnum":
          in = isAlpha(c) || isDigit(c);
          break;
        case "alpha":
          in = isAlpha(c);
          break;
        case "blank":
          in = c == ' ' || c == '\t';
          break;
        case "cntrl":
          in = c < 0x20 || c == 0x7f;
          break;
        case "digit":
          in = isDigit(c);
          break;
        case "graph":
          in = c > 0x20 && c < 0x7f;
          break;
        case "lower":
          in = c >= 'a' && c <= 'z';
          break;
        case "print":
          in = c >= 0x20 && c < 0x7f;
          break;
        case "punct":
          in = c > 0x20 && c < 0x7f && !isAlpha(c) && !isDigit(c);
          break;
        case "space":
          in = c == ' ' || c == '\t' || c == '\n' || c == '\r';
          break;
        case "upper":
          in = c >= 'A' && c <= 'Z';
          break;
        case "xdigit":
          in = isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
          break;
        default:
          return -1;
      }
      return in ? 1 : 0;
    }

    private static boolean isAlpha(int c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(int c) {
      return c >= '0' && c <= '9';
    }
  }
}
