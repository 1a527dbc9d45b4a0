package io.github.cortexj.core.backend;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A key/value object store with the semantics Cortex relies on from S3, and no more.
 *
 * <p>One store addresses one bucket (see {@link #bucket()}). Keys are validated with {@link ObjectKeys#validate}
 * before they are used. Listing is in ascending lexicographic order of the keys' UTF-8 bytes, as S3's
 * {@code ListObjectsV2}, and paged. Every object has the time it was last written.
 *
 * <p>Implementations are thread safe. Errors are {@link BackendException}s naming the bucket and key.
 */
public interface ObjectStore {

  /** The most keys a {@link #list} page holds, as S3. */
  int MAX_PAGE_SIZE = 1000;

  /**
   * Returns the name of the bucket this store addresses.
   *
   * @return the bucket name
   */
  String bucket();

  /**
   * Writes an object, replacing any object with the same key.
   *
   * @param key the key
   * @param content the bytes
   * @param contentType the media type to store with the object, or {@code null} for none
   */
  void put(String key, byte[] content, @Nullable String contentType);

  /**
   * Writes an object from a stream of known length, without holding it whole in memory where the backend can
   * stream.
   *
   * @param key the key
   * @param content the bytes; read to its end but not closed
   * @param length the number of bytes {@code content} holds
   * @param contentType the media type to store with the object, or {@code null} for none
   */
  void put(String key, InputStream content, long length, @Nullable String contentType);

  /**
   * Writes a UTF-8 text object.
   *
   * @param key the key
   * @param text the text
   * @param contentType the media type, or {@code null} for none
   */
  default void putText(String key, String text, @Nullable String contentType) {
    put(key, text.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /**
   * Reads an object whole.
   *
   * @param key the key
   * @return the object, or empty when there is none with that key
   */
  Optional<StoredObject> get(String key);

  /**
   * Opens an object for streaming. The caller closes the stream.
   *
   * @param key the key
   * @return the object's stream, or empty when there is none with that key
   */
  Optional<ObjectStream> open(String key);

  /**
   * Reads an object's metadata.
   *
   * @param key the key
   * @return the metadata, or empty when there is no object with that key
   */
  Optional<ObjectInfo> head(String key);

  /**
   * Lists one page of the objects whose keys start with {@code prefix}.
   *
   * @param prefix the key prefix, possibly empty
   * @param continuationToken the {@link ObjectPage#nextToken()} of the previous page, or {@code null} for the first
   * @param maxKeys 1 to {@value #MAX_PAGE_SIZE}
   * @return the page
   */
  ObjectPage list(String prefix, @Nullable String continuationToken, int maxKeys);

  /**
   * Lists every object whose key starts with {@code prefix}, page by page.
   *
   * @param prefix the key prefix, possibly empty
   * @return the objects in key order
   */
  default List<ObjectInfo> listAll(String prefix) {
    List<ObjectInfo> all = new ArrayList<>();
    String token = null;
    do {
      ObjectPage page = list(prefix, token, MAX_PAGE_SIZE);
      all.addAll(page.objects());
      token = page.nextToken();
    } while (token != null);
    return all;
  }

  /**
   * Deletes an object. Deleting a key that does not exist does nothing, as S3.
   *
   * @param key the key
   */
  void delete(String key);

  /**
   * Deletes every object whose key starts with {@code prefix}.
   *
   * @param prefix the prefix; must not be empty, so that a bug cannot wipe the whole bucket
   * @return how many objects were deleted
   */
  int deleteByPrefix(String prefix);
}
