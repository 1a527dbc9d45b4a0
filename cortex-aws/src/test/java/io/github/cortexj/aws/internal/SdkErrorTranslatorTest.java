package io.github.cortexj.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.RedrivePolicy;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

class SdkErrorTranslatorTest {

  private static final String URL = "https://sqs.us-east-1.amazonaws.com/123456789012/cx_1ee11af4_b_iris_69b1.fifo";

  @Test
  void missingQueueBecomesQueueNotFoundNamingTheQueue() {
    BackendException e =
        SdkErrorTranslator.queueError(
            "SendMessage", URL, QueueDoesNotExistException.builder().message("gone").statusCode(400).build());
    assertThat(e.kind()).isEqualTo("queue.not_found");
    assertThat(e).hasMessage("queue \"cx_1ee11af4_b_iris_69b1.fifo\" does not exist (SendMessage)");
  }

  @Test
  void nonExistentQueueCodeFromCompatibleServersIsAlsoNotFound() {
    BackendException e = SdkErrorTranslator.queueError("ReceiveMessage", URL, sqs(400, "AWS.SimpleQueueService.NonExistentQueue", "x"));
    assertThat(e.kind()).isEqualTo("queue.not_found");
  }

  @Test
  void forbiddenBecomesAccessDenied() {
    BackendException e = SdkErrorTranslator.queueError("SendMessage", URL, sqs(403, "AccessDenied", "not allowed"));
    assertThat(e.kind()).isEqualTo("queue.access_denied");
    assertThat(e)
        .hasMessage("access denied to queue \"cx_1ee11af4_b_iris_69b1.fifo\" (SendMessage): AccessDenied: not allowed");
  }

  @Test
  void throttlingAndServerErrorsBecomeUnavailable() {
    assertThat(SdkErrorTranslator.queueError("SendMessage", URL, sqs(400, "ThrottlingException", "slow down")).kind())
        .isEqualTo("queue.unavailable");
    assertThat(SdkErrorTranslator.queueError("SendMessage", URL, sqs(503, "ServiceUnavailable", "busy")))
        .hasMessage("queue \"cx_1ee11af4_b_iris_69b1.fifo\" is unavailable (SendMessage): ServiceUnavailable: busy");
  }

  @Test
  void unavailableNamesTheCompatibleServersEndpointWhenKnown() {
    BackendException e =
        SdkErrorTranslator.queueError(
            "GetQueueUrl", "jobs.fifo", SdkClientException.create("Read timed out"),
            java.net.URI.create("http://127.0.0.1:9324"));
    assertThat(e.kind()).isEqualTo("queue.unavailable");
    assertThat(e).hasMessage("queue \"jobs.fifo\" is unavailable (GetQueueUrl at http://127.0.0.1:9324): Read timed out");
  }

  @Test
  void credentialChainFailureBecomesCredentialsMissingNamingTheQueueAndTheOption() {
    BackendException e =
        SdkErrorTranslator.queueError(
            "GetQueueUrl", URL, SdkClientException.create("Unable to load credentials from any of the providers"));
    assertThat(e.kind()).isEqualTo("queue.credentials_missing");
    assertThat(e)
        .hasMessage("no AWS credentials for queue \"cx_1ee11af4_b_iris_69b1.fifo\" (GetQueueUrl): set"
            + " AwsBackendOptions.Builder.credentialsProvider, or credentials for the SDK's default chain"
            + " (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, web identity, a container or instance role);"
            + " the chain said: Unable to load credentials from any of the providers");
  }

  @Test
  void credentialChainFailureOnS3BecomesStorageCredentialsMissingNamingTheKey() {
    BackendException e =
        SdkErrorTranslator.storageError(
            "PutObject", "cortex", "dev/a.txt", SdkClientException.create("Unable to load credentials from x"));
    assertThat(e.kind()).isEqualTo("storage.credentials_missing");
    assertThat(e).hasMessageStartingWith("no AWS credentials for s3://cortex/dev/a.txt (PutObject): set");
  }

  @Test
  void clientSideFailureBecomesUnavailable() {
    BackendException e =
        SdkErrorTranslator.queueError("ReceiveMessage", URL, SdkClientException.create("Unable to execute HTTP request"));
    assertThat(e.kind()).isEqualTo("queue.unavailable");
    assertThat(e)
        .hasMessage(
            "queue \"cx_1ee11af4_b_iris_69b1.fifo\" is unavailable (ReceiveMessage): Unable to execute HTTP request");
  }

  @Test
  void otherClientErrorsBecomeRequestFailedWithTheAwsCode() {
    BackendException e = SdkErrorTranslator.queueError("CreateQueue", "q.fifo", sqs(400, "InvalidAttributeValue", "bad"));
    assertThat(e.kind()).isEqualTo("queue.request_failed");
    assertThat(e).hasMessage("CreateQueue on queue \"q.fifo\" failed: InvalidAttributeValue: bad");
  }

  @Test
  void storageErrorsNameBucketAndKey() {
    BackendException denied =
        SdkErrorTranslator.storageError("GetObject", "cortex-bucket", "uid/jobs/x/spec.json", s3(403, "AccessDenied", "no"));
    assertThat(denied.kind()).isEqualTo("storage.access_denied");
    assertThat(denied).hasMessage("access denied to s3://cortex-bucket/uid/jobs/x/spec.json (GetObject): AccessDenied: no");

    BackendException unavailable =
        SdkErrorTranslator.storageError("PutObject", "cortex-bucket", "uid/k", s3(500, "InternalError", "oops"));
    assertThat(unavailable.kind()).isEqualTo("storage.unavailable");
    assertThat(unavailable).hasMessage("s3://cortex-bucket/uid/k is unavailable (PutObject): InternalError: oops");
  }

  @Test
  void missingBucketBecomesBucketNotFound() {
    NoSuchBucketException cause =
        (NoSuchBucketException)
            NoSuchBucketException.builder()
                .statusCode(404)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchBucket").errorMessage("none").build())
                .build();
    BackendException e = SdkErrorTranslator.storageError("ListObjectsV2", "nope-bucket", null, cause);
    assertThat(e.kind()).isEqualTo("storage.bucket_not_found");
    assertThat(e).hasMessage("bucket \"nope-bucket\" does not exist (ListObjectsV2)");
  }

  @Test
  void redrivePolicyCarriesMaxReceiveCountAsAString() {
    String json = new RedrivePolicyJson().toJson(new RedrivePolicy("arn:aws:sqs:us-east-1:1:dlq.fifo", 3));
    assertThat(json).isEqualTo("{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:1:dlq.fifo\",\"maxReceiveCount\":\"3\"}");
  }

  private static AwsServiceException sqs(int status, String code, String message) {
    return SqsException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .build();
  }

  private static AwsServiceException s3(int status, String code, String message) {
    return S3Exception.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .build();
  }
}
