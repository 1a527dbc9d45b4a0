package io.github.cortexj.core.backend;

import io.github.cortexj.core.internal.backend.Utf8KeyOrder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ObjectStore} held in memory that behaves like one S3 bucket where Cortex depends on it, for embedded
 * clusters and tests.
 *
 * <p>Keys are validated with {@link ObjectKeys#validate} and kept in the order of their UTF-8 bytes, as S3 lists
 * them (which is not {@link String#compareTo} order for characters above {@code U+FFFF}). Each object's
 * last-modified time is the injected {@link Clock}'s instant when it was written, truncated to whole seconds as S3
 * keeps it (its HTTP {@code Last-Modified} header has no fraction, and listings show {@code .000}). Listing is paged with an opaque continuation token. Stored bytes are copied in and out, so callers
 * cannot change what is stored.
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

  /**
   * Holds one object and its key; the array is never handed out or changed. Its last-modified time is kept as
   * epoch seconds rather than an {@link Instant}, and empty contents share one array: the store keeps every object
   * of a run (async results live for the retention period), and each object it holds is copied and scanned by the
   * garbage collector.
   */
  private static final class Entry {
    private final String key;
    private final byte[] content;
    private final @Nullable String contentType;
    private final long lastModifiedSecond;

    Entry(String key, byte[] content, @Nullable String contentType, long lastModifiedSecond) {
      this.key = key;
      this.content = content;
      this.contentType = contentType;
      this.lastModifiedSecond = lastModifiedSecond;
    }

    String key() {
      return key;
    }

    byte[] content() {
      return content;
    }

    @Nullable String contentType() {
      return contentType;
    }

    Instant lastModified() {
      return Instant.ofEpochSecond(lastModifiedSecond);
    }
  }

  private final String bucket;
  private final Clock clock;
  /**
   * The objects by {@link Utf8KeyOrder#sortKey}: natural {@link String} order on those is UTF-8 order on the keys,
   * and costs far less per comparison than a comparator (usually the sort key is the key itself).
   */
  private final ConcurrentSkipListMap<String, Entry> objects = new ConcurrentSkipListMap<>();

  /**
   * Creates an empty store whose last-modified times come from {@code clock}.
   *
   * @param bucket the bucket name, following S3's naming rules
   * @param clock the clock, for example a test's manual clock
   * @throws BackendException of kind {@code storage.invalid_bucket} when the name breaks S3's rules
   */
  public InMemoryObjectStore(String bucket, Clock clock) {
    Objects.requireNonNull(bucket, "bucket");
    if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
      throw new BackendException(
          "storage.invalid_bucket",
          "invalid bucket name \"" + bucket + "\": it must be 3 to 63 characters of lowercase letters, digits, dots"
              + " and hyphens, start and end with a letter or digit, and not contain two dots in a row");
    }
    this.bucket = bucket;
    this.clock = Objects.requireNonNull(clock, "clock");
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
    objects.put(Utf8KeyOrder.sortKey(key), new Entry(key, ownedCopy, contentType, lastModifiedSecond));
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the key is invalid
   */
  @Override
  public Optional<StoredObject> get(String key) {
    ObjectKeys.validate(key);
    Entry entry = objects.get(Utf8KeyOrder.sortKey(key));
    return entry == null ? Optional.empty() : Optional.of(new StoredObject(info(entry), entry.content().clone()));
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the key is invalid
   */
  @Override
  public Optional<ObjectStream> open(String key) {
    ObjectKeys.validate(key);
    Entry entry = objects.get(Utf8KeyOrder.sortKey(key));
    // A copy: ByteArrayInputStream.transferTo hands its array to the target stream.
    return entry == null
        ? Optional.empty()
        : Optional.of(new ObjectStream(info(entry), new ByteArrayInputStream(entry.content().clone())));
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the key is invalid
   */
  @Override
  public Optional<ObjectInfo> head(String key) {
    ObjectKeys.validate(key);
    Entry entry = objects.get(Utf8KeyOrder.sortKey(key));
    return entry == null ? Optional.empty() : Optional.of(info(entry));
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
    String sortPrefix = Utf8KeyOrder.sortKey(prefix);
    NavigableMap<String, Entry> from;
    if (continuationToken == null) {
      from = objects.tailMap(sortPrefix, true);
    } else {
      String after = Utf8KeyOrder.sortKey(keyOfToken(continuationToken));
      from = after.compareTo(sortPrefix) < 0 ? objects.tailMap(sortPrefix, true) : objects.tailMap(after, false);
    }
    List<ObjectInfo> page = new ArrayList<>(Math.min(maxKeys, 64));
    Iterator<Map.Entry<String, Entry>> entries = from.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, Entry> entry = entries.next();
      if (!entry.getKey().startsWith(sortPrefix)) {
        break;
      }
      if (page.size() == maxKeys) {
        // Another matching key exists: the listing is truncated here, as S3's IsTruncated.
        return new ObjectPage(page, tokenAfter(page.get(page.size() - 1).key()));
      }
      page.add(info(entry.getValue()));
    }
    return new ObjectPage(page, null);
  }

  /**
   * {@inheritDoc}
   *
   * @throws BackendException of kind {@code storage.invalid_key} when the key is invalid
   */
  @Override
  public void delete(String key) {
    ObjectKeys.validate(key);
    objects.remove(Utf8KeyOrder.sortKey(key));
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
    String sortPrefix = Utf8KeyOrder.sortKey(prefix);
    int deleted = 0;
    for (String key : objects.tailMap(sortPrefix, true).keySet()) {
      if (!key.startsWith(sortPrefix)) {
        break;
      }
      if (objects.remove(key) != null) {
        deleted++;
      }
    }
    return deleted;
  }

  private static ObjectInfo info(Entry entry) {
    return new ObjectInfo(entry.key(), entry.content().length, entry.contentType(), entry.lastModified());
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
