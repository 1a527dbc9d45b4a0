package io.github.cortexj.aws.internal;

import io.github.cortexj.aws.AwsBackendOptions;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
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
   * Builds an SQS client.
   *
   * @param options the options
   * @return a new client, owned by the caller
   */
  public static SqsClient sqsClient(AwsBackendOptions options) {
    SqsClientBuilder builder = SqsClient.builder();
    common(builder, options);
    return builder.build();
  }

  /**
   * Builds an S3 client.
   *
   * @param options the options
   * @return a new client, owned by the caller
   */
  public static S3Client s3Client(AwsBackendOptions options) {
    S3ClientBuilder builder =
        S3Client.builder()
            .forcePathStyle(options.pathStyle())
            .requestChecksumCalculation(options.checksumMode().requestChecksumCalculation())
            .responseChecksumValidation(options.checksumMode().responseChecksumValidation());
    common(builder, options);
    return builder.build();
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
