package io.github.cortexj.aws;

import io.github.cortexj.core.backend.ObjectKeys;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How {@link SqsQueueBackend#create} and {@link S3ObjectStore#create} build their SDK clients: where to connect,
 * with which credentials, and where in the bucket the cluster's keys live.
 *
 * <p>Build one with {@link #newBuilder()}; {@link Builder#build()} validates every field and names the one at
 * fault. For AWS the defaults are right except the region and the bucket; for S3/SQS-compatible servers use
 * {@link Builder#compatibleServer(URI)}. Instances are immutable and thread safe.
 *
 * @param region the AWS region, or {@code null} for the SDK's default region chain (environment, profile, instance
 *     metadata)
 * @param endpointOverride the endpoint of an S3- or SQS-compatible server, or {@code null} for AWS's endpoints
 * @param credentialsProvider where credentials come from; by default the SDK's default chain
 * @param pathStyle whether S3 requests address the bucket in the path ({@code http://host/bucket/key}) instead of
 *     the host name; compatible servers usually need it
 * @param checksumMode when the S3 client computes and validates checksums
 * @param rootKeyPrefix the prefix every object key is stored under, Cortex's {@code <cluster_uid>/}; empty or
 *     ending with {@code /}
 * @param bucket the bucket {@link S3ObjectStore} addresses, or {@code null} when only queues are used
 * @param maxAttempts how many times the SDK's standard retry mode tries a throttled or failed (5xx, I/O) call, 1 to
 *     20; Cortex uses 5
 * @param httpClient the HTTP client the SDK clients share, or {@code null} for the SDK's default (the Apache 5
 *     client); a client given here is not closed by the backends
 */
public record AwsBackendOptions(
    @Nullable Region region,
    @Nullable URI endpointOverride,
    AwsCredentialsProvider credentialsProvider,
    boolean pathStyle,
    ChecksumMode checksumMode,
    String rootKeyPrefix,
    @Nullable String bucket,
    int maxAttempts,
    @Nullable SdkHttpClient httpClient) {

  /** The number of attempts Cortex gives every AWS call. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** The most attempts the options accept. */
  public static final int MAX_ATTEMPTS_LIMIT = 20;

  /** Validates every field; see {@link Builder#build()}. */
  public AwsBackendOptions {
    Objects.requireNonNull(credentialsProvider, "credentialsProvider");
    Objects.requireNonNull(checksumMode, "checksumMode");
    Objects.requireNonNull(rootKeyPrefix, "rootKeyPrefix");
    if (endpointOverride != null) {
      String scheme = endpointOverride.getScheme();
      if (!endpointOverride.isAbsolute()
          || !("http".equals(scheme) || "https".equals(scheme))
          || endpointOverride.getHost() == null) {
        throw new IllegalArgumentException(
            "endpointOverride must be an absolute http or https URI with a host (got \"" + endpointOverride + "\")");
      }
    }
    validateRootKeyPrefix(rootKeyPrefix);
    if (bucket != null) {
      validateBucketName(bucket);
    }
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
      throw new IllegalArgumentException(
          "maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + " (got " + maxAttempts + ")");
    }
  }

  /**
   * Returns a builder with the defaults: no region (the SDK's chain), AWS endpoints, the default credentials chain,
   * virtual-host addressing, {@link ChecksumMode#WHEN_SUPPORTED}, no root prefix, no bucket,
   * {@value #DEFAULT_MAX_ATTEMPTS} attempts and the SDK's default HTTP client.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding the values of existing options, to derive changed copies.
   *
   * @param existing the options to start from
   * @return a new builder
   */
  public static Builder newBuilder(AwsBackendOptions existing) {
    return new Builder(existing);
  }

  /**
   * Returns the options every field of which has its default.
   *
   * @return the default options
   */
  public static AwsBackendOptions getDefaultInstance() {
    return newBuilder().build();
  }

  /**
   * Returns the bucket, if one is set.
   *
   * @return the bucket, or empty
   */
  public Optional<String> bucketIfAny() {
    return Optional.ofNullable(bucket);
  }

  static void validateRootKeyPrefix(String rootKeyPrefix) {
    ObjectKeys.validatePrefix(rootKeyPrefix);
    if (!rootKeyPrefix.isEmpty() && !rootKeyPrefix.endsWith("/")) {
      throw new IllegalArgumentException(
          "rootKeyPrefix must be empty or end with / (got \"" + rootKeyPrefix + "\")");
    }
  }

  static void validateBucketName(String bucket) {
    // S3's general-purpose bucket naming rules; a name that breaks them would only fail later, at the first call.
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
        || bucket.contains("..")
        || bucket.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
      throw new IllegalArgumentException(
          "bucket must be 3 to 63 characters of lowercase letters, digits, '.' and '-', starting and ending with a"
              + " letter or digit, and not an IP address (got \"" + bucket + "\")");
    }
  }

  /**
   * Collects the options. Not thread safe: build on one thread, then share the immutable result.
   */
  public static final class Builder {

    private @Nullable Region region;
    private @Nullable URI endpointOverride;
    private @Nullable AwsCredentialsProvider credentialsProvider;
    private boolean pathStyle;
    private ChecksumMode checksumMode = ChecksumMode.WHEN_SUPPORTED;
    private String rootKeyPrefix = "";
    private @Nullable String bucket;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private @Nullable SdkHttpClient httpClient;

    private Builder() {}

    private Builder(AwsBackendOptions existing) {
      region = existing.region();
      endpointOverride = existing.endpointOverride();
      credentialsProvider = existing.credentialsProvider();
      pathStyle = existing.pathStyle();
      checksumMode = existing.checksumMode();
      rootKeyPrefix = existing.rootKeyPrefix();
      bucket = existing.bucket();
      maxAttempts = existing.maxAttempts();
      httpClient = existing.httpClient();
    }

    /**
     * Sets the region.
     *
     * @param region the region, or {@code null} for the SDK's default region chain
     * @return this builder
     */
    public Builder region(@Nullable Region region) {
      this.region = region;
      return this;
    }

    /**
     * Sets the region by its id, such as {@code us-east-1}.
     *
     * @param regionId the region id
     * @return this builder
     */
    public Builder region(String regionId) {
      if (regionId.isBlank()) {
        throw new IllegalArgumentException("region must not be blank");
      }
      this.region = Region.of(regionId);
      return this;
    }

    /**
     * Points the clients at an S3- or SQS-compatible server instead of AWS.
     *
     * @param endpoint the server's base URI, or {@code null} for AWS
     * @return this builder
     */
    public Builder endpointOverride(@Nullable URI endpoint) {
      this.endpointOverride = endpoint;
      return this;
    }

    /**
     * Sets what a compatible server needs: its endpoint, path-style addressing and
     * {@link ChecksumMode#WHEN_REQUIRED}.
     *
     * @param endpoint the server's base URI
     * @return this builder
     */
    public Builder compatibleServer(URI endpoint) {
      this.endpointOverride = Objects.requireNonNull(endpoint, "endpoint");
      this.pathStyle = true;
      this.checksumMode = ChecksumMode.WHEN_REQUIRED;
      return this;
    }

    /**
     * Sets where credentials come from.
     *
     * @param provider the provider; the default is the SDK's default chain
     * @return this builder
     */
    public Builder credentialsProvider(AwsCredentialsProvider provider) {
      this.credentialsProvider = Objects.requireNonNull(provider, "credentialsProvider");
      return this;
    }

    /**
     * Sets whether S3 requests name the bucket in the path rather than the host.
     *
     * @param pathStyle {@code true} for path-style addressing
     * @return this builder
     */
    public Builder pathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    /**
     * Sets when S3 checksums are computed and validated.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder checksumMode(ChecksumMode mode) {
      this.checksumMode = Objects.requireNonNull(mode, "checksumMode");
      return this;
    }

    /**
     * Sets the prefix every object key is stored under, Cortex's {@code <cluster_uid>/}.
     *
     * @param prefix empty, or a valid key prefix ending with {@code /}
     * @return this builder
     */
    public Builder rootKeyPrefix(String prefix) {
      this.rootKeyPrefix = Objects.requireNonNull(prefix, "rootKeyPrefix");
      return this;
    }

    /**
     * Sets the bucket {@link S3ObjectStore} addresses.
     *
     * @param bucket the bucket name, or {@code null} for none
     * @return this builder
     */
    public Builder bucket(@Nullable String bucket) {
      this.bucket = bucket;
      return this;
    }

    /**
     * Sets how many times a throttled or failed call is tried, with the SDK's standard retry mode.
     *
     * @param maxAttempts 1 to {@value AwsBackendOptions#MAX_ATTEMPTS_LIMIT}
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the HTTP client the SDK clients use. The backends do not close it.
     *
     * @param httpClient the client, or {@code null} for the SDK's default
     * @return this builder
     */
    public Builder httpClient(@Nullable SdkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Validates the values and returns the options.
     *
     * @return the options
     * @throws IllegalArgumentException naming the field whose value is invalid
     * @throws io.github.cortexj.core.backend.BackendException of kind {@code storage.invalid_key} when the root
     *     key prefix is not a valid key prefix
     */
    public AwsBackendOptions build() {
      AwsCredentialsProvider credentials = credentialsProvider;
      if (credentials == null) {
        credentials = DefaultCredentialsProvider.builder().build();
      }
      return new AwsBackendOptions(
          region,
          endpointOverride,
          credentials,
          pathStyle,
          checksumMode,
          rootKeyPrefix,
          bucket,
          maxAttempts,
          httpClient);
    }
  }
}
