package io.github.cortexj.aws;

import io.github.cortexj.aws.internal.AwsClientFactory;
import io.github.cortexj.aws.internal.SdkErrorTranslator;
import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ObjectKeys;
import io.github.cortexj.core.backend.ObjectPage;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.ObjectStream;
import io.github.cortexj.core.backend.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An {@link ObjectStore} on Amazon S3 (or a server that speaks its protocol, such as S3Proxy or MinIO), through the
 * AWS SDK for Java v2.
 *
 * <p>Every key is validated with {@link ObjectKeys} and then stored under the root key prefix (Cortex's
 * {@code <cluster_uid>/}), which listings strip again, so callers only ever see their own keys. Streams are passed
 * to and from S3 without being held whole in memory. Last-modified times are whole seconds, as S3 keeps them; a
 * listing carries no content types, as S3's {@code ListObjectsV2} does not. SDK errors become
 * {@link BackendException}s naming the bucket and key; throttling, 5xx and I/O failures have already been retried
 * by the SDK's standard retry mode.
 *
 * <p>Thread safe: one instance serves any number of threads.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(S3ObjectStore.class);

  private final S3Client s3;
  private final boolean ownsClient;
  private final String bucket;
  private final String root;
  private final AtomicBoolean batchDeleteUnsupported = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final @Nullable URI endpoint;

  /**
   * Wraps a client the caller already has. Closing this store does not close it.
   *
   * @param s3 the client
   * @param bucket the bucket
   * @param rootKeyPrefix the prefix every key is stored under: empty, or a valid prefix ending with {@code /}
   */
  public S3ObjectStore(S3Client s3, String bucket, String rootKeyPrefix) {
    this(s3, false, bucket, rootKeyPrefix);
  }

  private S3ObjectStore(S3Client s3, boolean ownsClient, String bucket, String rootKeyPrefix) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.ownsClient = ownsClient;
    this.endpoint = AwsClientFactory.endpointOverride(s3);
    AwsBackendOptions.validateBucketName(bucket);
    AwsBackendOptions.validateRootKeyPrefix(rootKeyPrefix);
    this.bucket = bucket;
    this.root = rootKeyPrefix;
  }

  /**
   * Creates a store with its own S3 client built from the options. Closing the store closes that client.
   *
   * @param options the options; the bucket must be set
   * @return the store
   * @throws IllegalArgumentException when the options have no bucket
   */
  public static S3ObjectStore create(AwsBackendOptions options) {
    String bucket = options.bucket();
    if (bucket == null) {
      throw new IllegalArgumentException("an S3ObjectStore needs AwsBackendOptions.bucket to be set");
    }
    return new S3ObjectStore(AwsClientFactory.s3Client(options), true, bucket, options.rootKeyPrefix());
  }

  @Override
  public String bucket() {
    return bucket;
  }

  /**
   * Returns the prefix every key is stored under.
   *
   * @return the root key prefix, empty or ending with {@code /}
   */
  public String rootKeyPrefix() {
    return root;
  }

  @Override
  public void put(String key, byte[] content, @Nullable String contentType) {
    String fullKey = fullKey(key);
    ensureOpen("PutObject", fullKey);
    try {
      s3.putObject(putRequest(fullKey, content.length, contentType), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw SdkErrorTranslator.storageError("PutObject", bucket, fullKey, e, endpoint);
    }
  }

  @Override
  public void put(String key, InputStream content, long length, @Nullable String contentType) {
    if (length < 0) {
      throw new IllegalArgumentException("length cannot be negative: " + length);
    }
    String fullKey = fullKey(key);
    ensureOpen("PutObject", fullKey);
    try {
      // Streamed in chunks: the SDK reads the stream as it sends and does not close it.
      s3.putObject(putRequest(fullKey, length, contentType), RequestBody.fromInputStream(content, length));
    } catch (SdkException e) {
      throw SdkErrorTranslator.storageError("PutObject", bucket, fullKey, e, endpoint);
    }
  }

  @Override
  public Optional<StoredObject> get(String key) {
    Optional<ObjectStream> opened = open(key);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try (ObjectStream stream = opened.get()) {
      byte[] content = stream.content().readAllBytes();
      ObjectInfo info = stream.info();
      return Optional.of(
          new StoredObject(
              new ObjectInfo(info.key(), content.length, info.contentType(), info.lastModified()), content));
    } catch (IOException e) {
      throw new BackendException(
          "storage.unavailable",
          "s3://" + bucket + "/" + fullKey(key) + " is unavailable (GetObject): " + e.getMessage(),
          e);
    }
  }

  @Override
  public Optional<ObjectStream> open(String key) {
    String fullKey = fullKey(key);
    ResponseInputStream<GetObjectResponse> stream;
    ensureOpen("GetObject", fullKey);
    try {
      stream = s3.getObject(b -> b.bucket(bucket).key(fullKey));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      if (SdkErrorTranslator.statusCode(e) == 404 && !isNoSuchBucket(e)) {
        return Optional.empty();
      }
      throw SdkErrorTranslator.storageError("GetObject", bucket, fullKey, e, endpoint);
    }
    GetObjectResponse response = stream.response();
    long size = response.contentLength() == null ? 0 : response.contentLength();
    return Optional.of(
        new ObjectStream(
            new ObjectInfo(key, size, response.contentType(), seconds(response.lastModified())), stream));
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    String fullKey = fullKey(key);
    HeadObjectResponse response;
    ensureOpen("HeadObject", fullKey);
    try {
      response = s3.headObject(b -> b.bucket(bucket).key(fullKey));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      // HEAD answers have no body, so a missing key (and a missing bucket) is a bare 404.
      if (SdkErrorTranslator.statusCode(e) == 404) {
        return Optional.empty();
      }
      throw SdkErrorTranslator.storageError("HeadObject", bucket, fullKey, e, endpoint);
    }
    long size = response.contentLength() == null ? 0 : response.contentLength();
    return Optional.of(new ObjectInfo(key, size, response.contentType(), seconds(response.lastModified())));
  }

  @Override
  public ObjectPage list(String prefix, @Nullable String continuationToken, int maxKeys) {
    if (maxKeys < 1 || maxKeys > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("maxKeys must be between 1 and " + MAX_PAGE_SIZE + " (got " + maxKeys + ")");
    }
    String fullPrefix = fullPrefix(prefix);
    ListObjectsV2Response response;
    ensureOpen("ListObjectsV2", fullPrefix);
    try {
      response =
          s3.listObjectsV2(
              b -> b.bucket(bucket).prefix(fullPrefix).maxKeys(maxKeys).continuationToken(continuationToken));
    } catch (SdkException e) {
      throw SdkErrorTranslator.storageError("ListObjectsV2", bucket, fullPrefix, e, endpoint);
    }
    List<ObjectInfo> objects = new ArrayList<>(response.contents().size());
    for (S3Object object : response.contents()) {
      long size = object.size() == null ? 0 : object.size();
      objects.add(new ObjectInfo(object.key().substring(root.length()), size, null, seconds(object.lastModified())));
    }
    String next = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
    return new ObjectPage(objects, next);
  }

  @Override
  public void delete(String key) {
    String fullKey = fullKey(key);
    ensureOpen("DeleteObject", fullKey);
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(fullKey));
    } catch (SdkException e) {
      throw SdkErrorTranslator.storageError("DeleteObject", bucket, fullKey, e, endpoint);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Deletes page by page with {@code DeleteObjects}, at most 1,000 keys a call; on a server that does not
   * implement {@code DeleteObjects} as the SDK sends it ({@code 501}), key by key with {@code DeleteObject}.
   *
   * @throws BackendException of kind {@code storage.delete_failed} naming the keys S3 refused to delete, after
   *     deleting every other one
   */
  @Override
  public int deleteByPrefix(String prefix) {
    if (prefix.isEmpty()) {
      throw new BackendException(
          "storage.invalid_key", "deleteByPrefix needs a non-empty prefix, so that it cannot empty bucket \""
              + bucket + "\"");
    }
    String fullPrefix = fullPrefix(prefix);
    int deleted = 0;
    List<String> refused = new ArrayList<>();
    String token = null;
    do {
      ObjectPage page = list(prefix, token, MAX_PAGE_SIZE);
      token = page.nextToken();
      if (page.objects().isEmpty()) {
        continue;
      }
      List<ObjectIdentifier> identifiers = new ArrayList<>(page.objects().size());
      for (ObjectInfo object : page.objects()) {
        identifiers.add(ObjectIdentifier.builder().key(root + object.key()).build());
      }
      deleted += deleteKeys(identifiers, fullPrefix, refused);
    } while (token != null);
    if (!refused.isEmpty()) {
      throw new BackendException(
          "storage.delete_failed",
          "could not delete " + refused.size() + " objects under s3://" + bucket + "/" + fullPrefix + ": "
              + refused.stream().limit(20).collect(Collectors.joining(", "))
              + (refused.size() > 20 ? ", ..." : ""));
    }
    return deleted;
  }

  /** Deletes up to 1,000 keys, adding the ones the server refused to {@code refused}; returns how many went. */
  private int deleteKeys(List<ObjectIdentifier> identifiers, String fullPrefix, List<String> refused) {
    if (!batchDeleteUnsupported.get()) {
      try {
        DeleteObjectsResponse response =
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(identifiers).quiet(true)));
        for (S3Error error : response.errors()) {
          refused.add(error.key() + " (" + error.code() + ")");
        }
        return identifiers.size() - response.errors().size();
      } catch (SdkException e) {
        if (SdkErrorTranslator.statusCode(e) != 501) {
          throw SdkErrorTranslator.storageError("DeleteObjects", bucket, fullPrefix, e, endpoint);
        }
        // Some S3-compatible servers (S3Proxy among them) refuse the checksum header the SDK must send with
        // DeleteObjects: fall back to one DeleteObject a key, for this store's lifetime.
        log.info("bucket {} does not implement DeleteObjects as the SDK sends it; deleting key by key", bucket);
        batchDeleteUnsupported.set(true);
      }
    }
    for (ObjectIdentifier identifier : identifiers) {
      try {
        s3.deleteObject(b -> b.bucket(bucket).key(identifier.key()));
      } catch (SdkException e) {
        throw SdkErrorTranslator.storageError("DeleteObject", bucket, identifier.key(), e, endpoint);
      }
    }
    return identifiers.size();
  }

  /**
   * Closes the S3 client if this store created it; a client passed to the constructor stays open. Every later call
   * fails with {@code storage.closed}; closing again does nothing.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsClient) {
      s3.close();
    }
  }

  /** A closed SDK client fails with a bare {@code IllegalStateException}; this says which store and call. */
  private void ensureOpen(String operation, String fullKeyOrPrefix) {
    if (closed.get()) {
      throw new BackendException(
          "storage.closed",
          "S3ObjectStore is closed: cannot " + operation + " on s3://" + bucket + "/" + fullKeyOrPrefix
              + " (close the client that uses a store before the store)");
    }
  }

  private PutObjectRequest putRequest(String fullKey, long length, @Nullable String contentType) {
    PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(fullKey).contentLength(length);
    if (contentType != null) {
      request.contentType(contentType);
    }
    return request.build();
  }

  private String fullKey(String key) {
    ObjectKeys.validate(key);
    return ObjectKeys.validate(root + key);
  }

  private String fullPrefix(String prefix) {
    ObjectKeys.validatePrefix(prefix);
    return ObjectKeys.validatePrefix(root + prefix);
  }

  private static boolean isNoSuchBucket(SdkException e) {
    return SdkErrorTranslator.errorCode(e).equals("NoSuchBucket");
  }

  /** S3 keeps whole seconds (HEAD answers with an HTTP date); listings sometimes show .000 milliseconds. */
  private static Instant seconds(@Nullable Instant instant) {
    return instant == null ? Instant.EPOCH : instant.truncatedTo(ChronoUnit.SECONDS);
  }
}
