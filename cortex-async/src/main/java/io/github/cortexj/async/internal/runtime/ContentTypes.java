package io.github.cortexj.async.internal.runtime;

import io.github.cortexj.core.payload.MediaType;
import io.github.cortexj.core.payload.PayloadException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks that Content-Type values are media types, remembering the valid values it has seen: clients send the
 * same few values over and over, and every request's value is checked before it is stored. What is remembered is
 * bounded in number and length, so a client sending ever new values only costs a parse each.
 *
 * <p>Thread safe.
 */
public final class ContentTypes {

  /** How many distinct valid values are remembered. */
  static final int CAPACITY = 256;

  /** The longest value remembered: real media types are short, and a remembered value stays for good. */
  static final int MAX_REMEMBERED_LENGTH = 256;

  private final Set<String> valid = ConcurrentHashMap.newKeySet();

  /** Creates a checker that remembers nothing yet. */
  public ContentTypes() {}

  /**
   * Checks a value, as {@link MediaType#parse} does.
   *
   * @param contentType the header's value
   * @throws PayloadException as {@link MediaType#parse} when the value is not a media type
   */
  public void check(String contentType) {
    if (valid.contains(contentType)) {
      return;
    }
    MediaType.parse(contentType);
    if (valid.size() < CAPACITY && contentType.length() <= MAX_REMEMBERED_LENGTH) {
      valid.add(contentType);
    }
  }

  /** Returns how many valid values are remembered. */
  int remembered() {
    return valid.size();
  }
}
