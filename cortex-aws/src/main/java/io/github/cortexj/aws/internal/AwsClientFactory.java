package io.github.cortexj.aws.internal;

import io.github.cortexj.aws.AwsBackendOptions;
import io.github.cortexj.core.backend.BackendException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** Builds the SDK clients the backends use from {@link AwsBackendOptions}. Stateless and thread safe. */
public final class AwsClientFactory {

  private AwsClientFactory() {}

  /**
   * Returns the compatible server a client talks to, for naming it in errors.
   *
   * @param client an SDK client
   * @return its endpoint override, or {@code null} for AWS itself or a client that does not describe its
   *     configuration (a hand-written one need not)
   */
  public static @Nullable URI endpointOverride(SdkClient client) {
    try {
      return client.serviceClientConfiguration().endpointOverride().orElse(null);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  /**
   * Builds an SQS client.
   *
   * @param options the options
   * @return a new client, owned by the caller
   * @throws BackendException of kind {@code queue.region_missing} when no region is set and the SDK's region chain
   *     finds none
   */
  public static SqsClient sqsClient(AwsBackendOptions options) {
    SqsClientBuilder builder = SqsClient.builder();
    common(builder, options);
    try {
      return builder.build();
    } catch (SdkClientException e) {
      throw regionMissing("queue", "SqsQueueBackend", options, e);
    }
  }

  /**
   * Builds an S3 client.
   *
   * @param options the options
   * @return a new client, owned by the caller
   * @throws BackendException of kind {@code storage.region_missing} when no region is set and the SDK's region
   *     chain finds none
   */
  public static S3Client s3Client(AwsBackendOptions options) {
    S3ClientBuilder builder =
        S3Client.builder()
            .forcePathStyle(options.pathStyle())
            .requestChecksumCalculation(options.checksumMode().requestChecksumCalculation())
            .responseChecksumValidation(options.checksumMode().responseChecksumValidation());
    common(builder, options);
    try {
      return builder.build();
    } catch (SdkClientException e) {
      throw regionMissing("storage", "S3ObjectStore", options, e);
    }
  }

  /**
   * Building a client resolves only its region (credentials are loaded at the first call), so a client-side
   * failure here means the region chain found nothing; any other cause is passed on unchanged.
   */
  private static RuntimeException regionMissing(
      String kindPrefix, String backend, AwsBackendOptions options, SdkClientException e) {
    String message = e.getMessage();
    if (options.region() != null || message == null || !message.contains("Unable to load region")) {
      return e;
    }
    return new BackendException(
        kindPrefix + ".region_missing",
        backend + " has no AWS region: set AwsBackendOptions.Builder.region (needed for compatible servers too, to"
            + " sign requests), the AWS_REGION environment variable, the aws.region system property or a region in"
            + " the AWS profile",
        e);
  }

  /**
   * Returns the client override configuration: the standard retry mode with the options' attempts.
   *
   * @param maxAttempts how many times a call is tried
   * @return the configuration
   */
  public static ClientOverrideConfiguration overrideConfiguration(int maxAttempts) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build())
        .build();
  }

  private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> void common(
      B builder, AwsBackendOptions options) {
    builder.credentialsProvider(options.credentialsProvider());
    builder.overrideConfiguration(overrideConfiguration(options.maxAttempts()));
    Region region = options.region();
    if (region != null) {
      builder.region(region);
    }
    java.net.URI endpoint = options.endpointOverride();
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    SdkHttpClient httpClient = options.httpClient();
    if (httpClient != null) {
      // The SDK does not close a client passed in this way, so a shared one outlives the backends.
      builder.httpClient(httpClient);
    }
  }
}
