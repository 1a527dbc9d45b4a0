package io.github.cortexj.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.backend.BackendException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;

class AwsBackendOptionsTest {

  @Test
  void defaultsSuitAws() {
    AwsBackendOptions options = AwsBackendOptions.getDefaultInstance();
    assertThat(options.region()).isNull();
    assertThat(options.endpointOverride()).isNull();
    assertThat(options.credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
    assertThat(options.pathStyle()).isFalse();
    assertThat(options.checksumMode()).isEqualTo(ChecksumMode.WHEN_SUPPORTED);
    assertThat(options.rootKeyPrefix()).isEmpty();
    assertThat(options.bucketIfAny()).isEmpty();
    assertThat(options.maxAttempts()).isEqualTo(5);
    assertThat(options.httpClient()).isNull();
  }

  @Test
  void compatibleServerSetsEndpointPathStyleAndRequiredChecksums() {
    AwsBackendOptions options =
        AwsBackendOptions.newBuilder().compatibleServer(URI.create("http://127.0.0.1:9000")).build();
    assertThat(options.endpointOverride()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(options.pathStyle()).isTrue();
    assertThat(options.checksumMode()).isEqualTo(ChecksumMode.WHEN_REQUIRED);
  }

  @Test
  void checksumModesMapToTheSdkSettings() {
    assertThat(ChecksumMode.WHEN_REQUIRED.requestChecksumCalculation())
        .isEqualTo(RequestChecksumCalculation.WHEN_REQUIRED);
    assertThat(ChecksumMode.WHEN_REQUIRED.responseChecksumValidation())
        .isEqualTo(ResponseChecksumValidation.WHEN_REQUIRED);
    assertThat(ChecksumMode.WHEN_SUPPORTED.requestChecksumCalculation())
        .isEqualTo(RequestChecksumCalculation.WHEN_SUPPORTED);
    assertThat(ChecksumMode.WHEN_SUPPORTED.responseChecksumValidation())
        .isEqualTo(ResponseChecksumValidation.WHEN_SUPPORTED);
  }

  @Test
  void newBuilderFromExistingCopiesEveryField() {
    AwsBackendOptions original =
        AwsBackendOptions.newBuilder()
            .region("eu-west-1")
            .compatibleServer(URI.create("https://minio.internal:9000"))
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .rootKeyPrefix("cluster-uid/")
            .bucket("cortex-bucket")
            .maxAttempts(3)
            .build();
    assertThat(AwsBackendOptions.newBuilder(original).build()).isEqualTo(original);
    AwsBackendOptions changed = AwsBackendOptions.newBuilder(original).bucket("other-bucket").build();
    assertThat(changed.bucket()).isEqualTo("other-bucket");
    assertThat(changed.region()).isEqualTo(Region.EU_WEST_1);
    assertThat(changed.rootKeyPrefix()).isEqualTo("cluster-uid/");
  }

  @Test
  void rejectsRootPrefixWithoutTrailingSlash() {
    assertThatThrownBy(() -> AwsBackendOptions.newBuilder().rootKeyPrefix("cluster-uid").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rootKeyPrefix must be empty or end with / (got \"cluster-uid\")");
  }

  @Test
  void rejectsRootPrefixThatIsNotAValidKeyPrefix() {
    assertThatThrownBy(() -> AwsBackendOptions.newBuilder().rootKeyPrefix("../uid/").build())
        .isInstanceOf(BackendException.class)
        .hasMessage("invalid object key prefix \"../uid/\": it contains a \"..\" path segment");
  }

  @Test
  void rejectsInvalidBucketName() {
    assertThatThrownBy(() -> AwsBackendOptions.newBuilder().bucket("My_Bucket").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bucket must be 3 to 63 characters of lowercase letters, digits, '.' and '-', starting and ending with a"
                + " letter or digit, and not an IP address (got \"My_Bucket\")");
    assertThatThrownBy(() -> AwsBackendOptions.newBuilder().bucket("192.168.1.1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("(got \"192.168.1.1\")");
    assertThatThrownBy(() -> AwsBackendOptions.newBuilder().bucket("ab").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsEndpointWithoutHttpScheme() {
    assertThatThrownBy(() -> AwsBackendOptions.newBuilder().endpointOverride(URI.create("localhost:9000")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endpointOverride must be an absolute http or https URI with a host (got \"localhost:9000\")");
  }

  @Test
  void rejectsAttemptsOutsideOneToTwenty() {
    assertThatThrownBy(() -> AwsBackendOptions.newBuilder().maxAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be between 1 and 20 (got 0)");
    assertThatThrownBy(() -> AwsBackendOptions.newBuilder().maxAttempts(21).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be between 1 and 20 (got 21)");
  }

  @Test
  void s3StoreNeedsABucket() {
    AwsBackendOptions options = AwsBackendOptions.newBuilder().region("us-east-1").build();
    assertThatThrownBy(() -> S3ObjectStore.create(options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an S3ObjectStore needs AwsBackendOptions.bucket to be set");
  }

  @Test
  void visibilityDurationsRoundUpToWholeSeconds() {
    assertThat(SqsQueueBackend.wholeSeconds(java.time.Duration.ZERO)).isZero();
    assertThat(SqsQueueBackend.wholeSeconds(java.time.Duration.ofMillis(1))).isEqualTo(1);
    assertThat(SqsQueueBackend.wholeSeconds(java.time.Duration.ofMillis(1_000))).isEqualTo(1);
    assertThat(SqsQueueBackend.wholeSeconds(java.time.Duration.ofMillis(1_001))).isEqualTo(2);
  }
}
