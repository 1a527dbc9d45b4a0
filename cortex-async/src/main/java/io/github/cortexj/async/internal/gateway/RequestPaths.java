package io.github.cortexj.async.internal.gateway;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The path of a request as the gateway routes it: the path the client sent, with percent-encoded unreserved
 * characters ({@code A-Z a-z 0-9 - . _ ~}) decoded, as RFC 3986 (§6.2.2.2) makes them equivalent, so that
 * {@code /iris/r%2D1} is {@code /iris/r-1}. Every other escape stays as it is: an encoded {@code /} separates
 * nothing. Stateless and thread safe.
 */
final class RequestPaths {

  private static final String HEX = "0123456789ABCDEF";

  private RequestPaths() {}

  /**
   * Returns the path of a request URI as the client sent it, normalised.
   *
   * @param uri the request's URI, as the JDK server parsed the request line
   * @return the path, starting with {@code /} (empty only when the request line had none)
   */
  static String of(URI uri) {
    @Nullable String raw = uri.getRawPath();
    String path = raw == null ? "" : raw;
    // java.net.URI reads "//iris/r1" as the authority "iris" and the path "/r1": put the path back together.
    @Nullable String authority = uri.getRawAuthority();
    if (uri.getScheme() == null && authority != null) {
      path = "//" + authority + path;
    }
    return decodeUnreserved(path);
  }

  private static String decodeUnreserved(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    StringBuilder decoded = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length()) {
        int high = HEX.indexOf(Character.toUpperCase(path.charAt(i + 1)));
        int low = HEX.indexOf(Character.toUpperCase(path.charAt(i + 2)));
        if (high >= 0 && low >= 0 && isUnreserved((char) (high * 16 + low))) {
          decoded.append((char) (high * 16 + low));
          i += 2;
          continue;
        }
      }
      decoded.append(c);
    }
    return decoded.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
