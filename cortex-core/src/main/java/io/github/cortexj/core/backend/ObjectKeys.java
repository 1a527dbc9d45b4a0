package io.github.cortexj.core.backend;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Validates object keys before any backend uses them, so that ids and names from callers can never address
 * something they should not.
 *
 * <p>A valid key is 1 to 1024 bytes of UTF-8 (S3's limit), does not start with {@code /}, contains no control
 * character (NUL included), no unpaired surrogate (a Java string can hold one, UTF-8 cannot: S3 would store a
 * different key, and two keys could become one) and no empty, {@code .} or {@code ..} path segment.
 */
public final class ObjectKeys {

  /** The longest key S3 accepts, in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 1024;

  private ObjectKeys() {}

  /**
   * Checks a key.
   *
   * @param key the key
   * @return the key, unchanged
   * @throws BackendException of kind {@code storage.invalid_key}, naming the key and the rule it breaks
   */
  public static String validate(String key) {
    String problem = problem(key, false);
    if (problem != null) {
      throw new BackendException("storage.invalid_key", "invalid object key \"" + printable(key) + "\": " + problem);
    }
    return key;
  }

  /**
   * Checks a key prefix: like a key, but it may be empty and may end with {@code /}.
   *
   * @param prefix the prefix
   * @return the prefix, unchanged
   * @throws BackendException of kind {@code storage.invalid_key}, naming the prefix and the rule it breaks
   */
  public static String validatePrefix(String prefix) {
    if (prefix.isEmpty()) {
      return prefix;
    }
    String problem = problem(prefix, true);
    if (problem != null) {
      throw new BackendException(
          "storage.invalid_key", "invalid object key prefix \"" + printable(prefix) + "\": " + problem);
    }
    return prefix;
  }

  /**
   * Finds the first broken rule in one pass over the characters, reporting as a check of each rule in turn would:
   * emptiness, length, a leading {@code /}, the first control character or unpaired surrogate, then the first bad
   * path segment.
   */
  private static @Nullable String problem(String key, boolean prefix) {
    int length = key.length();
    if (length == 0) {
      return "it is empty";
    }
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair is 4 for 2), so short keys need no count.
    if (length * 3 > MAX_KEY_BYTES && key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      return "it is longer than " + MAX_KEY_BYTES + " bytes";
    }
    if (key.charAt(0) == '/') {
      return "it starts with /";
    }
    @Nullable String segmentProblem = null;
    int segmentStart = 0;
    for (int i = 0; i <= length; i++) {
      char c = i < length ? key.charAt(i) : '/';
      if (c >= '0' && c < 0x7F) {
        continue; // digits, letters and most punctuation: nothing to check, and most of a key
      }
      if (c == '/') {
        if (segmentProblem == null) {
          segmentProblem = segmentProblem(key, segmentStart, i, i == length, prefix);
        }
        segmentStart = i + 1;
      } else if (Character.isISOControl(c)) {
        return "it contains the control character U+" + String.format("%04X", (int) c);
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(key.charAt(i + 1))) {
          i++; // a pair: one character above U+FFFF
        } else {
          return unpairedSurrogate(c);
        }
      }
    }
    return segmentProblem;
  }

  private static String unpairedSurrogate(char c) {
    return "it contains the unpaired surrogate U+" + String.format("%04X", (int) c) + ", which is no character and"
        + " has no UTF-8 encoding";
  }

  /** Checks the path segment {@code key[start, end)}; {@code last} when no {@code /} follows it. */
  private static @Nullable String segmentProblem(String key, int start, int end, boolean last, boolean prefix) {
    int length = end - start;
    if (length == 0) {
      if (last && prefix) {
        return null;
      }
      return last ? "it ends with /" : "it contains an empty path segment";
    }
    if (key.charAt(start) == '.' && (length == 1 || (length == 2 && key.charAt(start + 1) == '.'))) {
      return "it contains a \"" + key.substring(start, end) + "\" path segment";
    }
    return null;
  }

  private static String printable(String key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < key.length() && out.length() < 200; i++) {
      char c = key.charAt(i);
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
