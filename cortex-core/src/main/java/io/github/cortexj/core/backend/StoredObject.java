package io.github.cortexj.core.backend;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An object read whole from an {@link ObjectStore}.
 *
 * @param info the object's key, size, content type and last-modified time
 * @param content the bytes; the array is the caller's to keep
 */
public record StoredObject(ObjectInfo info, byte[] content) {

  /** Validates the fields. */
  public StoredObject {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(content, "content");
  }

  /**
   * Decodes the content as UTF-8.
   *
   * @return the text
   */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
