package io.github.cortexj.aws.internal;

import io.github.cortexj.core.backend.BackendException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Turns SDK exceptions into {@link BackendException}s whose kind says what went wrong and whose message names the
 * queue, bucket or key. The SDK has already retried throttling, 5xx and I/O failures by the time an exception
 * reaches this class, so those become {@code *.unavailable}. Stateless and thread safe.
 */
public final class SdkErrorTranslator {

  private static final String CREDENTIALS_HINT =
      "set AwsBackendOptions.Builder.credentialsProvider, or credentials for the SDK's default chain (AWS_ACCESS_KEY_ID"
          + " and AWS_SECRET_ACCESS_KEY, a profile, web identity, a container or instance role); the chain said: ";

  private SdkErrorTranslator() {}

  /**
   * Translates a failed SQS call.
   *
   * @param operation the SQS action, such as {@code SendMessageBatch}
   * @param queueUrlOrName the queue's URL or name
   * @param e the SDK's exception
   * @return the exception to throw
   */
  public static BackendException queueError(String operation, String queueUrlOrName, SdkException e) {
    return queueError(operation, queueUrlOrName, e, null);
  }

  /**
   * Translates a failed SQS call, naming the endpoint when the server could not be reached or failed.
   *
   * @param operation the SQS action, such as {@code SendMessageBatch}
   * @param queueUrlOrName the queue's URL or name
   * @param e the SDK's exception
   * @param endpoint the endpoint the client was pointed at, or {@code null} for AWS's own
   * @return the exception to throw
   */
  public static BackendException queueError(
      String operation, String queueUrlOrName, SdkException e, @Nullable URI endpoint) {
    String queue = "queue \"" + queueName(queueUrlOrName) + "\"";
    String code = errorCode(e);
    if (e instanceof QueueDoesNotExistException || code.contains("NonExistentQueue") || code.contains("QueueDoesNotExist")) {
      return new BackendException("queue.not_found", queue + " does not exist (" + operation + ")", e);
    }
    if (isCredentialsMissing(e)) {
      return new BackendException(
          "queue.credentials_missing",
          "no AWS credentials for " + queue + " (" + operation + "): " + CREDENTIALS_HINT + detail(e),
          e);
    }
    if (isAccessDenied(e, code)) {
      return new BackendException(
          "queue.access_denied", "access denied to " + queue + " (" + operation + "): " + detail(e), e);
    }
    if (isUnavailable(e)) {
      return new BackendException(
          "queue.unavailable", queue + " is unavailable (" + operation + at(endpoint) + "): " + detail(e), e);
    }
    return new BackendException(
        "queue.request_failed", operation + " on " + queue + " failed: " + detail(e), e);
  }

  /**
   * Translates a failed S3 call.
   *
   * @param operation the S3 action, such as {@code PutObject}
   * @param bucket the bucket
   * @param key the full key (root prefix included), or {@code null} for calls on the bucket
   * @param e the SDK's exception
   * @return the exception to throw
   */
  public static BackendException storageError(
      String operation, String bucket, @Nullable String key, SdkException e) {
    return storageError(operation, bucket, key, e, null);
  }

  /**
   * Translates a failed S3 call, naming the endpoint when the server could not be reached or failed.
   *
   * @param operation the S3 action, such as {@code PutObject}
   * @param bucket the bucket
   * @param key the full key (root prefix included), or {@code null} for calls on the bucket
   * @param e the SDK's exception
   * @param endpoint the endpoint the client was pointed at, or {@code null} for AWS's own
   * @return the exception to throw
   */
  public static BackendException storageError(
      String operation, String bucket, @Nullable String key, SdkException e, @Nullable URI endpoint) {
    String target = key == null ? "bucket \"" + bucket + "\"" : "s3://" + bucket + "/" + key;
    String code = errorCode(e);
    if (e instanceof NoSuchBucketException || code.equals("NoSuchBucket")) {
      return new BackendException(
          "storage.bucket_not_found", "bucket \"" + bucket + "\" does not exist (" + operation + ")", e);
    }
    if (isCredentialsMissing(e)) {
      return new BackendException(
          "storage.credentials_missing",
          "no AWS credentials for " + target + " (" + operation + "): " + CREDENTIALS_HINT + detail(e),
          e);
    }
    if (isAccessDenied(e, code)) {
      return new BackendException(
          "storage.access_denied", "access denied to " + target + " (" + operation + "): " + detail(e), e);
    }
    if (isUnavailable(e)) {
      return new BackendException(
          "storage.unavailable", target + " is unavailable (" + operation + at(endpoint) + "): " + detail(e), e);
    }
    return new BackendException(
        "storage.request_failed", operation + " on " + target + " failed: " + detail(e), e);
  }

  /**
   * Returns the AWS error code of a service exception, or an empty string for client-side failures.
   *
   * @param e the exception
   * @return the code, possibly empty
   */
  public static String errorCode(SdkException e) {
    if (e instanceof AwsServiceException) {
      AwsErrorDetails details = ((AwsServiceException) e).awsErrorDetails();
      if (details != null && details.errorCode() != null) {
        return details.errorCode();
      }
    }
    return "";
  }

  /**
   * Returns the HTTP status of a service exception, or 0 for client-side failures.
   *
   * @param e the exception
   * @return the status code, or 0
   */
  public static int statusCode(SdkException e) {
    return e instanceof AwsServiceException ? ((AwsServiceException) e).statusCode() : 0;
  }

  /**
   * Returns the name of a queue from its URL (the last path segment), or the argument when it has no slash.
   *
   * @param queueUrlOrName a queue URL or name
   * @return the name
   */
  public static String queueName(String queueUrlOrName) {
    int slash = queueUrlOrName.lastIndexOf('/');
    return slash < 0 ? queueUrlOrName : queueUrlOrName.substring(slash + 1);
  }

  /** The SDK's credential providers fail on the client side, before any request is sent, with this wording. */
  private static boolean isCredentialsMissing(SdkException e) {
    String message = e.getMessage();
    return !(e instanceof AwsServiceException) && message != null && message.startsWith("Unable to load credentials");
  }

  private static boolean isAccessDenied(SdkException e, String code) {
    return statusCode(e) == 403
        || code.equals("AccessDenied")
        || code.equals("AccessDeniedException")
        || code.equals("InvalidAccessKeyId")
        || code.equals("SignatureDoesNotMatch")
        || code.equals("InvalidClientTokenId");
  }

  private static boolean isUnavailable(SdkException e) {
    if (!(e instanceof AwsServiceException)) {
      return true; // I/O failure, timeout or unreachable endpoint: nothing the caller sent is at fault.
    }
    AwsServiceException service = (AwsServiceException) e;
    return service.isThrottlingException() || service.statusCode() >= 500;
  }

  /** A read timeout or a 5xx does not say where it came from; a compatible server's endpoint is worth naming. */
  private static String at(@Nullable URI endpoint) {
    return endpoint == null ? "" : " at " + endpoint;
  }

  private static String detail(SdkException e) {
    if (e instanceof AwsServiceException) {
      AwsServiceException service = (AwsServiceException) e;
      AwsErrorDetails details = service.awsErrorDetails();
      String code = errorCode(e);
      String message = details == null ? null : details.errorMessage();
      String text = message == null || message.isBlank() ? "HTTP " + service.statusCode() : message;
      return code.isEmpty() ? text : code + ": " + text;
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
