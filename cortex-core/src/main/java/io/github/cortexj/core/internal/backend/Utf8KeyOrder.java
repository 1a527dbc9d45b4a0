package io.github.cortexj.core.internal.backend;

import java.util.Comparator;

/**
 * Orders strings as the bytes of their UTF-8 encodings compare (unsigned), which is how S3 orders keys.
 *
 * <p>This is code point order, and it differs from {@link String#compareTo}, which compares UTF-16 code units:
 * a character above the Basic Multilingual Plane (encoded as a surrogate pair, {@code U+D800..U+DFFF}) sorts
 * before {@code U+E000..U+FFFF} in Java but after them in UTF-8. The comparison allocates nothing.
 *
 * <p>A sorted map that compares on every step can instead be keyed by {@link #sortKey}: that string's own
 * {@link String#compareTo} (which the JVM compares many characters at a time) gives this order, and for the usual
 * key, with no character at or above {@code U+D800}, it is the key itself.
 *
 * <p>Stateless and thread safe.
 */
public final class Utf8KeyOrder implements Comparator<String> {

  /** The one instance. */
  public static final Utf8KeyOrder INSTANCE = new Utf8KeyOrder();

  private Utf8KeyOrder() {}

  @Override
  public int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return Integer.compare(codePointRank(x), codePointRank(y));
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /**
   * Returns a string whose {@link String#compareTo} order is this comparator's order: each character at or above
   * {@code U+D800} is replaced by its rank (a one-to-one mapping of characters that keeps every other character),
   * so that two keys are equal exactly when their sort keys are, and one key starts with another exactly when its
   * sort key starts with the other's.
   *
   * @param key the key
   * @return {@code key} itself when it has no character at or above {@code U+D800}, otherwise its sort key
   */
  public static String sortKey(String key) {
    int length = key.length();
    int i = 0;
    while (i < length && key.charAt(i) < 0xD800) {
      i++;
    }
    if (i == length) {
      return key;
    }
    char[] ranked = key.toCharArray();
    for (; i < length; i++) {
      ranked[i] = (char) codePointRank(ranked[i]);
    }
    return new String(ranked);
  }

  /**
   * Maps a UTF-16 code unit so that surrogates (the leading unit of a supplementary code point) rank above
   * {@code U+E000..U+FFFF}, as their code points do; elsewhere the order is unchanged. Two strings equal up to
   * their first differing unit only differ in rank order there, so ranking that unit decides the comparison.
   */
  private static int codePointRank(char c) {
    if (c >= 0xE000) {
      return c - 0x800;
    }
    if (c >= 0xD800) {
      return c + 0x2000;
    }
    return c;
  }
}
