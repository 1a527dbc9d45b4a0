package io.github.cortexj.core.internal.backend;

import java.util.Comparator;

/**
 * Orders strings as the bytes of their UTF-8 encodings compare (unsigned), which is how S3 orders keys.
 *
 * <p>This is code point order, and it differs from {@link String#compareTo}, which compares UTF-16 code units:
 * a character above the Basic Multilingual Plane (encoded as a surrogate pair, {@code U+D800..U+DFFF}) sorts
 * before {@code U+E000..U+FFFF} in Java but after them in UTF-8. The comparison allocates nothing.
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
