package io.github.cortexj.core.backend;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An object's metadata.
 *
 * @param key the key
 * @param size the size in bytes
 * @param contentType the stored media type, or {@code null} when none was stored
 * @param lastModified when the object was last written
 */
public record ObjectInfo(String key, long size, @Nullable String contentType, Instant lastModified) {

  /** Validates the fields. */
  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(lastModified, "lastModified");
    if (size < 0) {
      throw new IllegalArgumentException("size cannot be negative: " + size);
    }
  }

  /**
   * Returns the stored media type, if any.
   *
   * @return the media type, or empty
   */
  public Optional<String> contentTypeIfAny() {
    return Optional.ofNullable(contentType);
  }
}
