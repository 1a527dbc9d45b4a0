package io.github.cortexj.core.backend;

import io.github.cortexj.core.internal.backend.LayeredObjects;
import io.github.cortexj.core.internal.backend.Utf8KeyOrder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ObjectStore} held in memory that behaves like one S3 bucket where Cortex depends on it, for embedded
 * clusters and tests.
 *
 * <p>Keys are validated with {@link ObjectKeys#validate} and kept in the order of their UTF-8 bytes, as S3 lists
 * them (which is not {@link String#compareTo} order for characters above {@code U+FFFF}). Each object's
 * last-modified time is the injected {@link Clock}'s instant when it was written, truncated to whole seconds as S3
 * keeps it (its HTTP {@code Last-Modified} header has no fraction, and listings show {@code .000}). Listing is
 * paged with an opaque continuation token. Stored bytes are copied in and out, so callers cannot change what is
 * stored.
 *
 * <p>Built to hold millions of objects for long (an async API keeps every request of its retention period): recent
 * writes are kept as small objects, and in the background they are packed into a few large arrays per million
 * objects, which the garbage collector neither copies nor walks one by one, and which take about half the memory.
 * The packing runs on the common {@link java.util.concurrent.ForkJoinPool} unless an executor is given, one task at
 * a time, and never blocks a reader or, short of falling far behind, a writer. Contents over 4 KiB are never
 * copied by it.
 *
 * <p>Thread safe: single-key operations are atomic; a listing or prefix delete sees a consistent view of each key
 * but not of the whole bucket, like S3's. There is no static state: two stores never see each other's objects.
 */
public final class InMemoryObjectStore implements ObjectStore {

  /** S3's bucket naming rule: 3 to 63 of lowercase letters, digits, dots and hyphens, starting and ending alike. */
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  /**
   * The largest announced length read into an array of that size at once; a larger one is read in pieces, so that
   * a stream that ends early never costs the whole announced size in memory.
   */
  private static final long PREALLOCATED_BODY_MAX = 64L * 1024 * 1024;

  /** The content of every empty object: empty markers are most of what a Cortex cluster stores. */
  private static final byte[] EMPTY = new byte[0];

  private final String bucket;
  private final Clock clock;
  /**
   * The objects, keyed by {@link Utf8KeyOrder#sortKey}: natural {@link String} order on those is UTF-8 order on the
   * keys, and costs far less per comparison than a comparator (usually the sort key is the key itself).
   */
  private final LayeredObjects objects;

  /**
   * Creates an empty store whose last-modified times come from {@code clock}.
   *
   * @param bucket the bucket name, following S3's naming rules
   * @param clock the clock, for example a test's manual clock
   * @throws BackendException of kind {@code storage.invalid_bucket} when the name breaks S3's rules
   */
  public InMemoryObjectStore(String bucket, Clock clock) {
    this(bucket, clock, LayeredObjects.Settings.defaults());
  }

  /**
   * Creates an empty store whose last-modified times come from {@code clock} and whose compaction (the packing of
   * recent writes into compact arrays, see the class description) runs on {@code compactionExecutor}.
   *
   * @param bucket the bucket name, following S3's naming rules
   * @param clock the clock, for example a test's manual clock
   * @param compactionExecutor where compaction runs, one task at a time; {@code Runnable::run} runs it on the
   *     writing thread
   * @throws BackendException of kind {@code storage.invalid_bucket} when the name breaks S3's rules
   */
  public InMemoryObjectStore(String bucket, Clock clock, Executor compactionExecutor) {
    this(bucket, clock, LayeredObjects.Settings.defaults().withExecutor(compactionExecutor));
  }

  /** Creates an empty store with the layers sized as given; for tests that compact often. */
  InMemoryObjectStore(String bucket, Clock clock, LayeredObjects.Settings layers) {
    Objects.requireNonNull(bucket, "bucket");
    if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
      throw new BackendException(
          "storage.invalid_bucket",
          "invalid bucket name \"" + bucket + "\": it must be 3 to 63 characters of lowercase letters, digits, dots"
              + " and hyphens, start and end with a letter or digit, and not contain two dots in a row");
    }
    this.bucket = bucket;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.objects = new LayeredObjects(layers);
  }

  /**
   * Creates an empty store on the system clock in UTC.
   *
   * @param bucket the bucket name, following S3's naming rules
   * @throws BackendException of kind {@code storage.invalid_bucket} when the name breaks S3's rules
   */
  public InMemoryObjectStore(String bucket) {
    this(bucket, Clock.systemUTC());
  }

  @Override
  public String bucket() {
    return bucket;
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the key is invalid
   */
  @Override
  public void put(String key, byte[] content, @Nullable String contentType) {
    ObjectKeys.validate(key);
    store(key, content.length == 0 ? EMPTY : content.clone(), contentType);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads exactly {@code length} bytes and nothing after them, as an HTTP upload with that Content-Length.
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the key is invalid,
   *     {@code storage.invalid_argument} when the length is negative or too large to hold in memory, or
   *     {@code storage.incomplete_body} when the stream ends before {@code length} bytes or cannot be read
   */
  @Override
  public void put(String key, InputStream content, long length, @Nullable String contentType) {
    ObjectKeys.validate(key);
    if (length < 0 || length > Integer.MAX_VALUE - 8) {
      throw new BackendException(
          "storage.invalid_argument",
          "length " + length + " of object \"" + key + "\" in bucket \"" + bucket + "\" must be between 0 and "
              + (Integer.MAX_VALUE - 8) + " bytes for an in-memory store");
    }
    byte[] bytes;
    int read;
    try {
      if (length <= PREALLOCATED_BODY_MAX) {
        // Read straight into an array of the announced size: one copy, where reading in pieces makes two.
        bytes = new byte[(int) length];
        read = content.readNBytes(bytes, 0, bytes.length);
      } else {
        bytes = content.readNBytes((int) length);
        read = bytes.length;
      }
    } catch (IOException e) {
      throw new BackendException(
          "storage.incomplete_body",
          "could not read the content of object \"" + key + "\" in bucket \"" + bucket + "\": " + e.getMessage(),
          e);
    }
    if (read < length) {
      throw new BackendException(
          "storage.incomplete_body",
          "the content of object \"" + key + "\" in bucket \"" + bucket + "\" ended after " + read
              + " of the " + length + " bytes announced (IncompleteBody)");
    }
    store(key, bytes.length == 0 ? EMPTY : bytes, contentType);
  }

  private void store(String key, byte[] ownedCopy, @Nullable String contentType) {
    // Whole seconds, as S3 keeps it: the epoch second is the instant truncated to the second.
    long lastModifiedSecond = clock.instant().getEpochSecond();
    objects.put(key, Utf8KeyOrder.sortKey(key), ownedCopy, contentType, lastModifiedSecond);
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the key is invalid
   */
  @Override
  public Optional<StoredObject> get(String key) {
    ObjectKeys.validate(key);
    return Optional.ofNullable(objects.get(key, Utf8KeyOrder.sortKey(key)));
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the key is invalid
   */
  @Override
  public Optional<ObjectStream> open(String key) {
    ObjectKeys.validate(key);
    // A copy of the content: ByteArrayInputStream.transferTo hands its array to the target stream.
    StoredObject object = objects.get(key, Utf8KeyOrder.sortKey(key));
    return object == null
        ? Optional.empty()
        : Optional.of(new ObjectStream(object.info(), new ByteArrayInputStream(object.content())));
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the key is invalid
   */
  @Override
  public Optional<ObjectInfo> head(String key) {
    ObjectKeys.validate(key);
    return Optional.ofNullable(objects.head(key, Utf8KeyOrder.sortKey(key)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The continuation token is opaque; pass it back unchanged with the same prefix.
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the prefix is invalid, or
   *     {@code storage.invalid_argument} when {@code maxKeys} is outside 1 to {@value ObjectStore#MAX_PAGE_SIZE}
   *     or the token is not one this store issued
   */
  @Override
  public ObjectPage list(String prefix, @Nullable String continuationToken, int maxKeys) {
    ObjectKeys.validatePrefix(prefix);
    if (maxKeys < 1 || maxKeys > MAX_PAGE_SIZE) {
      throw new BackendException(
          "storage.invalid_argument",
          "maxKeys must be between 1 and " + MAX_PAGE_SIZE + " (got " + maxKeys + ") listing \"" + prefix
              + "\" in bucket \"" + bucket + "\"");
    }
    String after = continuationToken == null ? null : keyOfToken(continuationToken);
    LayeredObjects.Listing listing = objects.list(prefix, Utf8KeyOrder.sortKey(prefix), after, maxKeys);
    List<ObjectInfo> page = listing.objects();
    // Another matching key exists after a truncated page, as S3's IsTruncated.
    return new ObjectPage(page, listing.truncated() ? tokenAfter(page.get(page.size() - 1).key()) : null);
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the key is invalid
   */
  @Override
  public void delete(String key) {
    ObjectKeys.validate(key);
    objects.delete(key, Utf8KeyOrder.sortKey(key));
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the prefix is empty or invalid
   */
  @Override
  public int deleteByPrefix(String prefix) {
    if (prefix.isEmpty()) {
      throw new BackendException(
          "storage.invalid_key",
          "refusing to delete by the empty prefix in bucket \"" + bucket + "\": it would delete every object");
    }
    ObjectKeys.validatePrefix(prefix);
    return objects.deleteByPrefix(prefix, Utf8KeyOrder.sortKey(prefix));
  }

  private static String tokenAfter(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private String keyOfToken(String token) {
    try {
      String key = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      return ObjectKeys.validate(key);
    } catch (IllegalArgumentException | BackendException e) {
      throw new BackendException(
          "storage.invalid_argument",
          "continuation token \"" + token + "\" for bucket \"" + bucket + "\" is not valid (InvalidArgument)",
          e);
    }
  }
}
