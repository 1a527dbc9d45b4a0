package io.github.cortexj.core.backend;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An object opened for streaming from an {@link ObjectStore}. Close it to release the connection.
 *
 * @param info the object's key, size, content type and last-modified time
 * @param content the bytes, read once
 */
public record ObjectStream(ObjectInfo info, InputStream content) implements AutoCloseable {

  /** Validates the fields. */
  public ObjectStream {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(content, "content");
  }

  @Override
  public void close() throws IOException {
    content.close();
  }
}
