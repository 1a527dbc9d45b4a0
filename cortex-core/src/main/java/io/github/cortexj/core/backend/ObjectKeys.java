package io.github.cortexj.core.backend;

import java.nio.charset.StandardCharsets;

/**
 * Validates object keys before any backend uses them, so that ids and names from callers can never address
 * something they should not.
 *
 * <p>A valid key is 1 to 1024 bytes of UTF-8 (S3's limit), does not start with {@code /}, contains no control
 * character (NUL included) and no empty, {@code .} or {@code ..} path segment.
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

  private static @org.jspecify.annotations.Nullable String problem(String key, boolean prefix) {
    if (key.isEmpty()) {
      return "it is empty";
    }
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      return "it is longer than " + MAX_KEY_BYTES + " bytes";
    }
    if (key.startsWith("/")) {
      return "it starts with /";
    }
    for (int i = 0; i < key.length(); i++) {
      if (Character.isISOControl(key.charAt(i))) {
        return "it contains the control character U+" + String.format("%04X", (int) key.charAt(i));
      }
    }
    String[] segments = key.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.isEmpty() && !(last && prefix)) {
        return last ? "it ends with /" : "it contains an empty path segment";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "it contains a \"" + segment + "\" path segment";
      }
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
